package org.stagewatch.store;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The byte layout of the packed voting-power history (V5 {@code power_chunks}, {@code power_snapshots}),
 * and decimal text → 256-bit limbs. A power is one length byte L (0…32) and L big-endian magnitude bytes,
 * so zero costs one byte and an 18-decimal power of a billion tokens thirteen. Counts, block deltas and
 * delegate ids are unsigned LEB128 varints.
 * <pre>
 * chunk:    FORMAT · rows of (varint block − previous row's block (the first: the block itself), varint delegate id, power)
 * snapshot: FORMAT · varint n · n powers, the power of delegate id 0, 1, …, n − 1
 * </pre>
 * Limbs are four little-endian 64-bit words, as {@code analyze.power.PowerArray} holds them.
 */
public final class PowerCodec {
    public static final int LIMBS = 4;
    static final byte FORMAT = 1;
    private static final long TEN_TO_18 = 1_000_000_000_000_000_000L;

    private PowerCodec() {
    }

    /**
     * Parses the decimal in {@code text[start, end)} into {@code limbs[at, at + 4)}: eighteen digits at a time
     * into a long (no overflow below 10¹⁸), then one limb multiply-add per chunk of digits.
     *
     * @throws NumberFormatException when it is not a decimal or does not fit in 256 bits
     */
    public static void parseDecimal(CharSequence text, int start, int end, long[] limbs, int at) {
        if (start == end) {
            throw new NumberFormatException("not a decimal uint256: ''");
        }
        long l0 = 0;
        long l1 = 0;
        long l2 = 0;
        long l3 = 0;
        int chunkEnd = start + (end - start) % 18;
        if (chunkEnd == start) {
            chunkEnd += 18;
        }
        for (int chunkStart = start; chunkStart < end; chunkStart = chunkEnd, chunkEnd += 18) {
            long chunk = 0;
            for (int i = chunkStart; i < chunkEnd; i++) {
                int digit = text.charAt(i) - '0';
                if (digit < 0 || digit > 9) {
                    throw new NumberFormatException("not a decimal uint256: '" + text.subSequence(start, end) + "'");
                }
                chunk = chunk * 10 + digit;
            }
            if (chunkStart == start) {
                l0 = chunk;
                continue;
            }
            // (l3 l2 l1 l0) = (l3 l2 l1 l0) · 10¹⁸ + chunk, carried limb by limb
            long product = l0 * TEN_TO_18;
            long low = product + chunk;
            long carry = Math.unsignedMultiplyHigh(l0, TEN_TO_18) + (Long.compareUnsigned(low, product) < 0 ? 1 : 0);
            l0 = low;
            product = l1 * TEN_TO_18;
            low = product + carry;
            carry = Math.unsignedMultiplyHigh(l1, TEN_TO_18) + (Long.compareUnsigned(low, product) < 0 ? 1 : 0);
            l1 = low;
            product = l2 * TEN_TO_18;
            low = product + carry;
            carry = Math.unsignedMultiplyHigh(l2, TEN_TO_18) + (Long.compareUnsigned(low, product) < 0 ? 1 : 0);
            l2 = low;
            product = l3 * TEN_TO_18;
            low = product + carry;
            carry = Math.unsignedMultiplyHigh(l3, TEN_TO_18) + (Long.compareUnsigned(low, product) < 0 ? 1 : 0);
            l3 = low;
            if (carry != 0) {
                throw new NumberFormatException("'" + text.subSequence(start, end) + "' does not fit in 256 bits");
            }
        }
        limbs[at] = l0;
        limbs[at + 1] = l1;
        limbs[at + 2] = l2;
        limbs[at + 3] = l3;
    }

    /** The value of {@code limbs[at, at + 4)} (unsigned). */
    public static BigInteger toBigInteger(long[] limbs, int at) {
        byte[] magnitude = new byte[LIMBS * Long.BYTES];
        for (int limb = 0; limb < LIMBS; limb++) {
            long word = limbs[at + limb];
            for (int b = 0; b < Long.BYTES; b++) {
                magnitude[magnitude.length - 1 - limb * Long.BYTES - b] = (byte) (word >>> (8 * b));
            }
        }
        return new BigInteger(1, magnitude);
    }

    /** A growable byte buffer that writes the layout above. */
    static final class Writer extends PackedBytes.Writer {
        Writer(int capacity) {
            super(FORMAT, capacity);
        }

        /** Writes the power in {@code limbs[at, at + 4)}. */
        void power(long[] limbs, int at) {
            ensure(1 + 8 * LIMBS);
            int top = LIMBS - 1;
            while (top >= 0 && limbs[at + top] == 0) {
                top--;
            }
            if (top < 0) {
                bytes[size++] = 0;
                return;
            }
            int length = top * 8 + (64 - Long.numberOfLeadingZeros(limbs[at + top]) + 7) / 8;
            bytes[size++] = (byte) length;
            for (int b = length - 1; b >= 0; b--) {
                bytes[size++] = (byte) (limbs[at + (b >>> 3)] >>> ((b & 7) << 3));
            }
        }
    }

    /** Reads the layout above from one blob, front to back. */
    static final class Reader extends PackedBytes.Reader {
        Reader(byte[] bytes, String what) {
            super(bytes, FORMAT, what);
        }

        /** Reads one power into {@code limbs[at, at + 4)}; true when it is not zero. */
        boolean power(long[] limbs, int at) {
            int length = bytes[position++];
            limbs[at] = 0;
            limbs[at + 1] = 0;
            limbs[at + 2] = 0;
            limbs[at + 3] = 0;
            int end = position + length;
            for (int b = 0; b < length; b++) {
                limbs[at + (b >>> 3)] |= (bytes[end - 1 - b] & 0xFFL) << ((b & 7) << 3);
            }
            position = end;
            return length != 0;
        }
    }
}
