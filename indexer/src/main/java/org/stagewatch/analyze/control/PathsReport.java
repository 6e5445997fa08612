package org.stagewatch.analyze.control;

import java.util.List;

/**
 * The answer of {@code stagewatch paths}: for each permission on a critical contract, every route
 * with its delay, keys and council gating, at the given point in time (one block per chain). The
 * JSON document is this record as it stands; README.md documents every field.
 */
public record PathsReport(String dao, List<ChainPoints.Point> at, List<CouncilSummary> councils,
                          List<PermissionRoutes> permissions) {

    /** A designated council as the gating check counted it. */
    public record CouncilSummary(long chainId, String address, String label, int threshold, int signers) {
    }

    /**
     * @param minKeys                 fewest keys over all routes (null when no route exists)
     * @param minDelaySeconds         smallest enforced delay over all routes (null when no route exists)
     * @param fastestNonCouncilRoute  the fastest route that is not council-gated (then fewest keys), or null
     * @param truncated               more than {@value RouteSearch#MAX_ROUTES} routes: only the first are listed
     */
    public record PermissionRoutes(long chainId, String target, String label, String permission, Integer minKeys,
                                   Long minDelaySeconds, RouteView fastestNonCouncilRoute, boolean truncated,
                                   List<RouteView> routes) {
    }

    /**
     * @param via  the contracts acted as, from the permission outwards, each with how and its delay
     * @param gate the final actors, as {@link GateText} writes them
     * @param vote voting delay + period of the token-holder vote on this route, null when there is none
     */
    public record RouteView(long delaySeconds, int keys, boolean councilGated, List<HopView> via, String gate, String vote,
                            boolean approximate) {
        static RouteView of(Route route) {
            return new RouteView(route.delaySeconds(), route.keys(), route.councilGated(),
                    route.via().stream().map(HopView::of).toList(), GateText.of(route.gate()), vote(route.gate()),
                    route.approximate());
        }

        private static String vote(Gate gate) {
            return switch (gate) {
                case Gate.Vote vote -> vote.duration();
                case Gate.Step step -> vote(step.actor());
                case Gate.AnyOf any -> any.options().stream().map(RouteView::vote).filter(v -> v != null).findFirst().orElse(null);
                case Gate.Threshold threshold -> threshold.parties().stream().map(RouteView::vote).filter(v -> v != null)
                        .findFirst().orElse(null);
                default -> null;
            };
        }
    }

    public record HopView(long chainId, String address, String label, String relation, long delaySeconds) {
        static HopView of(Hop hop) {
            return new HopView(hop.node().chainId(), hop.node().address(), hop.label(), hop.relation(), hop.delaySeconds());
        }
    }
}
