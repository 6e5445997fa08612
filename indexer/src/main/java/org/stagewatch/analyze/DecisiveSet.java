package org.stagewatch.analyze;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fewest voters who decide a proposal's outcome under GovernorCountingSimple (passes iff
 * quorum ≤ for + abstain and for &gt; against):
 * <ul>
 *   <li>{@code switched}: voters on the winning side whose switch to the other side flips the outcome —
 *       a passing proposal's for-voters turning against, a failing one's against-voters turning for;</li>
 *   <li>{@code absent}: voters whose not voting at all flips it — for a passing proposal, for/abstain
 *       voters whose absence loses quorum or the majority; for a failing one, against-voters whose
 *       absence hands the majority to for (possible only when quorum is met).</li>
 * </ul>
 * Each condition only gets easier as more weight moves, so taking the heaviest voters first is optimal:
 * for every condition the greedy prefix is the smallest set, and the answer is the smaller over the
 * conditions. Null when no set of those voters can flip the outcome.
 */
public final class DecisiveSet {
    private DecisiveSet() {
    }

    /** One voter's weights on each side (a fractional vote may split them). */
    public record Ballot(String voter, BigInteger forWeight, BigInteger againstWeight, BigInteger abstainWeight) {
    }

    /** A decisive set: how many voters, their weight, who they are (heaviest first). */
    public record Voters(int voters, BigInteger weight, List<String> addresses) {
    }

    /** Both kinds of decisive set; {@code passes} is the outcome they flip. */
    public record Result(boolean passes, Voters switched, Voters absent) {
    }

    public static Result of(List<Ballot> ballots, BigInteger quorum) {
        BigInteger inFavour = sum(ballots, Ballot::forWeight);
        BigInteger against = sum(ballots, Ballot::againstWeight);
        BigInteger abstain = sum(ballots, Ballot::abstainWeight);
        boolean passes = quorum.compareTo(inFavour.add(abstain)) <= 0 && inFavour.compareTo(against) > 0;
        if (passes) {
            // for-voters turning against: for − s ≤ against + s, or for − s + abstain < quorum
            Voters switched = greedy(ballots, Ballot::forWeight, s -> inFavour.subtract(s).compareTo(against.add(s)) <= 0
                    || inFavour.subtract(s).add(abstain).compareTo(quorum) < 0);
            Voters quorumLost = greedy(ballots, ballot -> ballot.forWeight().add(ballot.abstainWeight()),
                    s -> inFavour.add(abstain).subtract(s).compareTo(quorum) < 0);
            Voters majorityLost = greedy(ballots, Ballot::forWeight, s -> inFavour.subtract(s).compareTo(against) <= 0);
            return new Result(true, switched, smaller(quorumLost, majorityLost));
        }
        // against-voters turning for: for + s > against − s and for + s + abstain ≥ quorum
        Voters switched = greedy(ballots, Ballot::againstWeight, s -> inFavour.add(s).compareTo(against.subtract(s)) > 0
                && inFavour.add(s).add(abstain).compareTo(quorum) >= 0);
        boolean quorumMet = quorum.compareTo(inFavour.add(abstain)) <= 0;
        Voters absent = !quorumMet ? null
                : greedy(ballots, Ballot::againstWeight, s -> inFavour.compareTo(against.subtract(s)) > 0);
        return new Result(false, switched, absent);
    }

    /** The shortest heaviest-first prefix of voters (by {@code weight}) whose summed weight satisfies {@code flips}. */
    private static Voters greedy(List<Ballot> ballots, Function<Ballot, BigInteger> weight, Predicate<BigInteger> flips) {
        List<Ballot> side = ballots.stream().filter(ballot -> weight.apply(ballot).signum() > 0)
                .sorted(Comparator.comparing(weight).reversed().thenComparing(Ballot::voter)).toList();
        BigInteger moved = BigInteger.ZERO;
        List<String> addresses = new ArrayList<>();
        for (Ballot ballot : side) {
            moved = moved.add(weight.apply(ballot));
            addresses.add(ballot.voter());
            if (flips.test(moved)) {
                return new Voters(addresses.size(), moved, List.copyOf(addresses));
            }
        }
        return null;
    }

    private static Voters smaller(Voters a, Voters b) {
        if (a == null) {
            return b;
        }
        return b == null || a.voters() <= b.voters() ? a : b;
    }

    private static BigInteger sum(List<Ballot> ballots, Function<Ballot, BigInteger> weight) {
        return ballots.stream().map(weight).reduce(BigInteger.ZERO, BigInteger::add);
    }
}
