package org.stagewatch.analyze.power;

import java.math.BigInteger;

/**
 * A mutable unsigned integer of {@value #CAPACITY} 64-bit limbs (640 bits): enough for the largest
 * sum the concentration formulas build — Σx² of up to 2⁶⁴ uint256 powers — so they add up a million
 * powers per sample exactly without allocating. Owns no sign: it only ever grows.
 */
final class WideSum {
    static final int CAPACITY = 10;
    private static final int LIMBS = PowerArray.LIMBS;

    private final long[] limbs = new long[CAPACITY];
    /** Limbs at and above this index are zero: additions stop there once no carry is left. */
    private int used;

    /** Adds element {@code index} of a limb array. */
    void add(long[] values, int index) {
        int at = index * LIMBS;
        long carry = 0;
        for (int limb = 0; limb < CAPACITY && (limb < LIMBS || carry != 0); limb++) {
            long addend = limb < LIMBS ? values[at + limb] : 0;
            carry = addWithCarry(limb, addend, carry);
        }
    }

    void add(WideSum other) {
        long carry = 0;
        for (int limb = 0; limb < CAPACITY && (limb < other.used || carry != 0); limb++) {
            carry = addWithCarry(limb, other.limbs[limb], carry);
        }
    }

    /** limbs[limb] += addend + carry; returns the carry out (0, 1 or 2 is impossible: at most 1). */
    private long addWithCarry(int limb, long addend, long carry) {
        long before = limbs[limb];
        long sum = before + addend;
        long carried = sum + carry;
        limbs[limb] = carried;
        if (carried != 0 && limb >= used) {
            used = limb + 1;
        }
        return (Long.compareUnsigned(sum, before) < 0 ? 1 : 0) + (Long.compareUnsigned(carried, sum) < 0 ? 1 : 0);
    }

    /** Adds the square of element {@code index}: schoolbook limb products, each carried in at its place. */
    void addSquare(long[] values, int index) {
        int at = index * LIMBS;
        for (int i = 0; i < LIMBS; i++) {
            long x = values[at + i];
            if (x == 0) {
                continue;
            }
            for (int j = 0; j < LIMBS; j++) {
                long y = values[at + j];
                if (y != 0) {
                    addAt(i + j, x * y);
                    addAt(i + j + 1, Math.unsignedMultiplyHigh(x, y));
                }
            }
        }
    }

    private void addAt(int position, long addend) {
        for (int limb = position; addend != 0 && limb < CAPACITY; limb++) {
            long before = limbs[limb];
            long sum = before + addend;
            limbs[limb] = sum;
            if (sum != 0 && limb >= used) {
                used = limb + 1;
            }
            addend = Long.compareUnsigned(sum, before) < 0 ? 1 : 0;
        }
    }

    /** -1, 0 or 1 as this sum is below, equal to or above {@code value}. */
    int compareTo(long[] value) {
        for (int limb = CAPACITY - 1; limb >= 0; limb--) {
            long other = limb < value.length ? value[limb] : 0;
            if (limbs[limb] != other) {
                return Long.compareUnsigned(limbs[limb], other);
            }
        }
        return 0;
    }

    BigInteger toBigInteger() {
        byte[] bytes = new byte[CAPACITY * 8 + 1];
        for (int limb = 0; limb < CAPACITY; limb++) {
            for (int b = 0; b < 8; b++) {
                bytes[bytes.length - 1 - (limb * 8 + b)] = (byte) (limbs[limb] >>> (8 * b));
            }
        }
        return new BigInteger(bytes);
    }

    /** The limbs of a non-negative BigInteger, for {@link #compareTo(long[])}. */
    static long[] limbsOf(BigInteger value) {
        long[] out = new long[CAPACITY];
        for (int limb = 0; limb < CAPACITY; limb++) {
            out[limb] = value.shiftRight(64 * limb).longValue();
        }
        return out;
    }
}
