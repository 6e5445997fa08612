package org.stagewatch.analyze.power;

import java.util.Arrays;

/**
 * A multiset of positive uint256 powers in descending order, for the concentration sweep ({@link ConcentrationSweep}):
 * inserting or removing one power tells how many powers are at least as large and what they sum to — what the
 * rank-weighted sum behind Gini moves by — and the smallest k whose top-k sum reaches a threshold (a Nakamoto
 * coefficient) is found without a pass over the powers. Each is O(log n) plus a scan of one chunk.
 *
 * <p>The powers live in sorted chunks of at most {@value #CAPACITY} (four little-endian limbs each, as
 * {@link PowerArray}); a Fenwick tree over the chunks holds their counts and sums. A chunk that fills up splits in
 * two and one that empties goes; either rebuilds the tree, which is linear in the chunks (a few thousand for a
 * million powers). The order within a run of equal powers is immaterial: every answer depends on values only.
 */
final class RankedPowers {
    /** Limbs of a sum: up to 2³¹ powers below 2²⁵⁶ sum to less than 2²⁸⁷. */
    static final int SUM_WIDTH = 5;
    private static final int LIMBS = PowerArray.LIMBS;
    private static final int CAPACITY = 512;

    private long[][] chunks = new long[16][];
    private int[] sizes = new int[16];
    private long[] chunkSums = new long[16 * SUM_WIDTH];
    private int chunkCount = 1;
    /** 1-based Fenwick tree over chunks 0 … chunkCount − 1. */
    private int[] treeCounts = new int[17];
    private long[] treeSums = new long[17 * SUM_WIDTH];
    private int size;
    private final long[] scratch = new long[SUM_WIDTH];

    RankedPowers() {
        chunks[0] = new long[CAPACITY * LIMBS];
    }

    int size() {
        return size;
    }

    /**
     * Inserts the power {@code value[at, at + 4)} (positive); returns how many powers were at least as large before
     * and writes their sum to {@code sumAbove[0, SUM_WIDTH)}.
     */
    int insert(long[] value, int at, long[] sumAbove) {
        int chunk = Math.min(firstChunkBelow(value, at), chunkCount - 1);
        int offset = firstBelow(chunk, value, at);
        int above = prefix(chunk, offset, sumAbove);
        if (sizes[chunk] == CAPACITY) {
            split(chunk);
            if (offset > sizes[chunk]) {
                offset -= sizes[chunk];
                chunk++;
            }
        }
        long[] data = chunks[chunk];
        System.arraycopy(data, offset * LIMBS, data, (offset + 1) * LIMBS, (sizes[chunk] - offset) * LIMBS);
        System.arraycopy(value, at, data, offset * LIMBS, LIMBS);
        sizes[chunk]++;
        size++;
        Limbs.add(chunkSums, chunk * SUM_WIDTH, SUM_WIDTH, value, at, LIMBS, 0, false);
        update(chunk, 1, value, at, false);
        return above;
    }

    /**
     * Removes one power equal to {@code value[at, at + 4)}; returns how many powers are at least as large afterwards
     * and writes their sum to {@code sumAbove[0, SUM_WIDTH)}.
     *
     * @throws IllegalStateException when no power equals it
     */
    int remove(long[] value, int at, long[] sumAbove) {
        // the last power at least as large: the one before the first smaller one
        int chunk = firstChunkBelow(value, at);
        int offset = chunk == chunkCount ? 0 : firstBelow(chunk, value, at);
        if (offset == 0) {
            chunk--;
            offset = chunk < 0 ? 0 : sizes[chunk];
        }
        offset--;
        if (chunk < 0 || offset < 0 || Limbs.compare(chunks[chunk], offset * LIMBS, value, at, LIMBS) != 0) {
            throw new IllegalStateException("removing the power " + Limbs.toBigInteger(value, at, LIMBS) + ", which is not in the set");
        }
        int above = prefix(chunk, offset, sumAbove);
        long[] data = chunks[chunk];
        System.arraycopy(data, (offset + 1) * LIMBS, data, offset * LIMBS, (sizes[chunk] - offset - 1) * LIMBS);
        sizes[chunk]--;
        size--;
        Limbs.add(chunkSums, chunk * SUM_WIDTH, SUM_WIDTH, value, at, LIMBS, 0, true);
        update(chunk, -1, value, at, true);
        if (sizes[chunk] == 0 && chunkCount > 1) {
            dropChunk(chunk);
        }
        return above;
    }

    /**
     * The smallest k whose top-k sum reaches {@code threshold[0, SUM_WIDTH)} (positive); -1 when all powers together
     * fall short.
     */
    int smallestReaching(long[] threshold) {
        long[] remaining = scratch;
        System.arraycopy(threshold, 0, remaining, 0, SUM_WIDTH);
        int position = 0;
        int count = 0;
        for (int step = Integer.highestOneBit(chunkCount); step > 0; step >>= 1) {
            int next = position + step;
            if (next <= chunkCount && Limbs.compare(treeSums, next * SUM_WIDTH, remaining, 0, SUM_WIDTH) < 0) {
                position = next;
                Limbs.add(remaining, 0, SUM_WIDTH, treeSums, next * SUM_WIDTH, SUM_WIDTH, 0, true);
                count += treeCounts[next];
            }
        }
        if (position == chunkCount) {
            return -1;
        }
        // what remains is reached within chunk `position`: its first power at least as large as the rest of the way
        long[] data = chunks[position];
        for (int i = 0; i < sizes[position]; i++) {
            if (Limbs.length(remaining, LIMBS, SUM_WIDTH - LIMBS) == 0 && Limbs.compare(data, i * LIMBS, remaining, 0, LIMBS) >= 0) {
                return count + i + 1;
            }
            Limbs.add(remaining, 0, SUM_WIDTH, data, i * LIMBS, LIMBS, 0, true);
        }
        throw new IllegalStateException("the chunk sums disagree with the chunks");
    }

    /**
     * Hands the largest powers to {@code sink} as runs of equal values, largest first: at least {@code count} powers
     * (all when there are fewer), the last run whole.
     */
    void top(int count, RunSink sink) {
        int taken = 0;
        long[] data = null;
        int first = -1;
        int run = 0;
        for (int chunk = 0; chunk < chunkCount; chunk++) {
            long[] next = chunks[chunk];
            for (int i = 0; i < sizes[chunk]; i++) {
                if (run > 0 && Limbs.compare(next, i * LIMBS, data, first * LIMBS, LIMBS) == 0) {
                    run++;
                    taken++;
                    continue;
                }
                if (run > 0) {
                    sink.run(data, first * LIMBS, run);
                    if (taken >= count) {
                        return;
                    }
                }
                data = next;
                first = i;
                run = 1;
                taken++;
            }
        }
        if (run > 0) {
            sink.run(data, first * LIMBS, run);
        }
    }

    /** Receives runs of equal powers: the value at {@code limbs[at, at + 4)}, how many times it occurs. */
    @FunctionalInterface
    interface RunSink {
        void run(long[] limbs, int at, int count);
    }

    /** Bytes held (chunks and tree), for the memory report. */
    long bytes() {
        long bytes = (long) chunks.length * 8 + sizes.length * 4L + chunkSums.length * 8L + treeCounts.length * 4L + treeSums.length * 8L;
        for (int chunk = 0; chunk < chunkCount; chunk++) {
            bytes += 16 + (long) chunks[chunk].length * 8;
        }
        return bytes;
    }

    /** The first chunk whose smallest power is below the value, or {@code chunkCount} when none is. */
    private int firstChunkBelow(long[] value, int at) {
        int low = 0;
        int high = chunkCount;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int last = sizes[middle] - 1;
            if (last >= 0 && Limbs.compare(chunks[middle], last * LIMBS, value, at, LIMBS) >= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first index of the chunk whose power is below the value (the chunk's size when none is). */
    private int firstBelow(int chunk, long[] value, int at) {
        long[] data = chunks[chunk];
        int low = 0;
        int high = sizes[chunk];
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Limbs.compare(data, middle * LIMBS, value, at, LIMBS) >= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * How many powers come before index {@code offset} of {@code chunk}; their sum goes to {@code sum}. Within the
     * chunk the shorter side is added up: the powers before the index, or the chunk's sum less those from it on.
     */
    private int prefix(int chunk, int offset, long[] sum) {
        Arrays.fill(sum, 0, SUM_WIDTH, 0L);
        int count = 0;
        for (int node = chunk; node > 0; node -= node & -node) {
            count += treeCounts[node];
            Limbs.add(sum, 0, SUM_WIDTH, treeSums, node * SUM_WIDTH, SUM_WIDTH, 0, false);
        }
        long[] data = chunks[chunk];
        int chunkSize = sizes[chunk];
        if (offset <= chunkSize / 2) {
            for (int i = 0; i < offset; i++) {
                Limbs.add(sum, 0, SUM_WIDTH, data, i * LIMBS, LIMBS, 0, false);
            }
        } else {
            Limbs.add(sum, 0, SUM_WIDTH, chunkSums, chunk * SUM_WIDTH, SUM_WIDTH, 0, false);
            for (int i = offset; i < chunkSize; i++) {
                Limbs.add(sum, 0, SUM_WIDTH, data, i * LIMBS, LIMBS, 0, true);
            }
        }
        return count + offset;
    }

    private void update(int chunk, int delta, long[] value, int at, boolean subtract) {
        for (int node = chunk + 1; node <= chunkCount; node += node & -node) {
            treeCounts[node] += delta;
            Limbs.add(treeSums, node * SUM_WIDTH, SUM_WIDTH, value, at, LIMBS, 0, subtract);
        }
    }

    private void split(int chunk) {
        ensureChunks(chunkCount + 1);
        int moved = chunkCount - chunk - 1;
        System.arraycopy(chunks, chunk + 1, chunks, chunk + 2, moved);
        System.arraycopy(sizes, chunk + 1, sizes, chunk + 2, moved);
        System.arraycopy(chunkSums, (chunk + 1) * SUM_WIDTH, chunkSums, (chunk + 2) * SUM_WIDTH, moved * SUM_WIDTH);
        chunkCount++;
        int keep = sizes[chunk] / 2;
        long[] upper = new long[CAPACITY * LIMBS];
        System.arraycopy(chunks[chunk], keep * LIMBS, upper, 0, (sizes[chunk] - keep) * LIMBS);
        chunks[chunk + 1] = upper;
        sizes[chunk + 1] = sizes[chunk] - keep;
        sizes[chunk] = keep;
        int at = (chunk + 1) * SUM_WIDTH;
        Arrays.fill(chunkSums, at, at + SUM_WIDTH, 0L);
        for (int i = 0; i < sizes[chunk + 1]; i++) {
            Limbs.add(chunkSums, at, SUM_WIDTH, upper, i * LIMBS, LIMBS, 0, false);
        }
        Limbs.add(chunkSums, chunk * SUM_WIDTH, SUM_WIDTH, chunkSums, at, SUM_WIDTH, 0, true);
        rebuildTree();
    }

    private void dropChunk(int chunk) {
        int moved = chunkCount - chunk - 1;
        System.arraycopy(chunks, chunk + 1, chunks, chunk, moved);
        System.arraycopy(sizes, chunk + 1, sizes, chunk, moved);
        System.arraycopy(chunkSums, (chunk + 1) * SUM_WIDTH, chunkSums, chunk * SUM_WIDTH, moved * SUM_WIDTH);
        chunkCount--;
        chunks[chunkCount] = null;
        rebuildTree();
    }

    private void ensureChunks(int count) {
        if (count > chunks.length) {
            int capacity = Math.max(count, chunks.length * 2);
            chunks = Arrays.copyOf(chunks, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            chunkSums = Arrays.copyOf(chunkSums, capacity * SUM_WIDTH);
            treeCounts = new int[capacity + 1];
            treeSums = new long[(capacity + 1) * SUM_WIDTH];
        }
    }

    /** Builds the tree from the chunks' counts and sums after a split or a drop: linear in the chunks. */
    private void rebuildTree() {
        Arrays.fill(treeCounts, 0, chunkCount + 1, 0);
        Arrays.fill(treeSums, 0, (chunkCount + 1) * SUM_WIDTH, 0L);
        for (int node = 1; node <= chunkCount; node++) {
            treeCounts[node] += sizes[node - 1];
            Limbs.add(treeSums, node * SUM_WIDTH, SUM_WIDTH, chunkSums, (node - 1) * SUM_WIDTH, SUM_WIDTH, 0, false);
            int parent = node + (node & -node);
            if (parent <= chunkCount) {
                treeCounts[parent] += treeCounts[node];
                Limbs.add(treeSums, parent * SUM_WIDTH, SUM_WIDTH, treeSums, node * SUM_WIDTH, SUM_WIDTH, 0, false);
            }
        }
    }
}
