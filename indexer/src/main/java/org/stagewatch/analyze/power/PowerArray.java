package org.stagewatch.analyze.power;

import java.math.BigInteger;
import java.util.Arrays;

import org.stagewatch.store.PowerCodec;

/**
 * A growable array of voting powers — integers in [0, 2²⁵⁶) — stored as four little-endian 64-bit
 * limbs each, so that a million of them cost 32 MB and compare, sort and sum without allocating a
 * BigInteger per value. Values stay exact: every uint256 fits, and {@link #get} gives the BigInteger back.
 */
public final class PowerArray {
    static final int LIMBS = 4;

    long[] limbs;
    private int size;

    public PowerArray(int capacity) {
        limbs = new long[Math.max(1, capacity) * LIMBS];
    }

    public static PowerArray of(Iterable<BigInteger> values) {
        PowerArray array = new PowerArray(16);
        values.forEach(array::add);
        return array;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** Appends a decimal string, parsed without a BigInteger. */
    public void addDecimal(CharSequence decimal) {
        addDecimal(decimal, 0, decimal.length());
    }

    /** Appends the decimal in {@code text[start, end)}. */
    public void addDecimal(CharSequence text, int start, int end) {
        grow();
        try {
            setDecimal(size - 1, text, start, end);
        } catch (NumberFormatException e) {
            size--;
            throw e;
        }
    }

    /** Parses a decimal string into element {@code index}: digit by digit, limb by limb. */
    void setDecimal(int index, CharSequence decimal) {
        setDecimal(index, decimal, 0, decimal.length());
    }

    /** Parses the decimal in {@code text[start, end)} into element {@code index} (exact, no BigInteger). */
    void setDecimal(int index, CharSequence text, int start, int end) {
        PowerCodec.parseDecimal(text, start, end, limbs, index * LIMBS);
    }

    /** Sets element {@code index} to element {@code fromIndex} of {@code from}. */
    void copy(int index, PowerArray from, int fromIndex) {
        System.arraycopy(from.limbs, fromIndex * LIMBS, limbs, index * LIMBS, LIMBS);
    }

    public void add(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 64 * LIMBS) {
            throw new IllegalArgumentException("not a uint256: " + value);
        }
        int at = grow();
        for (int limb = 0; limb < LIMBS; limb++) {
            limbs[at + limb] = value.shiftRight(64 * limb).longValue();
        }
    }

    /** Appends the value in {@code source[at, at + 4)}. */
    void addLimbs(long[] source, int at) {
        if ((size + 1) * LIMBS > limbs.length) {
            limbs = Arrays.copyOf(limbs, Math.max(limbs.length * 2, (size + 1) * LIMBS));
        }
        int to = size++ * LIMBS;
        limbs[to] = source[at];
        limbs[to + 1] = source[at + 1];
        limbs[to + 2] = source[at + 2];
        limbs[to + 3] = source[at + 3];
    }

    /** Appends element {@code index} of {@code other}. */
    public void addFrom(PowerArray other, int index) {
        int at = grow();
        System.arraycopy(other.limbs, index * LIMBS, limbs, at, LIMBS);
    }

    public BigInteger get(int index) {
        return PowerCodec.toBigInteger(limbs, index * LIMBS);
    }

    public boolean isZero(int index) {
        int at = index * LIMBS;
        return (limbs[at] | limbs[at + 1] | limbs[at + 2] | limbs[at + 3]) == 0;
    }

    /** Compares element i of a with element j of b as unsigned integers. */
    static int compare(long[] a, int i, long[] b, int j) {
        int x = i * LIMBS;
        int y = j * LIMBS;
        for (int limb = LIMBS - 1; limb >= 0; limb--) {
            if (a[x + limb] != b[y + limb]) {
                return Long.compareUnsigned(a[x + limb], b[y + limb]);
            }
        }
        return 0;
    }

    /** Sorts the values in descending order, in place. */
    public void sortDescending() {
        limbs = PowerSort.descending(limbs, size);
    }

    /** Makes room for {@code capacity} values without changing the contents. */
    void ensureCapacity(int capacity) {
        if (capacity * LIMBS > limbs.length) {
            limbs = Arrays.copyOf(limbs, capacity * LIMBS);
        }
    }

    /**
     * The descending array (sorted − removed) ∪ added, in one merge: every value of {@code removed}
     * must occur in {@code sorted}; all three are descending.
     */
    public static PowerArray replace(PowerArray sorted, PowerArray removed, PowerArray added) {
        return replace(sorted, removed, added, new PowerArray(sorted.size + added.size));
    }

    /**
     * The same, written into {@code out} (cleared first; must not be one of the inputs), to reuse its memory.
     * Between two insertions or removals the sorted values move as one block copy: a sample changes a few
     * thousand of a million powers, so nearly all of the merge is a handful of large copies.
     */
    static PowerArray replace(PowerArray sorted, PowerArray removed, PowerArray added, PowerArray out) {
        int capacity = (sorted.size + added.size) * LIMBS; // not less removed: a removal that is not there must reach the check
        if (out.limbs.length < capacity) {
            out.limbs = new long[capacity];
        }
        long[] s = sorted.limbs;
        long[] r = removed.limbs;
        long[] a = added.limbs;
        long[] o = out.limbs;
        int sortedSize = sorted.size;
        int removedSize = removed.size;
        int addedSize = added.size;
        int i = 0;
        int ri = 0;
        int ai = 0;
        int oi = 0;
        while (i < sortedSize) {
            // the next stop in sorted: the next value to remove, or where the next value to add goes before
            int stop = i;
            while (stop < sortedSize
                    && !(ri < removedSize && compare(s, stop, r, ri) == 0)
                    && !(ai < addedSize && compare(a, ai, s, stop) >= 0)) {
                stop++;
            }
            System.arraycopy(s, i * LIMBS, o, oi * LIMBS, (stop - i) * LIMBS);
            oi += stop - i;
            i = stop;
            if (i == sortedSize) {
                break;
            }
            if (ri < removedSize && compare(s, i, r, ri) == 0) {
                i++;
                ri++;
            } else {
                System.arraycopy(a, ai * LIMBS, o, oi * LIMBS, LIMBS);
                oi++;
                ai++;
            }
        }
        System.arraycopy(a, ai * LIMBS, o, oi * LIMBS, (addedSize - ai) * LIMBS);
        oi += addedSize - ai;
        if (ri != removedSize) {
            throw new IllegalStateException("removed " + (removedSize - ri) + " powers that were not in the sorted set");
        }
        out.size = oi;
        return out;
    }

    private int grow() {
        if ((size + 1) * LIMBS > limbs.length) {
            limbs = Arrays.copyOf(limbs, Math.max(limbs.length * 2, (size + 1) * LIMBS));
        }
        int at = size * LIMBS;
        Arrays.fill(limbs, at, at + LIMBS, 0L);
        size++;
        return at;
    }
}
