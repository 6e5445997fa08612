package org.stagewatch.analyze.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The fewest delegates a coalition satisfying a gate must win, summed over the votes it needs (each
 * vote's fewest delegates reaching its quorum; delegates of two governors are counted apart). Bottom-up
 * like {@link KeyCount}: a k-of-n gate takes its k cheapest parties, alternatives the cheapest; keys and
 * anyone need no voter. A vote whose quorum is unknown leaves every count it could decide unknown: an
 * unknown never turns into a number.
 */
final class VoterCount {
    static final int UNKNOWN = -1;
    static final int IMPOSSIBLE = Integer.MAX_VALUE / 4;

    private VoterCount() {
    }

    /** The count, {@link #UNKNOWN}, or {@link #IMPOSSIBLE} when no vote on the way can be won with the power delegated. */
    static int of(Gate gate) {
        return switch (gate) {
            case Gate.Vote vote -> vote.need().voters() != null ? vote.need().voters()
                    : vote.need().unreachable() ? IMPOSSIBLE : UNKNOWN;
            case Gate.Key key -> 0;
            case Gate.Anyone anyone -> 0;
            case Gate.Ref ref -> 0;
            case Gate.Nobody nobody -> IMPOSSIBLE;
            case Gate.Step step -> of(step.actor());
            case Gate.AnyOf any -> cheapest(any.options().stream().map(VoterCount::of).toList(), 1);
            case Gate.Threshold threshold -> cheapest(threshold.parties().stream().map(VoterCount::of).toList(), threshold.k());
        };
    }

    /** The sum of the k smallest counts; unknown when an unknown count could be among them. */
    private static int cheapest(List<Integer> counts, int k) {
        List<Integer> known = new ArrayList<>(counts.stream().filter(count -> count != UNKNOWN).toList());
        known.sort(null);
        boolean unknowns = known.size() < counts.size();
        if (known.size() < k) {
            return unknowns ? UNKNOWN : IMPOSSIBLE;
        }
        int sum = 0;
        for (int i = 0; i < k; i++) {
            sum = Math.min(IMPOSSIBLE, sum + known.get(i));
        }
        // an unknown count could only be smaller than a known positive one: then the sum is not known
        return unknowns && known.get(k - 1) > 0 ? UNKNOWN : sum;
    }
}
