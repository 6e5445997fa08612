package org.stagewatch.analyze.power;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.stagewatch.store.PowerCodec;

/**
 * The concentration of one votes token at every block of its history, recorded by one ordered pass
 * ({@link ConcentrationSweep}) so that a point in time is a binary search instead of a pass over every delegate's
 * power. It holds, for each block where the set of powers changed, the exact sums the formulas need — n, T, Σₖ Pₖ
 * (Gini), Σx² (HHI, effective delegates), the entropy's sums ({@link EntropySums}) and the Nakamoto majority — and,
 * for the top shares and the quorum's Nakamoto coefficient (whose threshold is the question's), the largest powers:
 * in epochs, each a snapshot of the largest {@link ConcentrationSweep#TRACK} powers at its first block and a log of
 * the changes to powers at or above the smallest of them since. At every block at least
 * {@link ConcentrationSweep#KEEP} of the largest powers (or all) are known that way; a quorum that needs more
 * delegates than are known is answered by the caller the old way ({@link View#at} gives null).
 *
 * <p>One thread appends (the sweep) and {@link #publish publishes}; any number read what was published: a reader
 * takes the current {@link View}, whose arrays it reads only below the view's counts, which the writer never
 * changes again. A view covers blocks up to its {@code coverage}: the sweep's last block, whose stored header hash
 * ({@code anchorHash}) tells a reader whether the store still holds the history it was built from.
 */
public final class ConcentrationTimeline {
    static final int TOTAL_WIDTH = RankedPowers.SUM_WIDTH;
    /** Σ rank·x ≤ n·T &lt; 2³¹·2²⁸⁷. */
    static final int PREFIX_SUMS_WIDTH = 6;
    /** Σx² &lt; 2³¹·2⁵¹². */
    static final int SQUARES_WIDTH = 9;
    private static final int LIMBS = PowerArray.LIMBS;
    private static final int PAGE = 1 << 20;
    private static final int MAX_RECORD_BYTES = 5 * (1 + SQUARES_WIDTH * 8);

    /**
     * What readers see: everything appended up to one publication, covering blocks up to {@link #coverage()}, whose
     * stored header had {@link #anchorHash()} then. The arrays are the writer's, read only below the counts kept here.
     */
    public static final class View {
        private final long coverage;
        private final String anchorHash;
        private final long[] blocks;
        private final int[] delegates;
        private final int[] majorities;
        private final long[] offsets;
        private final byte[][] pages;
        private final int records;
        private final long[] opBlocks;
        private final long[] opValues;
        private final int ops;
        private final Epoch[] epochs;
        private final int epochCount;

        private View(ConcentrationTimeline writer, long coverage, String anchorHash) {
            this.coverage = coverage;
            this.anchorHash = anchorHash;
            this.blocks = writer.blocks;
            this.delegates = writer.delegates;
            this.majorities = writer.majorities;
            this.offsets = writer.offsets;
            this.pages = writer.pages;
            this.records = writer.records;
            this.opBlocks = writer.opBlocks;
            this.opValues = writer.opValues;
            this.ops = writer.ops;
            this.epochs = writer.epochs;
            this.epochCount = writer.epochCount;
        }

        /** The last block covered. */
        public long coverage() {
            return coverage;
        }

        /** The stored header hash of {@link #coverage()} when it was published. */
        public String anchorHash() {
            return anchorHash;
        }

        /** Blocks where the powers changed, recorded so far. */
        public int recordedBlocks() {
            return records;
        }

        /**
         * The concentration at {@code block} measured against {@code quorum} (null: unknown): the very value
         * {@link Concentration#of(PowerArray, BigInteger)} gives for the powers at that block. Null when the block is
         * beyond the coverage, or when reaching the quorum takes more delegates than the timeline knows the powers of.
         */
        public Concentration at(long block, BigInteger quorum) {
            return ConcentrationTimeline.at(this, block, quorum);
        }
    }

    /**
     * The largest powers at the end of {@code block} (-1: before the first), as runs of equal values (descending
     * {@code values}, four limbs each, and how many delegates hold each); the log from {@code firstOp} on changes them.
     */
    private record Epoch(long block, long[] values, int[] counts, int firstOp) {
    }

    private volatile View view;

    private long[] blocks = new long[1024];
    private int[] delegates = new int[1024];
    private int[] majorities = new int[1024];
    private long[] offsets = new long[1024];
    private byte[][] pages = new byte[16][];
    private int pageCount;
    private int pageFill = PAGE;
    private int records;
    /** A change of a large power: its block, or {@code ~block} when the power left the set. */
    private long[] opBlocks = new long[1024];
    private long[] opValues = new long[1024 * LIMBS];
    private int ops;
    private Epoch[] epochs = new Epoch[16];
    private int epochCount;

    /** What was published last; null before the first publication. */
    View view() {
        return view;
    }

    /** Bytes held by the records and the epochs, for the memory report. */
    public long bytes() {
        long bytes = blocks.length * 8L + delegates.length * 4L + majorities.length * 4L + offsets.length * 8L
                + (long) pageCount * PAGE + opBlocks.length * 8L + opValues.length * 8L;
        for (int epoch = 0; epoch < epochCount; epoch++) {
            bytes += epochs[epoch].values().length * 8L + epochs[epoch].counts().length * 4L + 64;
        }
        return bytes;
    }

    private static Concentration at(View current, long block, BigInteger quorum) {
        if (block > current.coverage() || block < 0) {
            return null;
        }
        int record = floor(current.blocks, current.records, block);
        if (record < 0 || current.delegates[record] == 0) {
            return Concentration.empty();
        }
        int n = current.delegates[record];
        long offset = current.offsets[record];
        byte[] page = current.pages[(int) (offset / PAGE)];
        int[] at = {(int) (offset % PAGE)};
        BigInteger total = read(page, at);
        BigInteger prefixSums = read(page, at);
        BigInteger squares = read(page, at);
        BigInteger weighted = read(page, at);
        BigInteger fractions = read(page, at);
        Largest largest = largest(current, block);
        Map<Integer, BigInteger> tops = new HashMap<>();
        Integer quorumSet = null;
        boolean quorumKnown = quorum == null || quorum.signum() <= 0 || quorum.compareTo(total) > 0;
        if (quorum != null && quorum.signum() <= 0) {
            quorumSet = 0;
        }
        int topIndex = 0;
        long count = 0;
        BigInteger sum = BigInteger.ZERO;
        for (int run = 0; run < largest.runs() && (topIndex < Concentration.TOP_N.size() || !quorumKnown); run++) {
            BigInteger value = PowerCodec.toBigInteger(largest.values(), run * LIMBS);
            int holders = largest.counts()[run];
            while (topIndex < Concentration.TOP_N.size() && Concentration.TOP_N.get(topIndex) <= count + holders) {
                int top = Concentration.TOP_N.get(topIndex++);
                if (top <= n) {
                    tops.put(top, sum.add(value.multiply(BigInteger.valueOf(top - count))));
                }
            }
            BigInteger after = sum.add(value.multiply(BigInteger.valueOf(holders)));
            if (!quorumKnown && after.compareTo(quorum) >= 0) {
                BigInteger[] needed = quorum.subtract(sum).divideAndRemainder(value);
                quorumSet = Math.toIntExact(count + needed[0].longValue() + (needed[1].signum() > 0 ? 1 : 0));
                quorumKnown = true;
            }
            sum = after;
            count += holders;
        }
        boolean topsKnown = topIndex == Concentration.TOP_N.size() || Concentration.TOP_N.get(topIndex) > n;
        if (!topsKnown || !quorumKnown) {
            return null;
        }
        return Concentration.of(n, total, tops, prefixSums, squares, current.majorities[record], quorumSet,
                EntropySums.bits(n, total, weighted, fractions));
    }

    /** The largest powers at a block, as runs (descending values, holders of each). */
    private record Largest(long[] values, int[] counts, int runs) {
    }

    /** The epoch's snapshot with its logged changes up to {@code block} merged in. */
    private static Largest largest(View current, long block) {
        int epoch = 0;
        int low = 0;
        int high = current.epochCount - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (current.epochs[middle].block() <= block) {
                epoch = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        Epoch start = current.epochs[epoch];
        int end = epoch + 1 < current.epochCount ? current.epochs[epoch + 1].firstOp() : current.ops;
        PowerArray added = new PowerArray(end - start.firstOp());
        PowerArray removed = new PowerArray(end - start.firstOp());
        for (int op = start.firstOp(); op < end; op++) {
            long opBlock = current.opBlocks[op];
            if ((opBlock < 0 ? ~opBlock : opBlock) > block) {
                break;
            }
            (opBlock < 0 ? removed : added).addLimbs(current.opValues, op * LIMBS);
        }
        added.sortDescending();
        removed.sortDescending();
        return merge(start, added, removed);
    }

    /** Runs of snapshot + added − removed, all three descending: equal values are counted together, empty runs dropped. */
    private static Largest merge(Epoch start, PowerArray added, PowerArray removed) {
        int snapshotRuns = start.counts().length;
        int capacity = snapshotRuns + added.size();
        long[] values = new long[capacity * LIMBS];
        int[] counts = new int[capacity];
        int runs = 0;
        int s = 0;
        int a = 0;
        int r = 0;
        long[] head = new long[LIMBS];
        while (s < snapshotRuns || a < added.size()) {
            // the largest value at the head of the snapshot or the added powers
            if (s < snapshotRuns && (a == added.size() || Limbs.compare(start.values(), s * LIMBS, added.limbs, a * LIMBS, LIMBS) >= 0)) {
                System.arraycopy(start.values(), s * LIMBS, head, 0, LIMBS);
            } else {
                System.arraycopy(added.limbs, a * LIMBS, head, 0, LIMBS);
            }
            int count = 0;
            if (s < snapshotRuns && Limbs.compare(start.values(), s * LIMBS, head, 0, LIMBS) == 0) {
                count += start.counts()[s++];
            }
            while (a < added.size() && Limbs.compare(added.limbs, a * LIMBS, head, 0, LIMBS) == 0) {
                count++;
                a++;
            }
            if (r < removed.size() && Limbs.compare(removed.limbs, r * LIMBS, head, 0, LIMBS) > 0) {
                throw new IllegalStateException("the log of the largest powers removes a power it never had");
            }
            while (r < removed.size() && Limbs.compare(removed.limbs, r * LIMBS, head, 0, LIMBS) == 0) {
                count--;
                r++;
            }
            if (count < 0) {
                throw new IllegalStateException("the log of the largest powers removes a power more often than it was there");
            }
            if (count > 0) {
                System.arraycopy(head, 0, values, runs * LIMBS, LIMBS);
                counts[runs++] = count;
            }
        }
        if (r < removed.size()) {
            throw new IllegalStateException("the log of the largest powers removes a power it never had");
        }
        return new Largest(values, counts, runs);
    }

    /** The last index below {@code size} whose block is at most {@code block}, or -1. */
    private static int floor(long[] blocks, int size, long block) {
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (blocks[middle] <= block) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    private static BigInteger read(byte[] page, int[] at) {
        int length = page[at[0]++] & 0xFF;
        BigInteger value = length == 0 ? BigInteger.ZERO : new BigInteger(1, page, at[0], length);
        at[0] += length;
        return value;
    }

    // ---- the writer's side (the sweep's thread only) ----

    /** Records the state at the end of {@code block}: n, the majority's Nakamoto coefficient and the exact sums. */
    void record(long block, int n, int majority, long[] total, long[] prefixSums, long[] squares, long[] weighted, long[] fractions) {
        if (records == blocks.length) {
            int capacity = records * 2;
            blocks = Arrays.copyOf(blocks, capacity);
            delegates = Arrays.copyOf(delegates, capacity);
            majorities = Arrays.copyOf(majorities, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
        }
        if (pageFill + MAX_RECORD_BYTES > PAGE) {
            if (pageCount == pages.length) {
                pages = Arrays.copyOf(pages, pageCount * 2);
            }
            pages[pageCount++] = new byte[PAGE];
            pageFill = 0;
        }
        blocks[records] = block;
        delegates[records] = n;
        majorities[records] = majority;
        offsets[records] = (long) (pageCount - 1) * PAGE + pageFill;
        byte[] page = pages[pageCount - 1];
        pageFill = write(page, pageFill, total, TOTAL_WIDTH);
        pageFill = write(page, pageFill, prefixSums, PREFIX_SUMS_WIDTH);
        pageFill = write(page, pageFill, squares, SQUARES_WIDTH);
        pageFill = write(page, pageFill, weighted, EntropySums.A_WIDTH);
        pageFill = write(page, pageFill, fractions, EntropySums.F_WIDTH);
        records++;
    }

    /** A length byte and the big-endian magnitude of {@code value[0, width)}. */
    private static int write(byte[] page, int at, long[] value, int width) {
        int bytes = (Limbs.bitLength(value, 0, width) + 7) / 8;
        page[at++] = (byte) bytes;
        for (int b = bytes - 1; b >= 0; b--) {
            page[at++] = (byte) (value[b >>> 3] >>> ((b & 7) << 3));
        }
        return at;
    }

    /** Logs that a power at or above the epoch's threshold entered ({@code added}) or left the set in {@code block}. */
    void change(long block, boolean added, long[] value, int at) {
        if (ops == opBlocks.length) {
            opBlocks = Arrays.copyOf(opBlocks, ops * 2);
            opValues = Arrays.copyOf(opValues, ops * 2 * LIMBS);
        }
        opBlocks[ops] = added ? block : ~block;
        System.arraycopy(value, at, opValues, ops * LIMBS, LIMBS);
        ops++;
    }

    /** Starts an epoch with the largest powers at the end of {@code block}, as runs. */
    void epoch(long block, long[] values, int[] counts) {
        if (epochCount == epochs.length) {
            epochs = Arrays.copyOf(epochs, epochCount * 2);
        }
        epochs[epochCount++] = new Epoch(block, values, counts, ops);
    }

    /** Makes everything appended so far visible to readers, as covering blocks up to {@code coverage}. */
    void publish(long coverage, String anchorHash) {
        view = new View(this, coverage, anchorHash);
    }
}
