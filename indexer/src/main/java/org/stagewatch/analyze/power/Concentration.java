package org.stagewatch.analyze.power;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The concentration of voting power over the positive powers x₁ ≥ … ≥ xₙ with T = Σxᵢ (DESIGN.md §5).
 * Every value but {@code entropyBits} is an exact rational of integer sums, rounded once to 34
 * significant digits (DECIMAL128); entropy needs logarithms and is computed in binary64 from exact sums
 * ({@link EntropySums}), so it too depends on the powers alone, not on the order they are summed in. Ratios are
 * {@code null} when T = 0 (no delegated power: nothing to share).
 *
 * @param topShares (x₁+…+x_N)/T for N ∈ {@link #TOP_N} (all of T when n &lt; N)
 */
public record Concentration(BigInteger totalVotingPower, int delegates, Nakamoto nakamoto,
                            Map<String, BigDecimal> topShares, BigDecimal gini, BigDecimal hhi,
                            BigDecimal effectiveDelegates, Double entropyBits) {

    public static final List<Integer> TOP_N = List.of(1, 5, 10, 20, 50, 100);
    private static final int PARALLEL_ENTROPY = 1 << 16;

    /**
     * @param majority smallest k with x₁+…+x_k &gt; T/2
     * @param quorum   smallest k with x₁+…+x_k ≥ the governor's quorum; null when the quorum is unknown
     *                 or more than T (no set of delegates reaches it)
     */
    public record Nakamoto(Integer majority, Integer quorum) {
    }

    /** Convenience for small inputs (entities, tests): zeros are ignored, order does not matter. */
    public static Concentration of(Collection<BigInteger> powers, BigInteger quorum) {
        PowerArray array = new PowerArray(powers.size());
        powers.stream().filter(power -> power.signum() > 0).forEach(array::add);
        array.sortDescending();
        return of(array, quorum);
    }

    /** @param sorted powers in descending order; trailing zeros are ignored */
    public static Concentration of(PowerArray sorted, BigInteger quorum) {
        long[] y = sorted.limbs;
        int n = sorted.size();
        while (n > 0 && sorted.isZero(n - 1)) {
            n--;
        }
        if (n == 0) {
            return empty();
        }
        int positive = n;
        // the entropy's sums need no order: for many powers they run beside the other sums, on another core
        CompletableFuture<EntropySums.Sums> entropy = n >= PARALLEL_ENTROPY ? CompletableFuture.supplyAsync(() -> EntropySums.of(y, positive))
                : CompletableFuture.completedFuture(EntropySums.of(y, positive));
        PowerSums sums = PowerSums.of(y, n);
        BigInteger total = sums.total();
        Integer majority = PowerSums.smallestReaching(y, n, majorityThreshold(total));
        Integer quorumSet = quorum == null ? null : PowerSums.smallestReaching(y, n, quorum);
        return of(n, total, sums.tops(), sums.prefixSums(), sums.squares(), majority, quorumSet, entropy.join().bits(n, total));
    }

    /** No positive power: T = 0 and every ratio undefined. */
    static Concentration empty() {
        return new Concentration(BigInteger.ZERO, 0, new Nakamoto(null, null), null, null, null, null, null);
    }

    /** The smallest sum that is more than half of T: what {@code nakamoto.majority} must reach. */
    static BigInteger majorityThreshold(BigInteger total) {
        return total.shiftRight(1).add(BigInteger.ONE);
    }

    /**
     * The formulas over the exact sums of n &gt; 0 positive powers, wherever the sums come from (a pass over the sorted
     * powers, or {@link ConcentrationTimeline}): every ratio is one exact quotient rounded once.
     *
     * @param tops       Pₖ for each k ∈ {@link #TOP_N} with k ≤ n
     * @param prefixSums Σₖ Pₖ (= Σ rank·x over ascending ranks)
     * @param squares    Σx²
     */
    static Concentration of(int n, BigInteger total, Map<Integer, BigInteger> tops, BigInteger prefixSums, BigInteger squares,
                            Integer majority, Integer quorumSet, double entropyBits) {
        Map<String, BigDecimal> topShares = new LinkedHashMap<>();
        for (int top : TOP_N) {
            topShares.put(Integer.toString(top), Shares.of(tops.getOrDefault(top, total), total));
        }
        BigInteger count = BigInteger.valueOf(n);
        BigInteger giniNumerator = prefixSums.shiftLeft(1).subtract(count.add(BigInteger.ONE).multiply(total));
        BigDecimal gini = Shares.of(giniNumerator, count.multiply(total));
        BigDecimal hhi = Shares.of(squares, total.multiply(total));
        BigDecimal effective = Shares.of(total.multiply(total), squares);
        return new Concentration(total, n, new Nakamoto(majority, quorumSet), topShares, gini, hhi, effective, entropyBits);
    }
}
