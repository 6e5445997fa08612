package org.stagewatch.chain;

/**
 * How many requests one endpoint may have in flight, adapted to how the provider answers (additive increase,
 * multiplicative decrease). It starts at the configured {@code maxConcurrency}; while answers come back without a
 * rate limit or a timeout, latency stays near its long-run average and the limit is in use, it grows — by one per
 * answer until the first sign of trouble (a slow start), then by one per window of {@code limit} answers. A 429 or a
 * timeout cuts it to {@value #BACKOFF} of itself, once for all the requests that were already out when the first of
 * them came back (they were sent under the old limit and say nothing new). It does not grow while requests wait for
 * the endpoint's request-rate limit: the rate, not concurrency, is then what binds.
 *
 * <p>Invariant: requests in flight never exceed the limit when they are let out; the limit stays within
 * [1, {@value #CEILING}].
 */
final class ConcurrencyLimit {
    /** The most requests in flight the limit grows to. */
    static final int CEILING = 64;
    static final double BACKOFF = 0.7;
    /** Latency above this multiple of its long-run average counts as rising: no growth then. */
    private static final double LATENCY_TOLERANCE = 2.0;
    /** For this long after a request waited for the rate limit, the rate is taken to be what binds. */
    private static final long RATE_MEMORY_NANOS = 1_000_000_000L;

    /** How an answer came back. */
    enum Outcome { OK, DROPPED, IGNORED }

    private int limit;
    private int inFlight;
    private boolean slowStart = true;
    private int window;
    private long lastCut = Long.MIN_VALUE;
    private double longLatency = Double.NaN;
    private double shortLatency = Double.NaN;
    private long lastRateWait = Long.MIN_VALUE / 2;

    ConcurrencyLimit(int initial) {
        this.limit = Math.max(1, Math.min(CEILING, initial));
    }

    /** Waits until a request may go out; returns when it was let out (pass it to {@link #release}). */
    synchronized long acquire() throws InterruptedException {
        while (inFlight >= limit) {
            wait();
        }
        inFlight++;
        return System.nanoTime();
    }

    /** A request let out had to wait for the request-rate limit before it could be sent. */
    synchronized void waitedForRate() {
        lastRateWait = System.nanoTime();
    }

    /**
     * The request let out at {@code sent} came back.
     *
     * @param latencyNanos from its sending to its answer (without any wait for the rate limit)
     */
    synchronized void release(long sent, Outcome outcome, long latencyNanos) {
        inFlight--;
        switch (outcome) {
            case DROPPED -> dropped(sent);
            case OK -> grow(latencyNanos, inFlight + 1);
            case IGNORED -> {
            }
        }
        notifyAll();
    }

    /**
     * A request sent at {@code sent} was refused by the rate limit or timed out (also for items of a batch that
     * came back rate-limited): the limit is cut, unless it was cut since that request went out.
     */
    synchronized void dropped(long sent) {
        if (sent > lastCut) {
            limit = Math.max(1, (int) (limit * BACKOFF));
            lastCut = System.nanoTime();
            slowStart = false;
            window = 0;
        }
    }

    private void grow(long latencyNanos, int inUse) {
        shortLatency = Double.isNaN(shortLatency) ? latencyNanos : 0.8 * shortLatency + 0.2 * latencyNanos;
        longLatency = Double.isNaN(longLatency) ? latencyNanos : 0.98 * longLatency + 0.02 * latencyNanos;
        boolean rising = shortLatency > LATENCY_TOLERANCE * longLatency;
        if (rising) {
            slowStart = false;
        }
        // a limit not in use, or one the rate limit keeps from being used, says nothing about the provider's capacity
        boolean rateBound = System.nanoTime() - lastRateWait < RATE_MEMORY_NANOS;
        if (rising || rateBound || inUse * 2 < limit || limit >= CEILING) {
            return;
        }
        if (slowStart || ++window >= limit) {
            limit++;
            window = 0;
        }
    }

    synchronized int limit() {
        return limit;
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
