package org.stagewatch.analyze.control;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a gate as one line of text, the {@code gate} of a route in every output: keys as addresses,
 * {@code 9-of-12(…)}, {@code all(…)}, {@code any(…)}, {@code anyone}, {@code vote(…)}, and a step
 * inside a gate as {@code Label [relation, +Ns]: …} so nested Safes stay readable.
 */
public final class GateText {
    private GateText() {
    }

    public static String of(Gate gate) {
        return switch (gate) {
            case Gate.Key key -> key.address();
            case Gate.Anyone anyone -> "anyone";
            case Gate.Nobody nobody -> "nobody";
            case Gate.Ref ref -> "whoever acts as " + ref.node();
            case Gate.Vote vote -> "vote(" + vote.governor().address() + ": " + coalition(vote.need()) + ", " + duration(vote.need()) + ")";
            case Gate.AnyOf any -> "any(" + join(any.options()) + ")";
            case Gate.Threshold threshold -> (threshold.k() == threshold.parties().size() ? "all"
                    : threshold.k() + "-of-" + threshold.parties().size()) + "(" + join(threshold.parties()) + ")";
            case Gate.Step step -> step.hop().label() + " [" + step.hop().relation()
                    + (step.hop().delaySeconds() > 0 ? ", +" + step.hop().delaySeconds() + "s" : "") + "]: " + of(step.actor());
        };
    }

    /** "3 delegates reach quorum(99) = 400000", or why no count is given. */
    public static String coalition(TokenVote need) {
        if (need.voters() != null) {
            return need.voters() + (need.voters() == 1 ? " delegate reaches" : " delegates reach") + " quorum(" + need.quorumTimepoint()
                    + ") = " + need.quorum();
        }
        return need.note();
    }

    /** "2 + 20 blocks voting delay + period", with "?" for a setting not indexed. */
    public static String duration(TokenVote need) {
        return text(need.votingDelay()) + " + " + text(need.votingPeriod()) + " " + need.clock() + " voting delay + period";
    }

    private static String text(Long value) {
        return value == null ? "?" : value.toString();
    }

    private static String join(List<Gate> gates) {
        return gates.stream().map(GateText::of).collect(Collectors.joining(", "));
    }
}
