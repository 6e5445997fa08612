package org.stagewatch.chain;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * The last part of a wait spent spinning rather than asleep: a sleeping thread wakes up late, by a few tenths of a
     * millisecond on a busy machine — at 300 requests/s, 3.5 ms apart, that alone left 7 % of the rate unused.
     */
    private static final long SPIN_NANOS = 300_000;

    /** One pacer per URL and rate in the process: what the provider counts is its key's requests, whichever client sent them. */
    private static final ConcurrentHashMap<String, RequestPacer> SHARED = new ConcurrentHashMap<>();

    private final long intervalNanos;
    private final ReentrantLock turn = new ReentrantLock(true);
    private long lastLeft = Long.MIN_VALUE / 2;

    /**
     * The pacer every endpoint of this process at {@code url} with this rate shares: the short probe a run starts
     * with, the backfill's client and a follower's draw on the same budget at the provider, so their requests are
     * spaced together.
     */
    static RequestPacer shared(String url, double requestsPerSecond) {
        return SHARED.computeIfAbsent(requestsPerSecond + " " + url, unused -> new RequestPacer(requestsPerSecond));
    }

    RequestPacer(double requestsPerSecond) {
        this.intervalNanos = Math.round(1e9 * (1 + MARGIN) / requestsPerSecond);
    }

    /** Waits for this request's turn; returns whether it had to wait. */
    boolean await() throws InterruptedException {
        turn.lockInterruptibly();
        try {
            boolean waited = false;
            for (long left = lastLeft + intervalNanos - System.nanoTime(); left > 0; left = lastLeft + intervalNanos - System.nanoTime()) {
                waited = true;
                if (left > SPIN_NANOS) {
                    Thread.sleep(Duration.ofNanos(left - SPIN_NANOS));
                } else {
                    Thread.onSpinWait();
                }
            }
            lastLeft = System.nanoTime();
            return waited;
        } finally {
            turn.unlock();
        }
    }
}
