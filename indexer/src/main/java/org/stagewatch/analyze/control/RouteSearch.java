package org.stagewatch.analyze.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.stagewatch.analyze.AnalyzeException;

/**
 * Finds every route to a permission: resolves the {@link Gate.Ref}s of its gate through the graph
 * down to final actors (keys, votes, anyone), then splits the alternatives into routes, and each route
 * whose gate holds a vote into its coalitions that win no vote (a key route, if any) and those that win
 * one (a vote route), so that signing keys and voters are never counted together. A node met
 * again on the path being resolved is a cycle and resolves to no one, so a search always ends (an
 * executor that is its own admin adds nothing). An address that is not a configured contract is a
 * key, unless its chain settles on a parent where its unaliased address is a configured contract:
 * then it is that L1 contract acting through aliasing.
 */
public final class RouteSearch {
    static final int MAX_RESOLUTIONS = 200_000;
    public static final int MAX_ROUTES = 500;

    private final ControlGraph graph;
    private int resolutions;
    private boolean truncated;

    public RouteSearch(ControlGraph graph) {
        this.graph = graph;
    }

    /**
     * Routes of a permission's gate, fastest first (then key routes before vote routes, fewest keys), without
     * duplicates; at most {@value #MAX_ROUTES} of each kind.
     */
    public List<Route> routes(Gate permission) {
        resolutions = 0;
        truncated = false;
        Gate resolved = resolve(permission, new ArrayDeque<>());
        Set<Candidate> candidates = new LinkedHashSet<>();
        expand(resolved, List.of(), candidates);
        Set<Candidate> keyRoutes = new LinkedHashSet<>();
        Set<Candidate> voteRoutes = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            if (!Gate.hasVote(candidate.gate())) {
                keyRoutes.add(candidate);
                continue;
            }
            expand(Gate.withoutVotes(candidate.gate()), candidate.via(), keyRoutes);
            expand(Gate.throughVote(candidate.gate()), candidate.via(), voteRoutes);
        }
        List<Route> routes = new ArrayList<>();
        keyRoutes.forEach(candidate -> routes.add(Route.of(candidate.via(), candidate.gate(), false, graph.councils().values())));
        voteRoutes.forEach(candidate -> routes.add(Route.of(candidate.via(), candidate.gate(), true, graph.councils().values())));
        routes.sort(Route.FASTEST_THEN_FEWEST_KEYS);
        return routes;
    }

    /** Whether the last {@link #routes} call stopped at {@value #MAX_ROUTES} routes of a kind: more exist. */
    public boolean truncated() {
        return truncated;
    }

    /** A route before measuring: the steps from the permission outwards, and the gate at their end. */
    private record Candidate(List<Hop> via, Gate gate) {
    }

    /** The gate with every Ref replaced by who can act as that node (the path holds the nodes being resolved). */
    Gate resolve(Gate gate, Deque<Node> path) {
        if (++resolutions > MAX_RESOLUTIONS) {
            throw new AnalyzeException("the control graph has more than " + MAX_RESOLUTIONS
                    + " paths to resolve; configure fewer contracts or check for a contract listed under several kinds");
        }
        return switch (gate) {
            case Gate.Ref ref -> resolveNode(ref.node(), path);
            case Gate.Step step -> Gate.step(step.hop(), resolve(step.actor(), path));
            case Gate.AnyOf any -> Gate.anyOf(any.options().stream().map(option -> resolve(option, path)).toList());
            case Gate.Threshold threshold -> Gate.threshold(threshold.k(),
                    threshold.parties().stream().map(party -> resolve(party, path)).toList());
            case Gate.Key key -> key;
            case Gate.Anyone anyone -> anyone;
            case Gate.Nobody nobody -> nobody;
            case Gate.Vote vote -> vote;
        };
    }

    private Gate resolveNode(Node node, Deque<Node> path) {
        if (path.contains(node) || node.isZero()) {
            return Gate.NOBODY;
        }
        List<Gate> ways = graph.actsAs(node);
        if (!ways.isEmpty() || graph.isContract(node)) {
            path.push(node);
            try {
                return Gate.anyOf(ways.stream().map(way -> resolve(way, path)).toList());
            } finally {
                path.pop();
            }
        }
        Long parent = graph.parent(node.chainId());
        if (parent != null) {
            Node l1 = new Node(parent, Node.unalias(node.address()));
            if (graph.isContract(l1)) {
                Hop alias = new Hop(node, "alias of " + graph.label(l1), "L1→L2 alias", 0);
                path.push(node);
                try {
                    return Gate.step(alias, resolveNode(l1, path));
                } finally {
                    path.pop();
                }
            }
        }
        return new Gate.Key(node.address());
    }

    /** Splits alternatives into routes; a k-of-n gate over several parties ends the route's chain of steps. */
    private void expand(Gate gate, List<Hop> via, Set<Candidate> out) {
        if (out.size() >= MAX_ROUTES) {
            truncated = true;
            return;
        }
        switch (gate) {
            case Gate.AnyOf any -> any.options().forEach(option -> expand(option, via, out));
            case Gate.Step step -> {
                List<Hop> longer = new ArrayList<>(via);
                longer.add(step.hop());
                expand(step.actor(), longer, out);
            }
            case Gate.Nobody nobody -> {
                // no route
            }
            default -> out.add(new Candidate(List.copyOf(via), gate));
        }
    }
}
