package org.stagewatch.analyze.milestones;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.control.ControlFacts;
import org.stagewatch.analyze.control.ControlGraph;
import org.stagewatch.analyze.control.Gate;
import org.stagewatch.analyze.control.GateText;
import org.stagewatch.analyze.control.Hop;
import org.stagewatch.analyze.control.IndexedControl;
import org.stagewatch.analyze.control.Node;
import org.stagewatch.analyze.control.RoleState;
import org.stagewatch.analyze.control.Route;
import org.stagewatch.analyze.control.RouteSearch;
import org.stagewatch.config.ContractKind;
import org.stagewatch.config.DecisionConfig;
import org.stagewatch.store.MilestoneDeclaration;
import org.stagewatch.store.Store;

/**
 * Who holds each declared decision at a point in time: every permission of the decision becomes a gate on the
 * DAO's control graph ({@link IndexedControl}) — acting as the contract for {@code owner} and {@code act} (an
 * ownable acts through its owner), its EIP-1967 admin or beacon for {@code upgrade} (of a proxy, or of a contract
 * behind one), the role's holders or their admins for {@code role} — and {@link RouteSearch} finds its routes, with
 * the delays and keys {@code paths} reports.
 */
public final class DecisionAnalyzer {
    private final Store store;

    public DecisionAnalyzer(Store store) {
        this.store = store;
    }

    public DecisionsReport at(DaoScope dao, ChainPoints points) {
        return at(dao, points, new MilestoneAnalyzer(store).declaration(dao.daoId()));
    }

    DecisionsReport at(DaoScope dao, ChainPoints points, MilestoneDeclaration declaration) {
        ControlGraph graph = new IndexedControl(store).graph(dao, points);
        ControlFacts control = new ControlFacts(store);
        List<DecisionsReport.Decision> decisions = new ArrayList<>();
        for (DecisionConfig decision : declaration.decisions()) {
            List<DecisionsReport.Permission> permissions = new ArrayList<>();
            Set<String> holders = new LinkedHashSet<>();
            for (DecisionConfig.Permission permission : decision.permissions()) {
                DecisionsReport.Permission held = permission(dao, graph, control, points, declaration, permission);
                held.routes().forEach(route -> holders.add(route.holder()));
                permissions.add(held);
            }
            decisions.add(new DecisionsReport.Decision(decision.id(), decision.title(), decision.source(), List.copyOf(holders), permissions));
        }
        ChainPoints.Point anchor = points.named(dao);
        return new DecisionsReport(dao.daoId(), anchor.chainId(), anchor.block(), anchor.timestamp(), List.copyOf(points.byChain().values()),
                decisions);
    }

    private DecisionsReport.Permission permission(DaoScope dao, ControlGraph graph, ControlFacts control, ChainPoints points,
                                                  MilestoneDeclaration declaration, DecisionConfig.Permission permission) {
        Node node = new Node(declaration.chainId(permission.chain()), permission.address());
        long block = points.block(node.chainId());
        String label = graph.label(node);
        if (block < 0) {
            return new DecisionsReport.Permission(node.chainId(), node.address(), label, permission.permission(), permission.role(),
                    permission.function(), false, null, null, false, List.of());
        }
        Gate gate = switch (permission.permission()) {
            case "role" -> role(graph, control, node, permission.role(), block);
            case "upgrade" -> upgrade(dao, graph, node, block);
            default -> new Gate.Ref(node);
        };
        List<Route> routes = new RouteSearch(graph).routes(gate);
        List<DecisionsReport.Holder> holders = routes.stream().map(route -> holder(graph, route)).toList();
        return new DecisionsReport.Permission(node.chainId(), node.address(), label, permission.permission(), permission.role(),
                permission.function(), true, routes.stream().map(Route::keys).min(Comparator.naturalOrder()).orElse(null),
                routes.stream().map(Route::delaySeconds).min(Comparator.naturalOrder()).orElse(null),
                routes.size() >= RouteSearch.MAX_ROUTES, holders);
    }

    /**
     * Upgrading through the EIP-1967 admin (or beacon) only: for a proxy that is acting as it, but a contract of another kind
     * behind a proxy is also acted as its own way (a governor by the vote), which does not upgrade it.
     */
    private Gate upgrade(DaoScope dao, ControlGraph graph, Node node, long block) {
        return dao.contracts().stream().filter(row -> row.chainId() == node.chainId() && row.address().equalsIgnoreCase(node.address()))
                .findFirst().map(row -> new IndexedControl(store).permissions(graph, row, block).get("upgrade"))
                .map(gate -> Gate.step(graph.hop(node, "upgrade", 0), gate)).orElse(new Gate.Ref(node));
    }

    /** The role's holders, or holders of its admin role who can grant it to themselves first (as the graph builder reads roles). */
    private static Gate role(ControlGraph graph, ControlFacts control, Node node, String role, long block) {
        String id = role.startsWith("0x") ? role.toLowerCase(Locale.ROOT)
                : role.equals("DEFAULT_ADMIN_ROLE") ? RoleState.DEFAULT_ADMIN_ROLE : RoleState.id(role);
        RoleState roles = control.roles(node, block);
        List<Gate> options = new ArrayList<>(ControlGraph.refs(node.chainId(), roles.holders(id)));
        options.add(Gate.step(graph.hop(node, "admin of " + RoleState.name(id), 0),
                Gate.anyOf(ControlGraph.refs(node.chainId(), roles.adminHolders(id)))));
        return Gate.step(graph.hop(node, RoleState.name(id), 0), Gate.anyOf(options));
    }

    static DecisionsReport.Holder holder(ControlGraph graph, Route route) {
        boolean vote = CheckEvaluator.needsVote(route.gate());
        String holder;
        if (vote) {
            holder = "token-holder vote";
        } else if (route.councilGated()) {
            holder = "security council";
        } else if (Gate.isFree(route.gate()) || route.gate() instanceof Gate.Anyone) {
            holder = "anyone";
        } else {
            holder = route.via().isEmpty() ? "keys" : safe(graph, route.via().get(route.via().size() - 1));
        }
        return new DecisionsReport.Holder(holder, route.via().stream().map(hop -> hop.label() + " (" + hop.relation() + ")").toList(),
                GateText.of(route.gate()), route.delaySeconds(), route.keys(), route.councilGated(), vote);
    }

    private static String safe(ControlGraph graph, Hop outermost) {
        boolean isSafe = graph.contracts().stream().anyMatch(contract -> contract.node().equals(outermost.node())
                && contract.kind().equals(ContractKind.SAFE.configName()));
        return isSafe ? "Safe " + outermost.label() : "keys";
    }
}
