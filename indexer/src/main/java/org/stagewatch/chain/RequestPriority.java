package org.stagewatch.chain;

import java.util.concurrent.Callable;

/**
 * The order in which requests waiting for a place among an endpoint's requests in flight are let out (see
 * {@link ConcurrencyLimit}), lowest first, set per thread for what it sends:
 * <ol>
 *   <li>whatever a thread sends unmarked: the writer's state reads, the decode thread's probe reads, the start-up —
 *       a pipeline stage is waiting on each of them;</li>
 *   <li>eth_getLogs of a range, earliest range first: each answer unlocks that range's header batches, so the next
 *       one is asked while the provider works through the header batches already queued;</li>
 *   <li>the header batches of a range, earliest range first: ranges come out complete in block order, so the decode
 *       thread and the writer work on one while the provider answers the next, rather than all of them finishing
 *       together at the end (first come, first served interleaves every range's batches).</li>
 * </ol>
 */
public final class RequestPriority {
    /** Unmarked requests. */
    static final long FIRST = Long.MIN_VALUE;
    private static final long LOGS = Long.MIN_VALUE / 2;

    private static final ThreadLocal<Long> CURRENT = ThreadLocal.withInitial(() -> FIRST);

    private RequestPriority() {
    }

    /** eth_getLogs of the range starting at {@code from}. */
    public static long logs(long from) {
        return LOGS + Math.max(0, from);
    }

    /** The requests that complete the range starting at {@code from} (its headers). */
    public static long range(long from) {
        return Math.max(0, from);
    }

    /** The priority of what the calling thread sends. */
    public static long current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with its requests at {@code priority}, then restores the thread's own. */
    public static <T> T with(long priority, Callable<T> work) throws Exception {
        long before = CURRENT.get();
        CURRENT.set(priority);
        try {
            return work.call();
        } finally {
            CURRENT.set(before);
        }
    }
}
