package org.stagewatch.chain;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Spaces an endpoint's requests at least 1/rps apart, counted from when the previous one actually left, in the order
 * they came: over any second no more than {@code rps} go out, and there is no burst after a quiet spell or after a
 * thread woke up late (a provider's token bucket may hold less than one second's worth). The spacing carries a
 * {@value #MARGIN} margin for the moments between leaving here and reaching the provider, which vary from one request to the next
 * (by tens of milliseconds on a loaded machine: 2 % let 21 of 20 rps arrive within one second there).
 */
final class RequestPacer {
    static final double MARGIN = 0.05;

    /** Weight of the newest gap in {@link #saturated}'s average: about the last ten departures count. */
    private static final double GAP_WEIGHT = 0.1;
    /** Departures this close to the spacing on average mean the rate is what holds requests back. */
    private static final double SATURATED_WITHIN = 1.2;

    private final long intervalNanos;
    private final ReentrantLock turn = new ReentrantLock(true);
    private long lastLeft = Long.MIN_VALUE / 2;
    /** Moving average of the time between departures; NaN until two have left. Written under {@code turn}, read without. */
    private volatile double meanGap = Double.NaN;

    RequestPacer(double requestsPerSecond) {
        this.intervalNanos = Math.round(1e9 * (1 + MARGIN) / requestsPerSecond);
    }

    /**
     * Whether requests leave about as fast as the spacing lets them: the average gap between the last departures is
     * within {@value #SATURATED_WITHIN} of it. A request that waited here says less: a few let out together by the
     * concurrency limit wait for each other's spacing even when the rate is far from used, and taking that for the
     * rate binding kept the limit from growing at a high rate (4 in flight at 50 ms is 80 of 300 requests/s).
     */
    boolean saturated() {
        double gap = meanGap;
        return !Double.isNaN(gap) && gap <= SATURATED_WITHIN * intervalNanos;
    }

    /** Waits for this request's turn; returns whether it had to wait. */
    boolean await() throws InterruptedException {
        turn.lockInterruptibly();
        try {
            boolean waited = false;
            for (long left = lastLeft + intervalNanos - System.nanoTime(); left > 0; left = lastLeft + intervalNanos - System.nanoTime()) {
                waited = true;
                Thread.sleep(Duration.ofNanos(left));
            }
            long now = System.nanoTime();
            if (lastLeft > Long.MIN_VALUE / 2) {
                long gap = now - lastLeft;
                meanGap = Double.isNaN(meanGap) ? gap : (1 - GAP_WEIGHT) * meanGap + GAP_WEIGHT * gap;
            }
            lastLeft = now;
            return waited;
        } finally {
            turn.unlock();
        }
    }
}
