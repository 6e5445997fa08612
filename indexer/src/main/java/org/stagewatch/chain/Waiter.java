package org.stagewatch.chain;

import java.util.concurrent.locks.Condition;

/**
 * A request waiting for its turn at the {@link ConcurrencyLimit} or the {@link RequestPacer}: ordered by its
 * {@link RequestPriority}, then by its arrival among those waiting there. Each waits on a condition of its own, so that
 * a turn wakes the one request it belongs to: a backfill can have hundreds of header batches waiting, and waking them
 * all at every answer (a {@code notifyAll}) took more CPU than the backfill itself at 300 requests/s.
 */
record Waiter(long priority, long arrival, Condition turn) implements Comparable<Waiter> {
    @Override
    public int compareTo(Waiter other) {
        int byPriority = Long.compare(priority, other.priority);
        return byPriority != 0 ? byPriority : Long.compare(arrival, other.arrival);
    }
}
