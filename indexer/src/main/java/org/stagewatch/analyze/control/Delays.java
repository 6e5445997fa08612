package org.stagewatch.analyze.control;

/**
 * The enforced delay of a gate: steps add their delay, alternatives take the fastest, a k-of-n gate
 * completes when its k-th fastest party has acted (the slowest of all when every party must act).
 * A vote counts zero here; its duration is reported with the vote.
 */
final class Delays {
    static final long NEVER = Long.MAX_VALUE;

    private Delays() {
    }

    static long of(Gate gate) {
        return switch (gate) {
            case Gate.Key key -> 0;
            case Gate.Anyone anyone -> 0;
            case Gate.Vote vote -> 0;
            case Gate.Ref ref -> 0;
            case Gate.Nobody nobody -> NEVER;
            case Gate.Step step -> add(step.hop().delaySeconds(), of(step.actor()));
            case Gate.AnyOf any -> any.options().stream().mapToLong(Delays::of).min().orElse(NEVER);
            case Gate.Threshold threshold -> {
                long[] delays = threshold.parties().stream().mapToLong(Delays::of).sorted().toArray();
                yield threshold.k() <= delays.length ? delays[threshold.k() - 1] : NEVER;
            }
        };
    }

    private static long add(long a, long b) {
        return a == NEVER || b == NEVER ? NEVER : a + b;
    }
}
