package org.stagewatch.chain;

/**
 * What one endpoint has taught about its eth_getLogs limits, and the range size that follows from it.
 * <ul>
 *   <li>a <b>block cap</b>: a range refused as too wide is split to what the provider suggested (else halved),
 *       and no later range goes wider;</li>
 *   <li>a <b>result cap</b>: the count a "too many results" answer names (else the largest count that succeeded
 *       once such an answer came); ranges are then sized from the logs per block seen so far to fill
 *       {@value #FILL} of it;</li>
 *   <li>growth: after {@value #GROW_AFTER} successes in a row the range doubles, never past the configured
 *       {@code maxBlockRange} (the user's ceiling).</li>
 * </ul>
 * What was learned is kept by the caller (see {@link Learned}) so a restart starts from it. Thread-safe: ranges in
 * flight at once share it.
 */
public final class RangeLimits {
    static final int GROW_AFTER = 3;
    /** Share of a known result cap a range is sized to fill: room for a denser stretch than the last ones. */
    static final double FILL = 0.95;

    /**
     * The learned state as stored: range size to start from, block cap and result cap (0 = none known), the largest
     * result count that succeeded, and the batch size the provider takes.
     */
    public record Learned(long range, long blockCap, long resultCap, long largestCount, int batchSize) {
    }

    private final long configured;
    private long range;
    private long blockCap = Long.MAX_VALUE;
    private long resultCap;
    private boolean resultCapped;
    private long largestRange;
    private long largestCount;
    private double logsPerBlock = Double.NaN;
    private int successes;

    RangeLimits(long configured) {
        this.configured = Math.max(1, configured);
        this.range = this.configured;
    }

    /** The width to ask for next. */
    public synchronized long next() {
        long width = Math.min(configured, Math.min(range, blockCap));
        long target = resultTarget();
        if (resultCapped && target > 0 && logsPerBlock > 0) {
            width = Math.min(width, Math.max(1, (long) (FILL * target / logsPerBlock)));
        }
        return Math.max(1, width);
    }

    /** A range of {@code width} blocks came back with {@code count} logs. */
    synchronized void succeeded(long width, long count) {
        largestRange = Math.max(largestRange, width);
        largestCount = Math.max(largestCount, count);
        double density = (double) count / width;
        logsPerBlock = Double.isNaN(logsPerBlock) ? density : 0.7 * logsPerBlock + 0.3 * density;
        if (++successes < GROW_AFTER) {
            return;
        }
        successes = 0;
        range = Math.min(configured, Math.min(blockCap, range * 2));
    }

    /**
     * A range of {@code width} blocks was refused; returns the narrower width to ask for instead: the provider's
     * suggestion when narrower, else half.
     */
    synchronized long refused(long width, RangeTooLargeException refusal) {
        long suggested = refusal.suggestedBlocks().orElse(0);
        long retry = Math.max(1, suggested > 0 && suggested < width ? suggested : width / 2);
        if (refusal.limit() == RangeErrors.Limit.BLOCKS) {
            blockCap = Math.min(blockCap, retry);
        } else {
            resultCapped = true;
            refusal.resultCap().ifPresent(cap -> resultCap = resultCap == 0 ? cap : Math.min(resultCap, cap));
        }
        range = Math.min(range, retry);
        successes = 0;
        return retry;
    }

    private long resultTarget() {
        return resultCap > 0 ? resultCap : resultCapped ? largestCount : 0;
    }

    /** The state to store. */
    synchronized Learned learned(int batchSize) {
        return new Learned(next(), blockCap == Long.MAX_VALUE ? 0 : blockCap, resultCapped ? resultTarget() : 0, largestCount,
                batchSize);
    }

    /** Starts from what an earlier run learned. */
    synchronized void restore(Learned learned) {
        if (learned.range() > 0) {
            range = learned.range();
        }
        if (learned.blockCap() > 0) {
            blockCap = learned.blockCap();
        }
        if (learned.resultCap() > 0) {
            resultCap = learned.resultCap();
            resultCapped = true;
        }
        largestCount = Math.max(largestCount, learned.largestCount());
        successes = 0;
    }

    /** The current range size (before the result cap's sizing): what {@link #next} grows from. */
    synchronized long range() {
        return range;
    }

    synchronized long largestRange() {
        return largestRange;
    }
}
