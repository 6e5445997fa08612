package org.stagewatch.analyze.power;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact integer sums behind the concentration formulas, over descending powers x₁ ≥ … ≥ xₙ in one
 * pass: T = Σx, Σₖ Pₖ with Pₖ = x₁+…+xₖ (= Σᵢ i·x₍ᵢ₎ over ascending ranks, for Gini), Σx², and Pₖ at
 * the top-N ranks. When the largest power is below 2¹²⁸ — every real token: ten billion tokens of 18
 * decimals are 2⁹³ — the pass keeps the sums in local longs (3, 3 and 5 limbs hold them for n &lt; 2³¹),
 * a series sample's million additions then costing a few milliseconds; otherwise {@link WideSum} does
 * it. Both give the same integers.
 *
 * @param tops Pₖ for each k ∈ {@link Concentration#TOP_N} with k ≤ n
 */
record PowerSums(BigInteger total, BigInteger prefixSums, BigInteger squares, Map<Integer, BigInteger> tops) {
    private static final int LIMBS = PowerArray.LIMBS;
    private static final boolean[] TOP = new boolean[101];

    static {
        Concentration.TOP_N.forEach(top -> TOP[top] = true);
    }

    /** @param y descending powers (limbs); n how many of them count */
    static PowerSums of(long[] y, int n) {
        return isNarrow(y, n) ? narrow(y, n) : wide(y, n);
    }

    /** The largest power (the first) is below 2¹²⁸, and n &lt; 2³¹ holds for any array. */
    static boolean isNarrow(long[] y, int n) {
        return n == 0 || (y[2] | y[3]) == 0;
    }

    static PowerSums wide(long[] y, int n) {
        WideSum prefix = new WideSum();
        WideSum prefixSums = new WideSum();
        WideSum squares = new WideSum();
        Map<Integer, BigInteger> tops = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            prefix.add(y, k);
            prefixSums.add(prefix);
            squares.addSquare(y, k);
            if (k < 100 && TOP[k + 1]) {
                tops.put(k + 1, prefix.toBigInteger());
            }
        }
        return new PowerSums(prefix.toBigInteger(), prefixSums.toBigInteger(), squares.toBigInteger(), tops);
    }

    /** The same sums for powers below 2¹²⁸, limb by limb in locals: P &lt; 2¹⁵⁹, ΣP ≤ n·T &lt; 2¹⁹⁰, Σx² &lt; 2²⁸⁷. */
    static PowerSums narrow(long[] y, int n) {
        long p0 = 0, p1 = 0, p2 = 0;
        long q0 = 0, q1 = 0, q2 = 0;
        long s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        Map<Integer, BigInteger> tops = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            long x0 = y[k * LIMBS];
            long x1 = y[k * LIMBS + 1];
            // P += x
            long t = p0 + x0;
            long c = carry(p0, x0, t);
            p0 = t;
            t = p1 + x1 + c;
            c = carry(p1, x1, t);
            p1 = t;
            p2 += c;
            // Q += P
            t = q0 + p0;
            c = carry(q0, p0, t);
            q0 = t;
            t = q1 + p1 + c;
            c = carry(q1, p1, t);
            q1 = t;
            q2 += p2 + c;
            // x² = x0² + 2·x0·x1·2⁶⁴ + x1²·2¹²⁸, as four limbs (it is below 2²⁵⁶)
            long lo01 = x0 * x1;
            long hi01 = Math.unsignedMultiplyHigh(x0, x1);
            long square0 = x0 * x0;
            long a = Math.unsignedMultiplyHigh(x0, x0);
            long b = lo01 << 1;
            long square1 = a + b;
            c = carry(a, b, square1);
            a = x1 * x1;
            b = hi01 << 1 | lo01 >>> 63;
            long square2 = a + b + c;
            c = carry(a, b, square2);
            long square3 = Math.unsignedMultiplyHigh(x1, x1) + (hi01 >>> 63) + c;
            // S += x²
            t = s0 + square0;
            c = carry(s0, square0, t);
            s0 = t;
            t = s1 + square1 + c;
            c = carry(s1, square1, t);
            s1 = t;
            t = s2 + square2 + c;
            c = carry(s2, square2, t);
            s2 = t;
            t = s3 + square3 + c;
            c = carry(s3, square3, t);
            s3 = t;
            s4 += c;
            if (k < 100 && TOP[k + 1]) {
                tops.put(k + 1, toBigInteger(p0, p1, p2, 0, 0));
            }
        }
        return new PowerSums(toBigInteger(p0, p1, p2, 0, 0), toBigInteger(q0, q1, q2, 0, 0), toBigInteger(s0, s1, s2, s3, s4), tops);
    }

    /** Smallest k with x₁+…+x_k ≥ threshold; null if none. */
    static Integer smallestReaching(long[] y, int n, BigInteger threshold) {
        if (threshold.signum() <= 0) {
            return 0;
        }
        if (!isNarrow(y, n)) {
            long[] limit = WideSum.limbsOf(threshold);
            WideSum prefix = new WideSum();
            for (int k = 0; k < n; k++) {
                prefix.add(y, k);
                if (prefix.compareTo(limit) >= 0) {
                    return k + 1;
                }
            }
            return null;
        }
        if (threshold.bitLength() > 3 * 64) {
            return null; // beyond any sum of n < 2³¹ powers below 2¹²⁸
        }
        long t0 = threshold.longValue();
        long t1 = threshold.shiftRight(64).longValue();
        long t2 = threshold.shiftRight(128).longValue();
        long p0 = 0, p1 = 0, p2 = 0;
        for (int k = 0; k < n; k++) {
            long x0 = y[k * LIMBS];
            long x1 = y[k * LIMBS + 1];
            long t = p0 + x0;
            long c = carry(p0, x0, t);
            p0 = t;
            t = p1 + x1 + c;
            c = carry(p1, x1, t);
            p1 = t;
            p2 += c;
            if (p2 != t2 ? Long.compareUnsigned(p2, t2) > 0
                    : p1 != t1 ? Long.compareUnsigned(p1, t1) > 0 : Long.compareUnsigned(p0, t0) >= 0) {
                return k + 1;
            }
        }
        return null;
    }

    /**
     * The carry out of the 64-bit addition {@code sum = a + b + carryIn} (carryIn 0 or 1), without a branch:
     * a full adder's carry out of the top bit is set when both top bits are, or either is and the sum's is not.
     */
    private static long carry(long a, long b, long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    private static BigInteger toBigInteger(long l0, long l1, long l2, long l3, long l4) {
        byte[] bytes = new byte[41];
        long[] limbs = {l0, l1, l2, l3, l4};
        for (int limb = 0; limb < limbs.length; limb++) {
            for (int b = 0; b < 8; b++) {
                bytes[bytes.length - 1 - (limb * 8 + b)] = (byte) (limbs[limb] >>> (8 * b));
            }
        }
        return new BigInteger(bytes);
    }
}
