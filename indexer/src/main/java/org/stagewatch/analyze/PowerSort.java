package org.stagewatch.analyze;

/**
 * Sorts limb-encoded powers ({@link PowerArray}) in descending order, in place: a three-way
 * quicksort (many delegates hold equal round amounts) with insertion sort for short ranges. Works on
 * the raw limbs so that sorting a million powers allocates nothing.
 */
final class PowerSort {
    private static final int LIMBS = PowerArray.LIMBS;
    private static final int INSERTION_THRESHOLD = 24;

    private PowerSort() {
    }

    static void descending(long[] limbs, int size) {
        long[] pivot = new long[LIMBS];
        sort(limbs, 0, size - 1, pivot);
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
