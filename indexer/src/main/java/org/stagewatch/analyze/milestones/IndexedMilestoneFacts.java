package org.stagewatch.analyze.milestones;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.MetricsAnalyzer;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.control.ControlFacts;
import org.stagewatch.analyze.control.ControlGraph;
import org.stagewatch.analyze.control.Gate;
import org.stagewatch.analyze.control.IndexedControl;
import org.stagewatch.analyze.control.Node;
import org.stagewatch.analyze.control.RoleState;
import org.stagewatch.analyze.control.Route;
import org.stagewatch.analyze.control.RouteSearch;
import org.stagewatch.analyze.equalizer.Equalizer;
import org.stagewatch.analyze.stage.StageAnalyzer;
import org.stagewatch.analyze.stage.StageRules;
import org.stagewatch.analyze.stage.StageVerdict;
import org.stagewatch.config.ContractKind;
import org.stagewatch.config.MilestoneCheck;
import org.stagewatch.project.ControlRows;
import org.stagewatch.project.Rows;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.ControlReadDao;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.GovernanceDao;
import org.stagewatch.store.MilestoneDeclaration;
import org.stagewatch.store.StageDeclaration;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * {@link MilestoneFacts} from the store at one point in time, each asked of the analysis that derives it —
 * the stage rules, the control graph ({@link IndexedControl}) and its routes ({@link RouteSearch}),
 * {@link ControlFacts} for owners and roles, {@link MetricsAnalyzer}, the {@link Equalizer}, the indexed
 * proposal and council-manager events, the stored probe readings — and computed once, when first asked.
 */
public final class IndexedMilestoneFacts implements MilestoneFacts {
    /** The kinds whose owner() an owner check reads, behind a proxy or not. */
    private static final Set<String> OWNED = Set.of(ContractKind.OWNABLE.configName(), ContractKind.TIMELOCK.configName());
    private static final Set<String> MEMBER_CHANGES = Set.of("member_added", "member_removed", "member_replaced", "member_rotated",
            "cohort_replaced");

    private final Store store;
    private final DaoScope dao;
    private final ChainPoints points;
    private final MilestoneDeclaration declaration;
    private final ControlFacts control;
    private ControlGraph graph;
    private StageVerdict stage;
    private Concentration concentration;
    private boolean concentrationRead;
    private final Map<String, Optional<Reading<BigDecimal>>> dimensions = new HashMap<>();

    public IndexedMilestoneFacts(Store store, DaoScope dao, ChainPoints points, MilestoneDeclaration declaration) {
        this.store = store;
        this.dao = dao;
        this.points = points;
        this.declaration = declaration;
        this.control = new ControlFacts(store);
    }

    ControlGraph graph() {
        if (graph == null) {
            graph = new IndexedControl(store).graph(dao, points);
        }
        return graph;
    }

    @Override
    public StageVerdict stage() {
        if (stage == null) {
            stage = StageRules.evaluate(new StageAnalyzer(store).facts(dao, points, graph()));
        }
        return stage;
    }

    @Override
    public long chainId(String chainKey) {
        return declaration.chainId(chainKey);
    }

    @Override
    public long block(long chainId) {
        return points.block(chainId);
    }

    @Override
    public String label(long chainId, String address) {
        return row(chainId, address).map(ContractRow::label).orElse(address.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<List<ScopedPermission>> permissions(MilestoneCheck.RouteCheck scope) {
        List<ScopedPermission> permissions = new ArrayList<>();
        // a contract in scope (every critical one, or the one named) not deployed (not indexed) by then has no admin or
        // owner to read: the routes are not known, not absent
        boolean undeployed = dao.contracts().stream().filter(row -> scope.address() == null ? row.critical()
                : row.chainId() == chainId(scope.chain()) && row.address().equalsIgnoreCase(scope.address()))
                .anyMatch(row -> points.block(row.chainId()) < row.startBlock());
        if (undeployed) {
            return Optional.empty();
        }
        if (scope.address() == null) {
            graph().permissions().forEach(permission -> permissions.add(scoped(permission.target(), permission.name(), permission.gate())));
            return Optional.of(permissions);
        }
        Node node = new Node(chainId(scope.chain()), scope.address());
        if (points.block(node.chainId()) < 0) {
            return Optional.empty();
        }
        Optional<ContractRow> row = row(node.chainId(), node.address());
        if (row.map(ContractRow::critical).orElse(false)) {
            graph().permissions().stream().filter(permission -> permission.target().equals(node))
                    .filter(permission -> scope.permission() == null || permission.name().equals(scope.permission()))
                    .forEach(permission -> permissions.add(scoped(node, permission.name(), permission.gate())));
        } else if (scope.permission() == null || scope.permission().equals("act")) {
            // not critical: the graph holds no permission for it, so the question is who can act as it
            permissions.add(scoped(node, "act", new Gate.Ref(node)));
        } else if (row.isPresent()) {
            // a named permission of a contract that is not critical (e.g. upgrade of a governor behind a proxy): its gate
            // as the graph would hold it
            Gate gate = new IndexedControl(store).permissions(graph(), row.get(), points.block(node.chainId())).get(scope.permission());
            if (gate != null) {
                permissions.add(scoped(node, scope.permission(), gate));
            }
        }
        return Optional.of(permissions);
    }

    private ScopedPermission scoped(Node target, String name, Gate gate) {
        List<Route> routes = new RouteSearch(graph()).routes(gate);
        return new ScopedPermission(target.chainId(), target.address(), graph().label(target), name, routes,
                routes.size() >= RouteSearch.MAX_ROUTES);
    }

    @Override
    public Optional<Reading<String>> owner(long chainId, String address) {
        Node node = new Node(chainId, address);
        long block = points.block(chainId);
        if (block < 0) {
            return Optional.empty();
        }
        String owner = readsAdmin(chainId, address) ? control.proxyValue(node, "admin_changed", ControlReadings.ADMIN_SLOT, block)
                : control.owner(node, block);
        return Optional.ofNullable(owner).map(value -> new Reading<>(value.toLowerCase(Locale.ROOT), chainId, node.address(), block));
    }

    /**
     * A proxy's "owner" is its EIP-1967 admin, and so is that of a governor, Safe or other contract without an owner
     * declared behind a proxy; an ownable or timelock behind a proxy answers with its own owner.
     */
    @Override
    public boolean readsAdmin(long chainId, String address) {
        return row(chainId, address).filter(ContractRow::upgradeable).map(row -> !OWNED.contains(row.kind())).orElse(false);
    }

    @Override
    public Optional<Reading<Set<String>>> roleHolders(long chainId, String address, String role) {
        Node node = new Node(chainId, address);
        long block = points.block(chainId);
        if (block < 0) {
            return Optional.empty();
        }
        String id = role.startsWith("0x") ? role.toLowerCase(Locale.ROOT)
                : role.equals("DEFAULT_ADMIN_ROLE") ? RoleState.DEFAULT_ADMIN_ROLE : RoleState.id(role);
        return Optional.of(new Reading<>(control.roles(node, block).holders(id), chainId, node.address(), block));
    }

    @Override
    public Optional<Reading<BigDecimal>> metric(String name) {
        if (name.startsWith("equalizer.")) {
            return dimensions.computeIfAbsent(name, key -> {
                ChainPoints.Point anchor = points.named(dao);
                Double score = new Equalizer(store).at(dao, points, null).dimension(name.substring("equalizer.".length())).score();
                return Optional.ofNullable(score).map(value -> new Reading<>(BigDecimal.valueOf(value), anchor.chainId(), null, anchor.block()));
            });
        }
        Optional<ContractRow> token = dao.ofKind(ContractKind.VOTES_TOKEN).stream().findFirst();
        if (token.isEmpty() || points.block(token.get().chainId()) < 0) {
            return Optional.empty();
        }
        long block = points.block(token.get().chainId());
        if (!concentrationRead) {
            concentration = new MetricsAnalyzer(store).at(dao, block, null, null).byAddress();
            concentrationRead = true;
        }
        BigDecimal value = switch (name) {
            case "delegates" -> BigDecimal.valueOf(concentration.delegates());
            case "nakamoto.majority" -> decimal(concentration.nakamoto().majority());
            case "nakamoto.quorum" -> decimal(concentration.nakamoto().quorum());
            case "gini" -> concentration.gini();
            case "hhi" -> concentration.hhi();
            case "effectiveDelegates" -> concentration.effectiveDelegates();
            case "entropyBits" -> concentration.entropyBits() == null ? null : BigDecimal.valueOf(concentration.entropyBits());
            default -> name.startsWith("topShares.") ? concentration.topShares().get(name.substring("topShares.".length())) : null;
        };
        return Optional.ofNullable(value).map(found -> new Reading<>(found, token.get().chainId(), token.get().address(), block));
    }

    private static BigDecimal decimal(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    @Override
    public Optional<Reading<Long>> activity(String count, Long windowDays) {
        ContractKind kind = count.equals("proposalsExecuted") ? ContractKind.GOVERNOR : ContractKind.COUNCIL_MANAGER;
        List<ContractRow> emitters = dao.ofKind(kind).stream().filter(row -> points.block(row.chainId()) >= 0).toList();
        if (emitters.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        for (ContractRow row : emitters) {
            long block = points.block(row.chainId());
            long since = windowDays == null ? Long.MIN_VALUE : points.byChain().get(row.chainId()).timestamp() - windowDays * 86_400;
            if (kind == ContractKind.GOVERNOR) {
                Set<String> executed = new HashSet<>();
                for (Rows.ProposalEvent event : store.jdbi().onDemand(GovernanceDao.class).proposalEvents(row.chainId(), row.address(), block)) {
                    if (event.event().equals("executed") && time(row.chainId(), event.blockNumber()) >= since) {
                        executed.add(event.proposalId());
                    }
                }
                total += executed.size();
            } else {
                for (ControlRows.CouncilChange change : store.jdbi().onDemand(ControlReadDao.class).councilChanges(row.chainId(), row.address(), block)) {
                    if (MEMBER_CHANGES.contains(change.change()) && time(row.chainId(), change.blockNumber()) >= since) {
                        total++;
                    }
                }
            }
        }
        ContractRow first = emitters.get(0);
        return Optional.of(new Reading<>(total, first.chainId(), first.address(), points.block(first.chainId())));
    }

    /** A block's time; for a block whose header was not stored, that of the closest stored block before it. */
    private long time(long chainId, long block) {
        return store.withSync(sync -> sync.block(chainId, block).or(() -> sync.blockAtOrBefore(chainId, block)))
                .map(BlockHeader::timestamp).orElse(0L);
    }

    @Override
    public Optional<Reading<String>> probe(MilestoneCheck.ProbeCheck probe) {
        long chainId = chainId(probe.chain());
        long block = points.block(chainId);
        if (block < 0) {
            return Optional.empty();
        }
        String address = probe.address().toLowerCase(Locale.ROOT);
        return store.jdbi().onDemand(StateReadDao.class).latest(chainId, address, StageDeclaration.probeReading(probe.call()), "", block)
                .map(read -> new Reading<>(read.value(), chainId, address, read.blockNumber()));
    }

    private Optional<ContractRow> row(long chainId, String address) {
        return dao.contracts().stream().filter(row -> row.chainId() == chainId && row.address().equalsIgnoreCase(address)).findFirst();
    }
}
