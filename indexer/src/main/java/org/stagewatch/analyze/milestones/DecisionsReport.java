package org.stagewatch.analyze.milestones;

import java.util.List;

import org.stagewatch.analyze.control.ChainPoints;

/**
 * The answer of {@code stagewatch decisions} at one point in time: for each declared decision, each of its
 * permissions with every route that holds it — who (the token-holder vote, a security council, a Safe, keys,
 * anyone), through which contracts, with the delay and keys as {@code paths} computes them. README.md documents
 * every field.
 */
public record DecisionsReport(String dao, long chainId, long block, Long time, List<ChainPoints.Point> at, List<Decision> decisions) {
    public DecisionsReport {
        at = List.copyOf(at);
        decisions = List.copyOf(decisions);
    }

    public record Decision(String id, String title, String source, List<String> holders, List<Permission> permissions) {
        public Decision {
            holders = List.copyOf(holders);
            permissions = List.copyOf(permissions);
        }
    }

    /**
     * @param known     false when the contract's chain has nothing indexed by then (no routes can be known)
     * @param truncated more routes than the search lists: only the first are here
     */
    public record Permission(long chainId, String address, String label, String permission, String role, String function, boolean known,
                             Integer minKeys, Long minDelaySeconds, boolean truncated, List<Holder> routes) {
        public Permission {
            routes = List.copyOf(routes);
        }
    }

    /**
     * One route: {@code holder} is "token-holder vote", "security council", "Safe <label>", "keys" or "anyone";
     * {@code via} the contracts acted as, from the permission outwards; {@code gate} the final actors.
     */
    public record Holder(String holder, List<String> via, String gate, long delaySeconds, int keys, boolean councilGated, boolean vote) {
        public Holder {
            via = List.copyOf(via);
        }
    }

    public Decision decision(String id) {
        return decisions.stream().filter(decision -> decision.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no decision " + id));
    }
}
