package org.stagewatch.chain;

import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many requests one endpoint may have in flight, adapted to how the provider answers (additive increase,
 * multiplicative decrease). It starts at the configured {@code maxConcurrency}; while answers come back without a
 * rate limit or a timeout and the limit is in use, it grows — by one per answer until the first sign of trouble (a
 * slow start), then by one per window of {@code limit} answers. A 429 or a timeout cuts it to {@value #BACKOFF} of
 * itself, once for all the requests that were already out when the first of them came back (they were sent under the
 * old limit and say nothing new).
 *
 * <p>What else stops the growth depends on whether a request rate is configured. With one, the rate is what keeps the
 * provider from being asked too much, and the limit follows what that rate can use. During the slow start each answer
 * takes it at once to what the rate needs at the latency measured so far ({@code rps × latency} plus
 * {@value #RATE_EXTRA}; growing by one an answer from a configured 4 took the first half second at 300 requests/s), and
 * it grows on to {@code rps × latency} requests on the wire, with room for a few waiting their turn at the pacer
 * ({@value #RATE_ROOM} × that, plus {@value #RATE_EXTRA}); more places would only wait for the rate. A latency that rises then needs more places, not
 * fewer (a provider's eth_getLogs of a wide range answer in hundreds of ms where a batch of headers takes tens: taking
 * that for trouble ended the slow start well short of the places 300 requests/s need at 50 ms). Whether requests waited
 * for the pacer says little too: a few let out together wait for each other's spacing even when the rate is far from
 * used. Without a configured rate, latency is the sign: it does not grow while the latency of the last answers is
 * above {@value #LATENCY_TOLERANCE} × its long-run average, and the first such rise ends the slow start.
 *
 * <p>Requests waiting for a place are let out in the order of their {@link RequestPriority} (then of their arrival),
 * each woken alone when its turn comes ({@link Waiter}), not in whatever order the threads wake up.
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
    /** Places for requests past those the configured rate keeps on the wire: a multiple of them, plus a few. */
    static final double RATE_ROOM = 1.5;
    static final int RATE_EXTRA = 2;

    /** How an answer came back. */
    enum Outcome { OK, DROPPED, IGNORED }

    private int limit;
    private int inFlight;
    private boolean slowStart = true;
    private int window;
    private long lastCut = Long.MIN_VALUE;
    private double longLatency = Double.NaN;
    private double shortLatency = Double.NaN;
    private final double requestsPerSecond;

    ConcurrencyLimit(int initial) {
        this(initial, 0);
    }

    /** @param requestsPerSecond the endpoint's configured request rate, 0 = none */
    ConcurrencyLimit(int initial, double requestsPerSecond) {
        this.limit = Math.max(1, Math.min(CEILING, initial));
        this.requestsPerSecond = requestsPerSecond;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>();
    private long arrivals;

    /**
     * Waits until a request may go out and no request of higher priority ({@link RequestPriority#current}) waits;
     * returns when it was let out (pass it to {@link #release}).
     */
    long acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            Waiter me = new Waiter(RequestPriority.current(), arrivals++, lock.newCondition());
            waiting.add(me);
            try {
                while (inFlight >= limit || waiting.peek() != me) {
                    me.turn().await();
                }
                inFlight++;
            } finally {
                waiting.remove(me);
                wakeNext(); // the next in line may go too, or take this one's turn after an interrupt
            }
            return System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the first in line when there is a place for it (the lock held). */
    private void wakeNext() {
        Waiter next = waiting.peek();
        if (next != null && inFlight < limit) {
            next.turn().signal();
        }
    }

    /** Requests waiting for a place. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The request let out at {@code sent} came back.
     *
     * @param latencyNanos from its sending to its answer (without any wait for the rate limit)
     */
    void release(long sent, Outcome outcome, long latencyNanos) {
        lock.lock();
        try {
            inFlight--;
            switch (outcome) {
                case DROPPED -> dropped(sent);
                case OK -> grow(latencyNanos, inFlight + 1);
                case IGNORED -> {
                }
            }
            wakeNext();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A request sent at {@code sent} was refused by the rate limit or timed out (also for items of a batch that
     * came back rate-limited): the limit is cut, unless it was cut since that request went out.
     */
    void dropped(long sent) {
        lock.lock();
        try {
            if (sent > lastCut) {
                limit = Math.max(1, (int) (limit * BACKOFF));
                lastCut = System.nanoTime();
                slowStart = false;
                window = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    private void grow(long latencyNanos, int inUse) {
        shortLatency = Double.isNaN(shortLatency) ? latencyNanos : 0.8 * shortLatency + 0.2 * latencyNanos;
        longLatency = Double.isNaN(longLatency) ? latencyNanos : 0.98 * longLatency + 0.02 * latencyNanos;
        if (requestsPerSecond > 0 && slowStart) {
            // the rate and the latency just measured say how many requests must be on the wire to use the rate: the
            // first answer takes the limit there at once, where growing by one an answer from a configured 4 took the
            // first half second at 300 requests/s (the pacer still spaces them; a 429 or timeout still cuts)
            int need = (int) Math.min(CEILING, Math.ceil(requestsPerSecond * shortLatency / 1e9) + RATE_EXTRA);
            limit = Math.max(limit, need);
        }
        // a limit not in use says nothing about the provider's capacity
        if (inUse * 2 < limit || limit >= CEILING) {
            return;
        }
        if (requestsPerSecond > 0) {
            // the configured rate is what keeps the provider from being asked too much: past what it can use, more places
            // would only wait for the pacer; and a latency that rises needs more requests on the wire for the same rate
            // (rate × latency), not fewer
            if (limit >= RATE_ROOM * requestsPerSecond * shortLatency / 1e9 + RATE_EXTRA) {
                return;
            }
        } else if (shortLatency > LATENCY_TOLERANCE * longLatency) {
            slowStart = false; // rising: the provider slows under what it is asked
            return;
        }
        if (slowStart || ++window >= limit) {
            limit++;
            window = 0;
        }
    }

    int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
