package org.stagewatch.analyze.power;

import java.util.Arrays;

import org.stagewatch.store.PowerRows;

/**
 * One ordered pass over a token's checkpoints that records its {@link ConcentrationTimeline}: every delegate's power
 * by id, the positive powers in a {@link RankedPowers}, and the exact sums the formulas need, each moved by O(log n)
 * per checkpoint. Inserting x with c powers at least as large (summing to S) among n moves Σ rank·x (ascending ranks)
 * by (n − c + 1)·x + S, and removing it by the same with the set after; T, Σx² and the entropy's sums by the power's
 * own terms. At the end of each block whose powers changed it records the state, and the majority's Nakamoto
 * coefficient from the ranked powers.
 *
 * <p>The pass can go on where it stopped: {@link #apply} the checkpoints after the last block, then
 * {@link #publish}. The caller hands blocks in order and never one at or below a block already finished.
 */
final class ConcentrationSweep {
    /** At every block at least this many of the largest powers (or all of them) are known to the timeline. */
    static final int KEEP = 1024;
    /** An epoch starts with this many of the largest powers (more when the last ones tie). */
    static final int TRACK = 2 * KEEP;
    /** An epoch ends once this many changes to large powers were logged: a reader replays at most that many. */
    static final int EPOCH_CHANGES = 2048;
    private static final int LIMBS = PowerArray.LIMBS;
    private static final long[] ONE = {1};

    private final ConcentrationTimeline timeline = new ConcentrationTimeline();
    private final RankedPowers ranked = new RankedPowers();
    private long[] current = new long[1024 * LIMBS];
    private final long[] total = new long[ConcentrationTimeline.TOTAL_WIDTH];
    private final long[] prefixSums = new long[ConcentrationTimeline.PREFIX_SUMS_WIDTH];
    private final long[] squares = new long[ConcentrationTimeline.SQUARES_WIDTH];
    private final long[] weighted = new long[EntropySums.A_WIDTH];
    private final long[] fractions = new long[EntropySums.F_WIDTH];
    private final long[] sumAbove = new long[RankedPowers.SUM_WIDTH];
    private final long[] product = new long[2 * LIMBS];
    private final long[] majority = new long[RankedPowers.SUM_WIDTH];
    private long block = -1;
    private boolean changed;
    private long checkpoints;

    /** The current epoch logs changes to powers at or above {@code threshold}, or to every power. */
    private boolean trackAll = true;
    private final long[] threshold = new long[LIMBS];
    private int tracked;
    private int epochChanges;

    ConcentrationSweep() {
        timeline.epoch(-1, new long[0], new int[0]);
    }

    ConcentrationTimeline timeline() {
        return timeline;
    }

    /** The last block applied (-1 before any). */
    long block() {
        return block;
    }

    /** Checkpoints applied so far. */
    long checkpoints() {
        return checkpoints;
    }

    /** Applies a batch of checkpoints in log order. */
    void apply(PowerRows rows) {
        for (int i = 0; i < rows.size; i++) {
            apply(rows.blocks[i], rows.ids[i], rows.limbs, i * LIMBS);
        }
    }

    /** Delegate {@code id}'s power is {@code value[at, at + 4)} from {@code rowBlock} on. */
    void apply(long rowBlock, int id, long[] value, int at) {
        if (rowBlock != block) {
            if (rowBlock < block) {
                throw new IllegalStateException("checkpoint of block " + rowBlock + " after block " + block + ": not in block order");
            }
            finishBlock();
            block = rowBlock;
        }
        checkpoints++;
        if ((id + 1) * LIMBS > current.length) {
            current = Arrays.copyOf(current, Math.max((id + 1) * LIMBS, current.length * 2));
        }
        int own = id * LIMBS;
        if (Limbs.compare(current, own, value, at, LIMBS) == 0) {
            return;
        }
        if (Limbs.length(current, own, LIMBS) > 0) {
            remove(current, own);
        }
        if (Limbs.length(value, at, LIMBS) > 0) {
            insert(value, at);
        }
        System.arraycopy(value, at, current, own, LIMBS);
        changed = true;
    }

    /** Records the last block if its powers changed and makes everything visible, as covering blocks up to {@code coverage}. */
    void publish(long coverage, String anchorHash) {
        if (coverage < block) {
            throw new IllegalStateException("publishing block " + coverage + " while block " + block + " was applied");
        }
        finishBlock();
        timeline.publish(coverage, anchorHash);
    }

    /** Bytes held by the pass's state (kept to go on with the next blocks) beside the timeline's. */
    long bytes() {
        return ranked.bytes() + current.length * 8L;
    }

    private void insert(long[] value, int at) {
        int n = ranked.size();
        int above = ranked.insert(value, at, sumAbove);
        moveSums(value, at, n - above + 1, false);
        log(value, at, true);
    }

    private void remove(long[] value, int at) {
        int above = ranked.remove(value, at, sumAbove);
        moveSums(value, at, ranked.size() - above + 1, true);
        log(value, at, false);
    }

    /** Σ rank·x ± (rank·x + the sum above), T ± x, Σx² ± x², and the entropy's terms. */
    private void moveSums(long[] value, int at, long rank, boolean subtract) {
        Limbs.multiply(value, at, LIMBS, rank, product);
        Limbs.add(prefixSums, 0, prefixSums.length, product, 0, LIMBS + 1, 0, subtract);
        Limbs.add(prefixSums, 0, prefixSums.length, sumAbove, 0, sumAbove.length, 0, subtract);
        Limbs.add(total, 0, total.length, value, at, LIMBS, 0, subtract);
        Limbs.square(value, at, LIMBS, product);
        Limbs.add(squares, 0, squares.length, product, 0, 2 * LIMBS, 0, subtract);
        EntropySums.add(value, at, weighted, 0, fractions, 0, subtract, product);
    }

    private void log(long[] value, int at, boolean added) {
        if (trackAll || Limbs.compare(value, at, threshold, 0, LIMBS) >= 0) {
            timeline.change(block, added, value, at);
            tracked += added ? 1 : -1;
            epochChanges++;
        }
    }

    private void finishBlock() {
        if (!changed) {
            return;
        }
        changed = false;
        int n = ranked.size();
        int majoritySet = 0;
        if (n > 0) {
            // more than half of T: ⌊T/2⌋ + 1
            for (int limb = 0; limb < majority.length; limb++) {
                majority[limb] = total[limb] >>> 1 | (limb + 1 < majority.length ? total[limb + 1] << 63 : 0);
            }
            Limbs.add(majority, 0, majority.length, ONE, 0, 1, 0, false);
            majoritySet = ranked.smallestReaching(majority);
        }
        timeline.record(block, n, majoritySet, total, prefixSums, squares, weighted, fractions);
        if (epochChanges >= EPOCH_CHANGES || !trackAll && tracked < KEEP) {
            startEpoch();
        }
    }

    /** A new epoch from the end of the current block: the largest powers now, and the threshold the log keeps. */
    private void startEpoch() {
        int n = ranked.size();
        trackAll = n <= TRACK;
        Runs runs = new Runs();
        ranked.top(trackAll ? n : TRACK, runs);
        tracked = runs.holders;
        if (!trackAll) {
            System.arraycopy(runs.values, (runs.count - 1) * LIMBS, threshold, 0, LIMBS);
        }
        timeline.epoch(block, Arrays.copyOf(runs.values, runs.count * LIMBS), Arrays.copyOf(runs.counts, runs.count));
        epochChanges = 0;
    }

    /** The largest powers as runs of equal values: descending values (four limbs each) and how many hold each. */
    private static final class Runs implements RankedPowers.RunSink {
        long[] values = new long[64 * LIMBS];
        int[] counts = new int[64];
        int count;
        int holders;

        @Override
        public void run(long[] limbs, int at, int holding) {
            if (count == counts.length) {
                counts = Arrays.copyOf(counts, count * 2);
                values = Arrays.copyOf(values, count * 2 * LIMBS);
            }
            System.arraycopy(limbs, at, values, count * LIMBS, LIMBS);
            counts[count++] = holding;
            holders += holding;
        }
    }
}
