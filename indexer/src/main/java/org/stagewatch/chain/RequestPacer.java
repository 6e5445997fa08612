package org.stagewatch.chain;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Keeps an endpoint's calls to {@code rps} a second, counting every call of a JSON-RPC batch as providers meter them
 * (Infura counts each call of a batch and the batch itself, Alchemy and QuickNode each call's units; the caller says
 * how many a request counts for, see {@link Endpoint#metered}).
 * <ul>
 *   <li>A request of {@code n} calls holds the next one back for n/rps from its turn (from when it actually left, if
 *       that was later than a thread waking up late explains): there is no burst after a quiet spell (a provider's
 *       token bucket may hold less than one second's worth), and the tokens a batch took are back before the next
 *       request. (Were a batch to wait for its own n/rps instead, a request of higher priority taking the turn
 *       meanwhile would throw that wait away.)</li>
 *   <li>A request leaves only when the calls that left within the last second leave room for its own: over any second
 *       no more than {@code rps} calls go out, however batches and single calls mix.</li>
 * </ul>
 * Both carry a {@value #MARGIN} margin for the moments between leaving here and reaching the provider, which vary from
 * one request to the next (by tens of milliseconds on a loaded machine: 2 % let 21 of 20 rps arrive within one second
 * there): the spacing is 1.05/rps a call, and the second is 1.05 s long (steady spacing fills it with exactly
 * {@code rps} calls, so it only bounds what a batch adds at once). Requests waiting go by {@link RequestPriority}, as at
 * the concurrency limit.
 */
final class RequestPacer {
    static final double MARGIN = 0.05;
    /**
     * The last part of a wait spent spinning rather than asleep: a sleeping thread wakes up late, by a few tenths of a
     * millisecond on a busy machine — at 300 requests/s, 3.5 ms apart, that alone left 7 % of the rate unused.
     */
    private static final long SPIN_NANOS = 300_000;
    /**
     * How late a request may leave after its turn and still count as having left on time: the next turn is then
     * timed from the turn, not from the late departure. A thread woken late (on a machine of two busy cores, by up
     * to a millisecond or so past the spin) would otherwise push every later turn back by as much: 3 % of the rate at
     * 300 calls/s in batches of 10, 35 ms apart. Later than this, the pacer was idle, and the next turn is timed from
     * the departure (no burst after a quiet spell). What leaves within any second is still counted at the actual
     * departures.
     */
    private static final long LATE_FORGIVEN = 2_000_000;

    /** One pacer per URL and rate in the process: what the provider counts is its key's requests, whichever client sent them. */
    private static final ConcurrentHashMap<String, RequestPacer> SHARED = new ConcurrentHashMap<>();

    /** The window no more than the rate's calls leave in: a second, with the margin. */
    private static final long WINDOW = Math.round(1e9 * (1 + MARGIN));

    private final long intervalNanos;
    /** Most calls that may leave within {@link #WINDOW}: the rate. */
    private final long perWindow;
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Waiter> line = new PriorityQueue<>();
    /** The requests that left within the last {@link #WINDOW}, oldest first, as {when, calls}. */
    private final ArrayDeque<long[]> lastSecond = new ArrayDeque<>();
    private long callsInLastSecond;
    private long arrivals;
    private long lastLeft = Long.MIN_VALUE / 2;
    /** Calls of the request that left last. */
    private int lastCalls = 1;

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
        this.perWindow = Math.max(1, (long) Math.floor(requestsPerSecond));
    }

    /** {@link #await(int, BooleanSupplier)} for a request of one call, always sent. */
    boolean await() throws InterruptedException {
        return await(1, () -> true);
    }

    /** {@link #await(int, BooleanSupplier)} for a request always sent. */
    boolean await(int calls) throws InterruptedException {
        return await(calls, () -> true);
    }

    /**
     * Waits for the turn of this request of {@code calls} calls — the first of those waiting by {@link RequestPriority}
     * (then by arrival), at least as many intervals after the previous one left as that one held calls, and with room for
     * its own calls among those that left within the last second. Then asks {@code stillToSend}: when it says no (a
     * batch cut meanwhile, see {@link Endpoint#execute}), the request leaves the line without being counted, and the
     * turn is the next one's; returns whether the request is to be sent. Requests let out by the concurrency limit
     * in priority order can still queue here (a limit a little past what the rate uses keeps the provider busy through a
     * latency's jitter): a writer's state read or the next range's eth_getLogs then goes ahead of the header batches
     * already waiting, rather than 20–30 of them (≈ 100 ms at 300 requests/s) behind.
     */
    boolean await(int calls, BooleanSupplier stillToSend) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            Waiter me = new Waiter(RequestPriority.current(), arrivals++, lock.newCondition());
            Waiter first = line.peek();
            line.add(me);
            if (first != null && line.peek() == me) {
                first.turn().signal(); // it was timing its turn, which is now this one's
            }
            long due = 0;
            try {
                while (true) {
                    if (line.peek() != me) {
                        me.turn().await();
                        continue;
                    }
                    long now = System.nanoTime();
                    due = turn(calls, now);
                    long left = due - now;
                    if (left <= 0) {
                        break;
                    }
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
                if (!stillToSend.getAsBoolean()) {
                    return false;
                }
                long now = System.nanoTime();
                lastLeft = now - due <= LATE_FORGIVEN ? due : now;
                lastCalls = calls;
                lastSecond.addLast(new long[] {now, calls});
                callsInLastSecond += calls;
            } finally {
                line.remove(me);
                Waiter next = line.peek();
                if (next != null) {
                    next.turn().signal();
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * When a request of {@code calls} calls may leave: as many intervals after the previous one left as that one held
     * calls, and once enough of the calls that left within the last {@link #WINDOW} are that old to leave room for
     * these (a request larger than the rate's worth goes when nothing else is in the window).
     */
    private long turn(int calls, long now) {
        while (!lastSecond.isEmpty() && lastSecond.peekFirst()[0] <= now - WINDOW) {
            callsInLastSecond -= lastSecond.pollFirst()[1];
        }
        long at = lastLeft + lastCalls * intervalNanos;
        long inWindow = callsInLastSecond;
        for (long[] left : lastSecond) {
            if (inWindow == 0 || inWindow + calls <= perWindow) {
                break;
            }
            inWindow -= left[1];
            at = Math.max(at, left[0] + WINDOW + 1); // the moment that one is out of the window
        }
        return at;
    }
}
