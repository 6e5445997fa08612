package org.stagewatch.analyze.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fewest distinct counted signing keys any coalition satisfying a gate must hold. A token-holder
 * vote holds no key: its delegates are voters, counted apart ({@link Route#voters()}). A key that occurs at
 * one place in the gate is interchangeable with any other there, so only keys occurring at several
 * places ("shared", e.g. one signer on two Safes) need a choice: for every set X of shared keys
 * taken, the rest is exact bottom-up (a k-of-n gate takes its k cheapest parties, alternatives the
 * cheapest), and the answer is the minimum of |X| + cost over all X. With more than
 * {@value #MAX_SHARED} shared keys that search is too large; shared keys are then counted as free,
 * which gives a lower bound, flagged approximate.
 */
final class KeyCount {
    static final int MAX_SHARED = 16;
    private static final int IMPOSSIBLE = Integer.MAX_VALUE / 4;

    /** A count, and whether it is only a lower bound. */
    record Result(int count, boolean approximate) {
    }

    private final Predicate<String> counted;
    private final Map<String, Integer> sharedIndex = new HashMap<>();

    private KeyCount(Predicate<String> counted) {
        this.counted = counted;
    }

    /** Every signing key counts. */
    static Result minKeys(Gate gate) {
        return new KeyCount(key -> true).count(gate);
    }

    /** Only members count. */
    static Result minMembers(Gate gate, Set<String> members) {
        return new KeyCount(members::contains).count(gate);
    }

    private Result count(Gate gate) {
        Map<String, Integer> occurrences = new HashMap<>();
        occurrences(gate, occurrences);
        List<String> shared = occurrences.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        shared.forEach(key -> sharedIndex.put(key, sharedIndex.size()));
        if (shared.size() > MAX_SHARED) {
            return new Result(cost(gate, null), true);
        }
        int best = IMPOSSIBLE;
        for (long taken = 0; taken < 1L << shared.size(); taken++) {
            int size = Long.bitCount(taken);
            if (size < best) {
                best = Math.min(best, size + cost(gate, taken));
            }
        }
        return new Result(best >= IMPOSSIBLE ? IMPOSSIBLE : best, false);
    }

    private void occurrences(Gate gate, Map<String, Integer> out) {
        switch (gate) {
            case Gate.Key key -> {
                if (counted.test(key.address())) {
                    out.merge(key.address(), 1, Integer::sum);
                }
            }
            case Gate.Step step -> occurrences(step.actor(), out);
            case Gate.AnyOf any -> any.options().forEach(option -> occurrences(option, out));
            case Gate.Threshold threshold -> threshold.parties().forEach(party -> occurrences(party, out));
            default -> {
                // anyone, nobody, refs, votes: no keys
            }
        }
    }

    /** Cost of the gate when the shared keys in {@code taken} are already paid for (null: every shared key is free). */
    private int cost(Gate gate, Long taken) {
        return switch (gate) {
            case Gate.Key key -> keyCost(key.address(), taken);
            case Gate.Vote vote -> 0;
            case Gate.Anyone anyone -> 0;
            case Gate.Ref ref -> 0;
            case Gate.Nobody nobody -> IMPOSSIBLE;
            case Gate.Step step -> cost(step.actor(), taken);
            case Gate.AnyOf any -> any.options().stream().mapToInt(option -> cost(option, taken)).min().orElse(IMPOSSIBLE);
            case Gate.Threshold threshold -> {
                List<Integer> costs = new ArrayList<>(threshold.parties().stream().map(party -> cost(party, taken)).toList());
                costs.sort(null);
                int sum = 0;
                for (int i = 0; i < threshold.k() && i < costs.size(); i++) {
                    sum = Math.min(IMPOSSIBLE, sum + costs.get(i));
                }
                yield threshold.k() > costs.size() ? IMPOSSIBLE : sum;
            }
        };
    }

    private int keyCost(String address, Long taken) {
        if (!counted.test(address)) {
            return 0;
        }
        Integer index = sharedIndex.get(address);
        if (index == null) {
            return 1; // occurs once: any coalition through here pays for it alone
        }
        if (taken == null) {
            return 0; // too many shared keys to choose among: count them as free, a lower bound
        }
        return (taken >> index & 1) == 1 ? 0 : IMPOSSIBLE;
    }
}
