package org.stagewatch.analyze.power;

import java.util.Arrays;

/**
 * Sorts limb-encoded powers ({@link PowerArray}) in descending order, in place, exactly. Large arrays are
 * sorted by a 64-bit key per value — its bit length and the bits right below its leading one, which
 * orders like the value wherever keys differ — with the index in the key's low bits, so the JDK's
 * primitive sort does the work; runs of equal keys (equal values, or values that agree in their leading
 * 24 to 46 bits, fewer the longer the array) are then put in exact order by a three-way quicksort on the
 * limbs, which is also what sorts small arrays. Sorting a million powers then costs a primitive sort and
 * a gather instead of ~20 million four-limb comparisons and swaps.
 */
final class PowerSort {
    private static final int LIMBS = PowerArray.LIMBS;
    private static final int INSERTION_THRESHOLD = 24;
    private static final int KEY_SORT_THRESHOLD = 512;
    private static final int PARALLEL_THRESHOLD = 1 << 17;
    /** Bit lengths 0…256 take nine bits of the key. */
    private static final int LENGTH_BITS = 9;

    private PowerSort() {
    }

    /**
     * Sorts the first {@code size} values of {@code limbs} descending: in place for small arrays, else into a
     * new array, which is returned (the caller holds on to whichever comes back).
     */
    static long[] descending(long[] limbs, int size) {
        long[] pivot = new long[LIMBS];
        if (size < KEY_SORT_THRESHOLD) {
            sort(limbs, 0, size - 1, pivot);
            return limbs;
        }
        int indexBits = 32 - Integer.numberOfLeadingZeros(size - 1);
        int mantissaBits = 63 - LENGTH_BITS - indexBits; // at least 23: the key stays a positive long
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = key(limbs, i, mantissaBits) << indexBits | i;
        }
        if (size >= PARALLEL_THRESHOLD) {
            Arrays.parallelSort(keys); // a point in time sorts every power once: both cores, when the other is idle
        } else {
            Arrays.sort(keys);
        }
        long indexMask = (1L << indexBits) - 1;
        long[] sorted = new long[size * LIMBS];
        for (int to = 0; to < size; to++) {
            int from = (int) (keys[size - 1 - to] & indexMask) * LIMBS;
            int at = to * LIMBS;
            sorted[at] = limbs[from];
            sorted[at + 1] = limbs[from + 1];
            sorted[at + 2] = limbs[from + 2];
            sorted[at + 3] = limbs[from + 3];
        }
        int runStart = 0;
        for (int to = 1; to <= size; to++) {
            if (to == size || keys[size - 1 - to] >>> indexBits != keys[size - 1 - runStart] >>> indexBits) {
                if (to - runStart > 1) {
                    sort(sorted, runStart, to - 1, pivot);
                }
                runStart = to;
            }
        }
        return sorted;
    }

    /**
     * (bit length, the {@code mantissaBits} bits after the leading one): x &lt; y implies key(x) ≤ key(y),
     * and key(x) &lt; key(y) implies x &lt; y.
     */
    static long key(long[] limbs, int index, int mantissaBits) {
        int at = index * LIMBS;
        int top = LIMBS - 1;
        while (top >= 0 && limbs[at + top] == 0) {
            top--;
        }
        if (top < 0) {
            return 0;
        }
        int zeros = Long.numberOfLeadingZeros(limbs[at + top]);
        long aligned = limbs[at + top] << zeros;
        if (top > 0 && zeros > 0) {
            aligned |= limbs[at + top - 1] >>> (64 - zeros);
        }
        long bitLength = 64L * top + 64 - zeros;
        return bitLength << mantissaBits | (aligned << 1) >>> (64 - mantissaBits);
    }

    private static void sort(long[] a, int low, int high, long[] pivot) {
        while (high - low >= INSERTION_THRESHOLD) {
            int middle = (low + high) >>> 1;
            int median = medianOfThree(a, low, middle, high);
            System.arraycopy(a, median * LIMBS, pivot, 0, LIMBS);
            // three-way partition: [low, lt) > pivot, [lt, i) == pivot, (gt, high] < pivot
            int lt = low;
            int gt = high;
            int i = low;
            while (i <= gt) {
                int order = PowerArray.compare(a, i, pivot, 0);
                if (order > 0) {
                    swap(a, lt++, i++);
                } else if (order < 0) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            // recurse into the smaller side, loop on the larger: stack depth stays O(log n)
            if (lt - low < high - gt) {
                sort(a, low, lt - 1, pivot);
                low = gt + 1;
            } else {
                sort(a, gt + 1, high, pivot);
                high = lt - 1;
            }
        }
        insertionSort(a, low, high);
    }

    private static int medianOfThree(long[] a, int x, int y, int z) {
        if (PowerArray.compare(a, x, a, y) < 0) {
            return PowerArray.compare(a, y, a, z) < 0 ? y : PowerArray.compare(a, x, a, z) < 0 ? z : x;
        }
        return PowerArray.compare(a, x, a, z) < 0 ? x : PowerArray.compare(a, y, a, z) < 0 ? z : y;
    }

    private static void insertionSort(long[] a, int low, int high) {
        for (int i = low + 1; i <= high; i++) {
            for (int j = i; j > low && PowerArray.compare(a, j - 1, a, j) < 0; j--) {
                swap(a, j - 1, j);
            }
        }
    }

    private static void swap(long[] a, int i, int j) {
        if (i == j) {
            return;
        }
        int x = i * LIMBS;
        int y = j * LIMBS;
        for (int limb = 0; limb < LIMBS; limb++) {
            long held = a[x + limb];
            a[x + limb] = a[y + limb];
            a[y + limb] = held;
        }
    }
}
