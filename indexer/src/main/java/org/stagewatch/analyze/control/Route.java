package org.stagewatch.analyze.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One way to exercise a permission: the steps from the permission outwards ({@code via}, e.g.
 * ProxyAdmin ← UpgradeExecutor ← Timelock ← …) and the gate of final actors at their end. A route is of
 * one kind: every coalition satisfying its gate wins a token-holder vote ({@code needsVote}), or none does
 * and signing keys alone act.
 *
 * @param delaySeconds enforced delay: the steps' delays summed, plus the gate's (the k-th fastest of a
 *                     k-of-n gate, the slowest where all must act); a vote's own duration is not in it
 * @param keys         the fewest distinct signing keys that satisfy the gate (a signer of two Safes counts once);
 *                     on a vote route, the keys it needs besides the vote (usually 0). Delegates are never keys.
 * @param voters       on a vote route, the fewest delegates whose power reaches the quorum of each vote it needs,
 *                     summed; null on a key route, and where a quorum is unknown or out of reach ({@link #votes()} says which)
 * @param councilGated every coalition that satisfies the gate holds ≥ 75% of the signers of one
 *                     designated security council
 * @param approximate  the key counts are bounds, not exact (more than {@value KeyCount#MAX_SHARED} shared signers)
 */
public record Route(List<Hop> via, Gate gate, boolean needsVote, long delaySeconds, int keys, Integer voters,
                    boolean councilGated, boolean approximate) {
    /** Three quarters, as L2BEAT's stages framework counts a security council. */
    public static final int COUNCIL_NUMERATOR = 3;
    public static final int COUNCIL_DENOMINATOR = 4;

    /** Fastest first; at equal delay key routes before vote routes, then fewest keys, fewest voters, fewest steps. */
    public static final Comparator<Route> FASTEST_THEN_FEWEST_KEYS = Comparator.comparingLong(Route::delaySeconds)
            .thenComparing(Route::needsVote).thenComparingInt(Route::keys)
            .thenComparing(Route::voters, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(route -> route.via().size());

    public Route {
        via = List.copyOf(via);
    }

    /**
     * Measures a route against the councils (signers of each designated council at the same point in time).
     *
     * @param gate a gate whose every coalition wins a vote ({@code needsVote}), or one without votes
     */
    public static Route of(List<Hop> via, Gate gate, boolean needsVote, Collection<ControlGraph.Council> councils) {
        long delay = via.stream().mapToLong(Hop::delaySeconds).sum() + Delays.of(gate);
        KeyCount.Result keys = KeyCount.minKeys(gate);
        boolean gated = false;
        boolean approximate = keys.approximate();
        for (ControlGraph.Council council : councils) {
            Set<String> signers = council.signers();
            KeyCount.Result members = KeyCount.minMembers(gate, signers);
            approximate |= members.approximate();
            if (!signers.isEmpty() && (long) members.count() * COUNCIL_DENOMINATOR >= (long) signers.size() * COUNCIL_NUMERATOR) {
                gated = true;
            }
        }
        int voters = needsVote ? VoterCount.of(gate) : VoterCount.UNKNOWN;
        Integer counted = voters == VoterCount.UNKNOWN || voters >= VoterCount.IMPOSSIBLE ? null : voters;
        return new Route(via, gate, needsVote, delay, keys.count(), counted, gated, approximate);
    }

    /** The votes in the gate, each once, in the order met. */
    public List<Gate.Vote> votes() {
        List<Gate.Vote> votes = new ArrayList<>();
        collect(gate, votes);
        return votes;
    }

    private static void collect(Gate gate, List<Gate.Vote> out) {
        switch (gate) {
            case Gate.Vote vote -> {
                if (!out.contains(vote)) {
                    out.add(vote);
                }
            }
            case Gate.Step step -> collect(step.actor(), out);
            case Gate.AnyOf any -> any.options().forEach(option -> collect(option, out));
            case Gate.Threshold threshold -> threshold.parties().forEach(party -> collect(party, out));
            default -> {
                // keys, anyone, nobody, refs
            }
        }
    }
}
