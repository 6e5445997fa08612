package org.stagewatch.analyze.control;

import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The answer of {@code stagewatch paths}: for each permission on a critical contract, every route
 * with its delay, signing keys or voters, and council gating, at the given point in time (one block per
 * chain). The JSON document is this record as it stands, keys in component order; README.md documents
 * every field.
 */
public record PathsReport(String dao, List<ChainPoints.Point> at, List<CouncilSummary> councils,
                          List<PermissionRoutes> permissions) {

    /** A designated council as the gating check counted it. */
    public record CouncilSummary(long chainId, String address, String label, int threshold, int signers) {
    }

    /**
     * @param minKeys                fewest signing keys over the routes that need no vote (null when there is none)
     * @param minVoters              fewest delegates over the vote routes (null when there is none, or a quorum is
     *                               unknown or out of reach: {@code votersNote} says which)
     * @param votersNote             why {@code minVoters} is null although vote routes exist; null otherwise
     * @param minDelaySeconds        smallest enforced delay over all routes (null when no route exists)
     * @param fastestKeyRoute        the fastest route that needs no vote (then fewest keys), or null
     * @param fastestVoteRoute       the fastest vote route (then fewest voters), or null
     * @param fastestNonCouncilRoute the fastest route that is not council-gated (then fewest keys), or null
     * @param truncated              more than {@value RouteSearch#MAX_ROUTES} routes of a kind: only the first are listed
     */
    public record PermissionRoutes(long chainId, String target, String label, String permission, Integer minKeys,
                                   Integer minVoters, String votersNote, Long minDelaySeconds, RouteView fastestKeyRoute,
                                   RouteView fastestVoteRoute, RouteView fastestNonCouncilRoute, boolean truncated,
                                   List<RouteView> routes) {
    }

    /**
     * @param kind   "keys" (signing keys alone act) or "vote" (every coalition wins a token-holder vote)
     * @param keys   the fewest signing keys; on a vote route, those it needs besides the vote
     * @param voters on a vote route, the fewest delegates reaching the quorum (summed over its votes); null on a key
     *               route and where a quorum is unknown or out of reach
     * @param via    the contracts acted as, from the permission outwards, each with how and its delay
     * @param gate   the final actors, as {@link GateText} writes them
     * @param votes  each token-holder vote the route needs, with its quorum, delegates and duration
     * @param tree   the gate itself, for printing it as a tree; not in the JSON document (which has {@code gate})
     */
    public record RouteView(String kind, long delaySeconds, int keys, Integer voters, boolean councilGated, List<HopView> via,
                            String gate, List<VoteView> votes, boolean approximate, @JsonIgnore Gate tree) {
        public static final String KEYS = "keys";
        public static final String VOTE = "vote";

        static RouteView of(Route route) {
            return new RouteView(route.needsVote() ? VOTE : KEYS, route.delaySeconds(), route.keys(), route.voters(),
                    route.councilGated(), route.via().stream().map(HopView::of).toList(), GateText.of(route.gate()),
                    route.votes().stream().map(VoteView::of).toList(), route.approximate(), route.gate());
        }

        @JsonIgnore
        public boolean needsVote() {
            return VOTE.equals(kind);
        }
    }

    public record HopView(long chainId, String address, String label, String relation, long delaySeconds) {
        static HopView of(Hop hop) {
            return new HopView(hop.node().chainId(), hop.node().address(), hop.label(), hop.relation(), hop.delaySeconds());
        }
    }

    /**
     * A token-holder vote at block B ({@link TokenVote}): the quorum at B is quorum(quorumTimepoint), t = clock(B) − 1;
     * {@code delegates} are the fewest delegates whose power at B reaches it, heaviest first.
     */
    public record VoteView(long chainId, String governor, String token, long block, Long quorumTimepoint, BigInteger quorum,
                           String quorumSource, BigInteger delegatedPower, Integer voters, List<TokenVote.Voter> delegates,
                           Long votingDelay, Long votingPeriod, String clock, String note) {
        static VoteView of(Gate.Vote vote) {
            TokenVote need = vote.need();
            return new VoteView(need.chainId(), vote.governor().address(), need.token(), need.block(), need.quorumTimepoint(),
                    need.quorum(), need.quorumSource(), need.delegatedPower(), need.voters(), need.delegates(), need.votingDelay(),
                    need.votingPeriod(), need.clock(), need.note());
        }
    }
}
