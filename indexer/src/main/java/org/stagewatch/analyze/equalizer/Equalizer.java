package org.stagewatch.analyze.equalizer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.MetricsAnalyzer;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.ProposalMetrics;
import org.stagewatch.analyze.ProposalState;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.control.ControlGraph;
import org.stagewatch.analyze.control.Gate;
import org.stagewatch.analyze.control.IndexedControl;
import org.stagewatch.analyze.control.Node;
import org.stagewatch.analyze.control.Route;
import org.stagewatch.analyze.control.RouteSearch;
import org.stagewatch.analyze.stage.CouncilSetup;
import org.stagewatch.analyze.stage.ExitWindow;
import org.stagewatch.analyze.stage.StageAnalyzer;
import org.stagewatch.analyze.stage.StageFacts;
import org.stagewatch.analyze.stage.StageRules;
import org.stagewatch.analyze.stage.Status;
import org.stagewatch.config.ContractKind;
import org.stagewatch.config.StageConfig;
import org.stagewatch.project.Rows;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.GovernanceDao;
import org.stagewatch.store.StageDeclaration;
import org.stagewatch.store.Store;
import org.stagewatch.store.PowerQueries;

/**
 * The decentralization equalizer (DESIGN.md §7) at one point in time: six scores from 0 to 100, each
 * from indexed state with the formula README.md documents, so a DAO's progress along each can be
 * read and plotted. The formulas, with W the exit window, K the fewest signing keys over the routes that
 * need no token-holder vote (full marks when every route needs one: the vote's concentration is
 * votingPower's), D smallest delay:
 * <ul>
 * <li>votingPower = 100 · min(1, log₁₀(effectiveDelegates) / 2): one delegate 0, ten 50, a hundred 100;</li>
 * <li>upgradeControl = 60 · min(1, W / 30 d) + 40 · min(1, K / 8), over routes to critical permissions;</li>
 * <li>securityCouncil = 25 · (min(1, n/8) + min(1, (k/n)/0.75) + min(1, (outside/n)/0.5) + announced), per entity,
 * the weakest designated council;</li>
 * <li>treasuryControl = 50 · min(1, K / 8) + 50 · min(1, D / 7 d), over routes to act as each treasury, the weakest;</li>
 * <li>proposalAccess = 100 · min(1, log₁₀(1 + delegates with power ≥ proposal threshold) / 2);</li>
 * <li>participation = 100 · min(1, 2 · mean turnout of the last 10 proposals whose voting opened).</li>
 * </ul>
 */
public final class Equalizer {
    public static final List<String> DIMENSIONS = List.of("votingPower", "upgradeControl", "securityCouncil", "treasuryControl",
            "proposalAccess", "participation");
    static final int PARTICIPATION_WINDOW = 10;
    private static final double KEYS_FOR_FULL = 8;

    private final Store store;

    public Equalizer(Store store) {
        this.store = store;
    }

    public EqualizerReport at(DaoScope dao, ChainPoints points, Long sampledAt) {
        StageAnalyzer stage = new StageAnalyzer(store);
        ControlGraph graph = new IndexedControl(store).graph(dao, points);
        StageFacts facts = stage.facts(dao, points, graph);
        List<Dimension> dimensions = new ArrayList<>();
        Optional<ContractRow> token = dao.ofKind(ContractKind.VOTES_TOKEN).stream().findFirst();
        long tokenBlock = token.map(row -> points.block(row.chainId())).orElse(-1L);
        dimensions.add(votingPower(dao, token, tokenBlock));
        dimensions.add(upgradeControl(facts));
        dimensions.add(securityCouncil(facts));
        dimensions.add(treasuryControl(graph, stage.declaration(dao.daoId())));
        dimensions.add(proposalAccess(dao, token, tokenBlock));
        dimensions.add(participation(dao, token, tokenBlock));
        ChainPoints.Point anchor = points.named(dao);
        return new EqualizerReport(dao.daoId(), anchor.chainId(), anchor.block(), anchor.timestamp(), sampledAt,
                List.copyOf(points.byChain().values()), dimensions);
    }

    private Dimension votingPower(DaoScope dao, Optional<ContractRow> token, long block) {
        String formula = "100 · min(1, log10(effectiveDelegates) / 2)";
        if (token.isEmpty() || block < 0) {
            return Dimension.absent("votingPower", formula, token.isEmpty() ? "no votes-token contract" : "token chain not indexed by then");
        }
        MetricsPoint point = new MetricsAnalyzer(store).at(dao, block, null, null);
        BigDecimal effective = point.byAddress().effectiveDelegates();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("effectiveDelegates", effective == null ? null : effective.setScale(2, RoundingMode.HALF_UP));
        inputs.put("delegates", point.byAddress().delegates());
        inputs.put("nakamotoMajority", point.byAddress().nakamoto().majority());
        if (effective == null) {
            return new Dimension("votingPower", 0.0, formula, inputs, "no delegated voting power");
        }
        double score = 100 * Dimension.unit(Math.log10(Math.max(1, effective.doubleValue())) / 2);
        return new Dimension("votingPower", Dimension.round(score), formula, inputs, null);
    }

    private static Dimension upgradeControl(StageFacts facts) {
        String formula = "60 · min(1, exitWindow / 30 d) + 40 · min(1, fewestKeys / 8), fewestKeys = signing keys over the routes"
                + " that need no vote (1 when every route needs one)";
        if (facts.routes().isEmpty()) {
            return Dimension.absent("upgradeControl", formula, facts.criticalPermissions() == 0
                    ? "no critical contracts: mark them critical: true" : "no route can upgrade the critical contracts");
        }
        ExitWindow window = ExitWindow.of(facts);
        Integer keys = facts.routes().stream().filter(route -> !route.needsVote()).map(StageFacts.RouteFacts::keys)
                .min(Comparator.naturalOrder()).orElse(null);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("exitWindowSeconds", window.seconds());
        inputs.put("fewestKeys", keys);
        inputs.put("routes", facts.routes().size());
        double score = 60 * Dimension.unit((double) window.seconds() / StageRules.THIRTY_DAYS) + 40 * keyScore(keys);
        return new Dimension("upgradeControl", Dimension.round(score), formula, inputs, null);
    }

    private static Dimension securityCouncil(StageFacts facts) {
        String formula = "25 · (min(1, entities/8) + min(1, (entityThreshold/entities)/0.75) + min(1, (outsideTeam/entities)/0.5)"
                + " + announced), the weakest designated council";
        Dimension weakest = null;
        for (StageFacts.CouncilFacts council : facts.councils()) {
            CouncilSetup setup = CouncilSetup.of(council);
            int n = Math.max(1, setup.entities());
            double score = 25 * (Dimension.unit(setup.entities() / (double) CouncilSetup.MIN_MEMBERS)
                    + Dimension.unit(setup.entityThreshold() / (double) n / 0.75) + Dimension.unit(setup.outsideTeam() / (double) n / 0.5)
                    + (setup.announcement() == Status.PASSED ? 1 : 0));
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("council", council.label() + " (" + council.chainId() + ":" + council.address() + ")");
            inputs.put("entities", setup.entities());
            inputs.put("entityThreshold", setup.entityThreshold());
            inputs.put("outsideTeam", setup.outsideTeam());
            inputs.put("independenceUnknown", setup.independenceUnknown());
            inputs.put("announced", setup.announcement() == Status.PASSED);
            Dimension dimension = new Dimension("securityCouncil", Dimension.round(score), formula, inputs, null);
            if (weakest == null || dimension.score() < weakest.score()) {
                weakest = dimension;
            }
        }
        return weakest != null ? weakest : Dimension.absent("securityCouncil", formula, "no Safe is marked council: true");
    }

    private static Dimension treasuryControl(ControlGraph graph, StageDeclaration declaration) {
        String formula = "50 · min(1, fewestKeys / 8) + 50 · min(1, smallestDelay / 7 d), the weakest treasury; fewestKeys ="
                + " signing keys over the routes that need no vote (1 when every route needs one)";
        List<StageConfig.ContractRef> treasuries = declaration.stage().treasuries();
        if (treasuries.isEmpty()) {
            return Dimension.absent("treasuryControl", formula, "no treasury declared in stage.treasuries");
        }
        Dimension weakest = null;
        for (StageConfig.ContractRef treasury : treasuries) {
            Node node = new Node(declaration.chainId(treasury.chain()), treasury.address());
            List<Route> routes = new RouteSearch(graph).routes(new Gate.Ref(node));
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("treasury", graph.label(node) + " (" + node + ")");
            inputs.put("routes", routes.size());
            if (routes.isEmpty()) {
                Dimension locked = new Dimension("treasuryControl", 100.0, formula, inputs, "no route can act as the treasury");
                weakest = weakest == null ? locked : weakest;
                continue;
            }
            Integer keys = routes.stream().filter(route -> !route.needsVote()).map(Route::keys).min(Comparator.naturalOrder())
                    .orElse(null);
            long delay = routes.stream().mapToLong(Route::delaySeconds).min().orElse(0);
            inputs.put("fewestKeys", keys);
            inputs.put("smallestDelaySeconds", delay);
            double score = 50 * keyScore(keys) + 50 * Dimension.unit(delay / (double) StageRules.SEVEN_DAYS);
            Dimension dimension = new Dimension("treasuryControl", Dimension.round(score), formula, inputs, null);
            if (weakest == null || dimension.score() < weakest.score()) {
                weakest = dimension;
            }
        }
        return weakest;
    }

    /** min(1, K / 8) for the fewest signing keys K; 1 when no route acts without a token-holder vote (K null). */
    private static double keyScore(Integer keys) {
        return keys == null ? 1 : Dimension.unit(keys / KEYS_FOR_FULL);
    }

    private Dimension proposalAccess(DaoScope dao, Optional<ContractRow> token, long block) {
        String formula = "100 · min(1, log10(1 + delegates with power ≥ proposal threshold) / 2)";
        Optional<ContractRow> governor = dao.governors().stream().filter(row -> token.isPresent() && row.chainId() == token.get().chainId())
                .findFirst();
        if (governor.isEmpty() || block < 0) {
            return Dimension.absent("proposalAccess", formula, "no governor on the votes token's chain");
        }
        BigInteger threshold = store.jdbi().onDemand(GovernanceDao.class).settings(governor.get().chainId(), governor.get().address(), block)
                .stream().filter(setting -> setting.setting().equals("proposalThreshold")).reduce((a, b) -> b)
                .map(Rows.GovernorSetting::newValue).map(BigInteger::new).orElse(BigInteger.ZERO);
        long eligible = new PowerQueries(store.database()).powersAt(token.get().chainId(), token.get().address(), block).stream()
                .map(PowerQueries.DelegatePower::power).filter(power -> power.compareTo(threshold) >= 0).count();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("proposalThreshold", threshold.toString());
        inputs.put("eligibleDelegates", eligible);
        double score = 100 * Dimension.unit(Math.log10(1 + eligible) / 2);
        return new Dimension("proposalAccess", Dimension.round(score), formula, inputs, null);
    }

    private Dimension participation(DaoScope dao, Optional<ContractRow> token, long block) {
        String formula = "100 · min(1, 2 · mean turnout of the last 10 proposals whose voting opened)";
        if (token.isEmpty() || dao.governors().isEmpty() || block < 0) {
            return Dimension.absent("participation", formula, "no governor and votes token");
        }
        List<ProposalMetrics.Report> recent = new ProposalMetrics(store).reports(dao, block, null).stream()
                .filter(report -> report.turnout() != null && report.proposal().state() != ProposalState.PENDING)
                .sorted(Comparator.comparingLong((ProposalMetrics.Report report) -> report.proposal().createdBlock()).reversed())
                .limit(PARTICIPATION_WINDOW).toList();
        if (recent.isEmpty()) {
            return Dimension.absent("participation", formula, "no proposal has opened for voting yet");
        }
        double mean = recent.stream().mapToDouble(report -> report.turnout().doubleValue()).average().orElse(0);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("proposals", recent.size());
        inputs.put("meanTurnout", Math.round(mean * 10_000) / 10_000.0);
        return new Dimension("participation", Dimension.round(100 * Dimension.unit(2 * mean)), formula, inputs, null);
    }
}
