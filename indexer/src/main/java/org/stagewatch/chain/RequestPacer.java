package org.stagewatch.chain;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Spaces an endpoint's requests at least 1/rps apart, counted from when the previous one actually left: over any second
 * no more than {@code rps} go out, and there is no burst after a quiet spell or after a thread woke up late (a
 * provider's token bucket may hold less than one second's worth). The spacing carries a {@value #MARGIN} margin for the
 * moments between leaving here and reaching the provider, which vary from one request to the next (by tens of
 * milliseconds on a loaded machine: 2 % let 21 of 20 rps arrive within one second there). Requests waiting go by
 * {@link RequestPriority}, as at the concurrency limit.
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
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Waiter> line = new PriorityQueue<>();
    private long arrivals;
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

    /**
     * Waits for this request's turn — the first of those waiting by {@link RequestPriority} (then by arrival), at least
     * the interval after the previous one left; returns whether it had to wait. Requests let out by the concurrency limit
     * in priority order can still queue here (a limit a little past what the rate uses keeps the provider busy through a
     * latency's jitter): a writer's state read or the next range's eth_getLogs then goes ahead of the header batches
     * already waiting, rather than 20–30 of them (≈ 100 ms at 300 requests/s) behind.
     */
    boolean await() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            Waiter me = new Waiter(RequestPriority.current(), arrivals++, lock.newCondition());
            Waiter first = line.peek();
            line.add(me);
            if (first != null && line.peek() == me) {
                first.turn().signal(); // it was timing its turn, which is now this one's
            }
            boolean waited = false;
            try {
                while (true) {
                    if (line.peek() != me) {
                        waited = true;
                        me.turn().await();
                        continue;
                    }
                    long left = lastLeft + intervalNanos - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    waited = true;
                    if (left > SPIN_NANOS) {
                        me.turn().awaitNanos(left - SPIN_NANOS);
                    } else {
                        lock.unlock(); // spin without the lock: a request of higher priority may still take the turn
                        try {
                            Thread.onSpinWait();
                        } finally {
                            lock.lock();
                        }
                    }
                }
                lastLeft = System.nanoTime();
            } finally {
                line.remove(me);
                Waiter next = line.peek();
                if (next != null) {
                    next.turn().signal();
                }
            }
            return waited;
        } finally {
            lock.unlock();
        }
    }
}
