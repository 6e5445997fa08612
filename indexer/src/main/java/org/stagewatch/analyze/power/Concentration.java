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
 * significant digits (DECIMAL128); entropy needs logarithms and is computed in binary64 with
 * compensated summation. Ratios are {@code null} when T = 0 (no delegated power: nothing to share).
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
            return new Concentration(BigInteger.ZERO, 0, new Nakamoto(null, null), null, null, null, null, null);
        }
        int positive = n;
        // entropy needs only T as a double: for many powers it runs beside the exact sums, on another core
        CompletableFuture<Double> entropy = n >= PARALLEL_ENTROPY ? CompletableFuture.supplyAsync(() -> entropyBits(sorted, positive))
                : CompletableFuture.completedFuture(entropyBits(sorted, positive));
        PowerSums sums = PowerSums.of(y, n);
        BigInteger total = sums.total();
        Map<String, BigDecimal> topShares = new LinkedHashMap<>();
        for (int top : TOP_N) {
            topShares.put(Integer.toString(top), Shares.of(sums.tops().getOrDefault(top, total), total));
        }
        BigInteger count = BigInteger.valueOf(n);
        BigInteger giniNumerator = sums.prefixSums().shiftLeft(1).subtract(count.add(BigInteger.ONE).multiply(total));
        BigInteger sumOfSquares = sums.squares();
        BigDecimal gini = Shares.of(giniNumerator, count.multiply(total));
        BigDecimal hhi = Shares.of(sumOfSquares, total.multiply(total));
        BigDecimal effective = Shares.of(total.multiply(total), sumOfSquares);
        Nakamoto nakamoto = new Nakamoto(PowerSums.smallestReaching(y, n, total.shiftRight(1).add(BigInteger.ONE)),
                quorum == null ? null : PowerSums.smallestReaching(y, n, quorum));
        return new Concentration(total, n, nakamoto, topShares, gini, hhi, effective, entropy.join());
    }

    /** −Σ sᵢ·log₂ sᵢ, summed with Neumaier's compensation so a million small terms lose nothing visible. */
    private static double entropyBits(PowerArray sorted, int n) {
        double t = total(sorted, n);
        double sum = 0;
        double compensation = 0;
        boolean narrow = PowerSums.isNarrow(sorted.limbs, n);
        long[] y = sorted.limbs;
        for (int k = 0; k < n; k++) {
            // below 2¹²⁸ the value is x1·2⁶⁴ + x0: the same double toDouble gives (scaling by 2⁶⁴ is exact)
            double value = narrow ? PowerArray.unsignedToDouble(y[k * PowerArray.LIMBS + 1]) * 0x1p64
                    + PowerArray.unsignedToDouble(y[k * PowerArray.LIMBS])
                    : sorted.toDouble(k);
            double share = value / t;
            double term = -share * Math.log(share);
            double next = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
            sum = next;
        }
        return (sum + compensation) / Math.log(2);
    }

    /** T as the nearest double, from its exact sum: the entropy's one use of it. */
    private static double total(PowerArray sorted, int n) {
        return PowerSums.total(sorted.limbs, n).doubleValue();
    }
}
