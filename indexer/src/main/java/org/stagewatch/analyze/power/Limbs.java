package org.stagewatch.analyze.power;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Fixed-width integers as little-endian 64-bit limbs inside long arrays: {@code width} limbs from an offset, two's
 * complement. The concentration sweep keeps its exact sums this way ({@link ConcentrationSweep}), adding and
 * subtracting a power's contribution per checkpoint without allocating; a sum it keeps never goes negative, and each
 * width is chosen so that the largest sum of up to 2³¹ uint256 powers fits.
 */
final class Limbs {
    private Limbs() {
    }

    /**
     * {@code acc[at, at + width) ± source[from, from + length) · 2^(64·shift)}; carries or borrows out of the width are
     * dropped.
     */
    static void add(long[] acc, int at, int width, long[] source, int from, int length, int shift, boolean subtract) {
        long carry = 0;
        int limb = shift;
        for (int i = 0; limb < width && (i < length || carry != 0); i++, limb++) {
            long operand = i < length ? source[from + i] : 0;
            long before = acc[at + limb];
            if (subtract) {
                long difference = before - operand - carry;
                carry = Long.compareUnsigned(before, operand) < 0 || (before == operand && carry != 0) ? 1 : 0;
                acc[at + limb] = difference;
            } else {
                long sum = before + operand + carry;
                carry = Long.compareUnsigned(sum, before) < 0 || (sum == before && carry != 0) ? 1 : 0;
                acc[at + limb] = sum;
            }
        }
    }

    /** The product of {@code value[at, at + length)} and an unsigned 64-bit factor into {@code out[0, length + 1)}. */
    static void multiply(long[] value, int at, int length, long factor, long[] out) {
        long carry = 0;
        for (int i = 0; i < length; i++) {
            long x = value[at + i];
            long low = x * factor;
            long high = Math.unsignedMultiplyHigh(x, factor);
            long sum = low + carry;
            high += Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
            out[i] = sum;
            carry = high;
        }
        out[length] = carry;
    }

    /** The square of {@code value[at, at + length)} into {@code out[0, 2·length)} (schoolbook, zero limbs skipped). */
    static void square(long[] value, int at, int length, long[] out) {
        Arrays.fill(out, 0, 2 * length, 0L);
        for (int i = 0; i < length; i++) {
            long x = value[at + i];
            if (x == 0) {
                continue;
            }
            long carry = 0;
            for (int j = 0; j < length; j++) {
                long y = value[at + j];
                long low = x * y;
                long high = Math.unsignedMultiplyHigh(x, y);
                long sum = low + carry;
                high += Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
                long placed = out[i + j] + sum;
                high += Long.compareUnsigned(placed, sum) < 0 ? 1 : 0;
                out[i + j] = placed;
                carry = high;
            }
            for (int k = i + length; carry != 0 && k < 2 * length; k++) {
                long placed = out[k] + carry;
                carry = Long.compareUnsigned(placed, carry) < 0 ? 1 : 0;
                out[k] = placed;
            }
        }
    }

    /** Unsigned comparison of {@code a[aAt, aAt + width)} with {@code b[bAt, bAt + width)}. */
    static int compare(long[] a, int aAt, long[] b, int bAt, int width) {
        for (int limb = width - 1; limb >= 0; limb--) {
            long x = a[aAt + limb];
            long y = b[bAt + limb];
            if (x != y) {
                return Long.compareUnsigned(x, y);
            }
        }
        return 0;
    }

    /** How many limbs of {@code value[at, at + width)} are in use (0 for zero). */
    static int length(long[] value, int at, int width) {
        int length = width;
        while (length > 0 && value[at + length - 1] == 0) {
            length--;
        }
        return length;
    }

    /** The bit length of the unsigned value {@code value[at, at + width)}. */
    static int bitLength(long[] value, int at, int width) {
        int length = length(value, at, width);
        return length == 0 ? 0 : 64 * (length - 1) + 64 - Long.numberOfLeadingZeros(value[at + length - 1]);
    }

    /** The unsigned value of {@code value[at, at + width)}. */
    static BigInteger toBigInteger(long[] value, int at, int width) {
        byte[] magnitude = new byte[width * Long.BYTES];
        for (int limb = 0; limb < width; limb++) {
            long word = value[at + limb];
            for (int b = 0; b < Long.BYTES; b++) {
                magnitude[magnitude.length - 1 - limb * Long.BYTES - b] = (byte) (word >>> (8 * b));
            }
        }
        return new BigInteger(1, magnitude);
    }

    /** Writes a non-negative value below 2^(64·width) into {@code out[at, at + width)}. */
    static void fromBigInteger(BigInteger value, long[] out, int at, int width) {
        if (value.signum() < 0 || value.bitLength() > 64 * width) {
            throw new IllegalArgumentException("not an unsigned " + 64 * width + "-bit value: " + value);
        }
        for (int limb = 0; limb < width; limb++) {
            out[at + limb] = value.shiftRight(64 * limb).longValue();
        }
    }
}
