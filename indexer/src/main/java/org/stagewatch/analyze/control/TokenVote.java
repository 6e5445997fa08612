package org.stagewatch.analyze.control;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * What a governor's token-holder vote needs at block B: the quorum at B (see {@link VoteQuorum}), the
 * fewest delegates whose voting power at B reaches it — heaviest first, assuming no one votes against —
 * and the voting delay and period it takes. Holds facts, or says in {@code note} why one is missing;
 * it never stands in another bar for an unknown quorum.
 *
 * @param chainId         the governor's chain
 * @param token           the votes token whose delegates vote
 * @param block           B
 * @param quorumTimepoint t = clock(B) − 1, the timepoint the quorum is for; null when clock(B) is unknown
 * @param quorum          quorum(t); null when unknown
 * @param quorumSource    how the quorum was obtained; null when unknown
 * @param delegatedPower  the sum of all delegates' power at B
 * @param delegates       the fewest delegates whose power reaches the quorum; empty when the quorum is unknown or
 *                        the power delegated at B cannot reach it
 * @param votingDelay     in the governor's clock ({@code clock}); null when no VotingDelaySet was indexed
 * @param votingPeriod    likewise, VotingPeriodSet
 * @param clock           "blocks" or "seconds"
 * @param note            why {@code delegates} is empty (quorum unknown, or out of reach); null otherwise
 */
public record TokenVote(long chainId, String token, long block, Long quorumTimepoint, BigInteger quorum, String quorumSource,
                        BigInteger delegatedPower, List<Voter> delegates, Long votingDelay, Long votingPeriod, String clock,
                        String note) {

    /** A delegate and its voting power at B. */
    public record Voter(String address, BigInteger power) {
    }

    public TokenVote {
        delegates = List.copyOf(delegates);
    }

    /** The fewest delegates reaching the quorum; null when the quorum is unknown or out of reach. */
    public Integer voters() {
        return delegates.isEmpty() ? null : delegates.size();
    }

    /** The quorum is known and the power delegated at B cannot reach it. */
    public boolean unreachable() {
        return quorum != null && delegates.isEmpty();
    }

    /**
     * The vote at B with the delegates' powers at B (any order), for a known quorum: takes the heaviest
     * first (ties by address) until their sum reaches the quorum, and at least one delegate, since a
     * proposal also needs more votes for than against.
     */
    public static TokenVote of(long chainId, String token, long block, VoteQuorum.Quorum quorum, List<Voter> powers,
                               Long votingDelay, Long votingPeriod, String clock) {
        List<Voter> sorted = powers.stream().filter(voter -> voter.power().signum() > 0)
                .sorted(Comparator.comparing(Voter::power).reversed().thenComparing(Voter::address)).toList();
        BigInteger delegated = sorted.stream().map(Voter::power).reduce(BigInteger.ZERO, BigInteger::add);
        if (quorum.value() == null) {
            return new TokenVote(chainId, token, block, quorum.timepoint(), null, null, delegated, List.of(), votingDelay, votingPeriod,
                    clock, "quorum at block " + block + " unknown: " + quorum.unknown());
        }
        BigInteger sum = BigInteger.ZERO;
        int taken = 0;
        while (taken < sorted.size() && (taken == 0 || sum.compareTo(quorum.value()) < 0)) {
            sum = sum.add(sorted.get(taken++).power());
        }
        boolean reached = taken > 0 && sum.compareTo(quorum.value()) >= 0;
        return new TokenVote(chainId, token, block, quorum.timepoint(), quorum.value(), quorum.source(), delegated,
                reached ? sorted.subList(0, taken) : List.of(), votingDelay, votingPeriod, clock,
                reached ? null : sorted.isEmpty() ? "out of reach: no delegate holds voting power at block " + block
                        : "out of reach: the power delegated at block " + block + " (" + delegated + ") is below the quorum ("
                        + quorum.value() + ")");
    }
}
