package org.stagewatch.analyze.control;

import java.util.Comparator;
import java.util.List;
import java.util.Collection;
import java.util.Set;

/**
 * One way to exercise a permission: the steps from the permission outwards ({@code via}, e.g.
 * ProxyAdmin ← UpgradeExecutor ← Timelock ← …) and the gate of final actors at their end.
 *
 * @param delaySeconds enforced delay: the steps' delays summed, plus the gate's (the k-th fastest of a
 *                     k-of-n gate, the slowest where all must act); a vote's own duration is not in it
 * @param keys         the fewest distinct keys that satisfy the gate (a signer of two Safes counts once)
 * @param councilGated every coalition that satisfies the gate holds ≥ 75% of the signers of one
 *                     designated security council
 * @param approximate  the key counts are bounds, not exact (more than {@value KeyCount#MAX_SHARED} shared signers)
 */
public record Route(List<Hop> via, Gate gate, long delaySeconds, int keys, boolean councilGated, boolean approximate) {
    /** Three quarters, as L2BEAT's stages framework counts a security council. */
    public static final int COUNCIL_NUMERATOR = 3;
    public static final int COUNCIL_DENOMINATOR = 4;

    public static final Comparator<Route> FASTEST_THEN_FEWEST_KEYS = Comparator.comparingLong(Route::delaySeconds)
            .thenComparingInt(Route::keys).thenComparing(route -> route.via().size());

    public Route {
        via = List.copyOf(via);
    }

    /** Measures a route against the councils (signers of each designated council at the same point in time). */
    public static Route of(List<Hop> via, Gate gate, Collection<ControlGraph.Council> councils) {
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
        return new Route(via, gate, delay, keys.count(), gated, approximate);
    }
}
