package org.stagewatch.analyze.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.ControlDeclaration;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.Store;

/**
 * Builds a DAO's {@link ControlGraph} from the store, each chain at its own block: every configured
 * contract's state (Safe owners, roles, owners, proxy admins, timelock delays, the vote), the councils,
 * parent chains and message paths the config declared, and the permissions of each critical contract
 * ({@link #permissions}). A contract of another kind declared behind an EIP-1967 proxy is also acted as by
 * its admin (or beacon), who can upgrade it, as a proxy is. A contract on a chain not indexed yet at the
 * point in time (block -1) exists with no state.
 */
public final class IndexedControl {
    private final Store store;
    private final ControlFacts facts;

    public IndexedControl(Store store) {
        this.store = store;
        this.facts = new ControlFacts(store);
    }

    public ControlGraph graph(DaoScope dao, ChainPoints points) {
        ControlGraphBuilder builder = new ControlGraphBuilder();
        List<ControlDeclaration> declarations = facts.rows().declarations(dao.daoId());
        dao.contracts().forEach(row -> builder.contract(node(row), row.kind(), row.label()));
        Set<Node> councils = declarations.stream().filter(d -> d.declaration().equals(ControlDeclaration.COUNCIL))
                .map(d -> new Node(d.chainId(), d.address())).collect(Collectors.toSet());
        for (ContractRow row : dao.contracts()) {
            long block = points.block(row.chainId());
            if (block >= 0) {
                add(builder, dao, row, block, councils.contains(node(row)));
            }
        }
        for (ControlDeclaration declaration : declarations) {
            switch (declaration.declaration()) {
                case ControlDeclaration.PARENT -> builder.parent(declaration.chainId(), declaration.otherChainId());
                case ControlDeclaration.MESSAGE_PATH -> builder.messagePath(new Node(declaration.chainId(), declaration.address()),
                        new Node(declaration.otherChainId(), declaration.otherAddress()), declaration.delaySeconds(), declaration.label());
                default -> {
                    // councils are marked with their Safe above
                }
            }
        }
        return builder.graph();
    }

    private void add(ControlGraphBuilder builder, DaoScope dao, ContractRow row, long block, boolean council) {
        Node node = node(row);
        ContractKind kind = ContractKind.fromConfigName(row.kind()).orElseThrow();
        switch (kind) {
            case SAFE -> {
                SafeState safe = new SafeHistory(store).at(node, block);
                builder.safe(node, safe.threshold(), safe.owners(), safe.modules());
                if (council) {
                    builder.council(node, safe.threshold(), Set.copyOf(safe.owners()));
                }
            }
            case TIMELOCK -> timelock(builder, node, block);
            case UPGRADE_EXECUTOR -> {
                RoleState roles = facts.roles(node, block);
                String executor = RoleState.id("EXECUTOR_ROLE");
                builder.upgradeExecutor(node, roles.holders(executor), roles.adminHolders(executor));
            }
            case OWNABLE -> builder.ownable(node, facts.owner(node, block));
            case PROXY -> builder.proxy(node, admin(node, block), facts.proxyValue(node, "beacon_upgraded", ControlReadings.BEACON_SLOT, block));
            case GOVERNOR -> token(dao, row).ifPresent(token -> builder.governor(node, facts.vote(node, token, block)));
            default -> {
                // votes tokens, access-control contracts and council managers act for no one here
            }
        }
        if (row.proxy() && kind != ContractKind.PROXY) {
            builder.proxy(node, admin(node, block), facts.proxyValue(node, "beacon_upgraded", ControlReadings.BEACON_SLOT, block));
        }
        if (row.critical()) {
            permissions(builder.graph(), row, block).forEach((name, gate) -> builder.permission(node, name, gate));
        }
    }

    private void timelock(ControlGraphBuilder builder, Node node, long block) {
        RoleState roles = facts.roles(node, block);
        long delay = facts.minDelay(node, block);
        String owner = facts.owner(node, block);
        if (roles.isEmpty() && owner != null) {
            builder.compoundTimelock(node, delay, owner);
            return;
        }
        String proposer = RoleState.id("PROPOSER_ROLE");
        String executor = RoleState.id("EXECUTOR_ROLE");
        builder.timelock(node, delay, roles.holders(proposer), roles.adminHolders(proposer), roles.holders(executor),
                roles.adminHolders(executor));
    }

    /**
     * A contract's permissions at the block, each with the gate that holds it: {@code owner} for an ownable, one per
     * held role for an access-control contract, {@code act} (act as it) for any other kind but a proxy; and
     * {@code upgrade} (its admin or beacon) for a proxy or a contract behind one. The graph holds those of critical
     * contracts; a check or decision naming another contract asks here.
     */
    public Map<String, Gate> permissions(ControlGraph graph, ContractRow row, long block) {
        Node node = node(row);
        ContractKind kind = ContractKind.fromConfigName(row.kind()).orElseThrow();
        Map<String, Gate> permissions = new LinkedHashMap<>();
        switch (kind) {
            case PROXY -> {
                // upgrade, below, is all a proxy has
            }
            case OWNABLE -> permissions.put("owner", Gate.anyOf(ControlGraph.refs(node.chainId(), List.of(nonNull(facts.owner(node, block))))));
            case ACCESS_CONTROL -> {
                RoleState roles = facts.roles(node, block);
                roles.heldRoles().forEach(role -> permissions.put(RoleState.name(role),
                        ControlGraphBuilder.role(graph, node, RoleState.name(role), roles.holders(role), roles.adminHolders(role))));
            }
            default -> permissions.put("act", new Gate.Ref(node));
        }
        if (row.upgradeable()) {
            permissions.put("upgrade", Gate.anyOf(ControlGraph.refs(node.chainId(), List.of(nonNull(admin(node, block)),
                    nonNull(facts.proxyValue(node, "beacon_upgraded", ControlReadings.BEACON_SLOT, block))))));
        }
        return permissions;
    }

    /** The EIP-1967 admin of a proxy (or of a contract behind one) at the block, from events or slot readings; null when unknown. */
    private String admin(Node node, long block) {
        return facts.proxyValue(node, "admin_changed", ControlReadings.ADMIN_SLOT, block);
    }

    /** The DAO's votes token on the governor's chain: the token its votes are counted in. */
    private static Optional<ContractRow> token(DaoScope dao, ContractRow governor) {
        return dao.ofKind(ContractKind.VOTES_TOKEN).stream().filter(token -> token.chainId() == governor.chainId()).findFirst();
    }

    private static String nonNull(String address) {
        return address == null ? Node.ZERO : address;
    }

    static Node node(ContractRow row) {
        return new Node(row.chainId(), row.address());
    }
}
