package org.stagewatch.analyze.power;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Entropy as a function of exact sums, so that it depends on the set of powers only — not on the order they are
 * added in — and a sweep that adds and removes one power at a time gets the very double a pass over the sorted
 * powers gets. With xᵢ = 2^eᵢ·mᵢ (mᵢ ∈ [1, 2)) and T = 2^e·m:
 * <pre>
 *   H = −Σ (xᵢ/T)·log₂(xᵢ/T) = log₂T − (Σ xᵢ·log₂xᵢ)/T = (e·T − A)/T + (log₂m − F/T)
 *   A = Σ xᵢ·eᵢ               an exact integer
 *   F = Σ xᵢ·log₂mᵢ           each term a binary64 computed from xᵢ alone (StrictMath, so every JVM gives the same
 *                             bits), summed exactly as an integer in units of 2⁻⁶⁴ (a nonzero term is ≥ 1)
 * </pre>
 * Only the two quotients and log₂m are rounded, so H is within a few units of 10⁻¹⁶·log₂n of the exact value.
 */
final class EntropySums {
    /** F is kept in units of 2^-{@value}: every nonzero term is at least 1, so each is an exact integer then. */
    static final int FRACTION_BITS = 64;
    /** Limbs of A: Σ x·e over up to 2³¹ uint256 powers is below 2^(256 + 8 + 31). */
    static final int A_WIDTH = 5;
    /** Limbs of F: Σ x·log₂m · 2⁶⁴ over up to 2³¹ uint256 powers is below 2^(256 + 64 + 31). */
    static final int F_WIDTH = 6;
    private static final double LN2 = StrictMath.log(2.0);
    private static final int LIMBS = PowerArray.LIMBS;

    private EntropySums() {
    }

    /**
     * Adds (or subtracts) the power {@code value[at, at + 4)}'s terms: x·e to {@code a[aAt, aAt + A_WIDTH)} and its
     * fractional term to {@code f[fAt, fAt + F_WIDTH)}. {@code scratch} holds at least five limbs.
     */
    static void add(long[] value, int at, long[] a, int aAt, long[] f, int fAt, boolean subtract, long[] scratch) {
        int bits = Limbs.bitLength(value, at, LIMBS);
        if (bits == 0) {
            return;
        }
        int exponent = bits - 1;
        if (exponent > 0) {
            Limbs.multiply(value, at, LIMBS, exponent, scratch);
            Limbs.add(a, aAt, A_WIDTH, scratch, 0, LIMBS + 1, 0, subtract);
        }
        double term = fractionTerm(value, at, exponent);
        if (term == 0) {
            return;
        }
        long raw = Double.doubleToRawLongBits(term);
        int unbiased = (int) ((raw >>> 52) & 0x7FF) - 1023;
        long mantissa = (raw & 0xF_FFFF_FFFF_FFFFL) | 1L << 52;
        int shift = unbiased - 52 + FRACTION_BITS; // term · 2⁶⁴ = mantissa · 2^shift
        if (shift < 0) {
            throw new IllegalStateException("entropy term " + term + " below 2^-12: not an exact multiple of 2^-64");
        }
        scratch[0] = mantissa << (shift & 63);
        scratch[1] = (shift & 63) == 0 ? 0 : mantissa >>> (64 - (shift & 63));
        Limbs.add(f, fAt, F_WIDTH, scratch, 0, 2, shift >>> 6, subtract);
    }

    /** x·log₂m for x = 2^e·m, as a double computed from x's limbs alone: 0 for a power of two. */
    private static double fractionTerm(long[] value, int at, int exponent) {
        double x = toDouble(value, at);
        double mantissa = Math.scalb(x, -exponent);
        if (mantissa == 1.0) {
            return 0;
        }
        return x * (StrictMath.log(mantissa) / LN2);
    }

    /** The value as a double, rounded once (to nearest, ties to even) from its top bits and a sticky bit. */
    static double toDouble(long[] value, int at) {
        int bits = Limbs.bitLength(value, at, LIMBS);
        if (bits <= 63) {
            return (double) value[at];
        }
        // the top 63 bits as a positive long, with a sticky bit for anything nonzero below them
        int drop = bits - 63;
        int limb = drop >>> 6;
        int offset = drop & 63;
        long top = value[at + limb] >>> offset;
        if (offset != 0 && limb + 1 < LIMBS) {
            top |= value[at + limb + 1] << (64 - offset);
        }
        top &= Long.MAX_VALUE;
        boolean sticky = offset != 0 && (value[at + limb] & ((1L << offset) - 1)) != 0;
        for (int below = 0; below < limb && !sticky; below++) {
            sticky = value[at + below] != 0;
        }
        // 63 bits convert exactly after folding the sticky bit into the lowest one, which lies below the rounding position
        return Math.scalb((double) (top | (sticky ? 1 : 0)), drop);
    }

    /**
     * The entropy in bits of n positive powers with total T and sums A, F as above; 0 for a single power. Clamped
     * at 0 (rounding could otherwise give −10⁻¹⁷ for one whale among dust).
     */
    static double bits(int n, BigInteger total, BigInteger a, BigInteger f) {
        if (n <= 1) {
            return 0.0;
        }
        int exponent = total.bitLength() - 1;
        double whole = quotient(total.multiply(BigInteger.valueOf(exponent)).subtract(a), total);
        double mantissa = Math.scalb(total.doubleValue(), -exponent);
        double fraction = StrictMath.log(mantissa) / LN2 - quotient(f, total.shiftLeft(FRACTION_BITS));
        double entropy = whole + fraction;
        return entropy <= 0 ? 0.0 : entropy;
    }

    private static double quotient(BigInteger numerator, BigInteger denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128).doubleValue();
    }

    /** A = Σ xᵢ·eᵢ and F = Σ xᵢ·log₂mᵢ in units of 2⁻⁶⁴, as above. */
    record Sums(BigInteger weighted, BigInteger fractions) {
        /** The entropy in bits of n positive powers summing to T with these sums. */
        double bits(int n, BigInteger total) {
            return EntropySums.bits(n, total, weighted, fractions);
        }
    }

    /** A and F over the first n powers of a limb array (a pass over the sorted powers). */
    static Sums of(long[] limbs, int n) {
        long[] a = new long[A_WIDTH];
        long[] f = new long[F_WIDTH];
        long[] scratch = new long[LIMBS + 1];
        for (int k = 0; k < n; k++) {
            add(limbs, k * LIMBS, a, 0, f, 0, false, scratch);
        }
        return new Sums(Limbs.toBigInteger(a, 0, A_WIDTH), Limbs.toBigInteger(f, 0, F_WIDTH));
    }
}
