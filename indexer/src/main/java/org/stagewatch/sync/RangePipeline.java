package org.stagewatch.sync;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Fetches, decodes and projects ranges on a thread of its own, {@value #AHEAD} range ahead of the writer
 * (besides the one it is working on: a range of a busy chain is tens of MB of heap, and two waiting pushed
 * a 512 MB heap into full collections), so that the RPC round trips, JSON parsing and decoding of the next
 * range overlap with writing the current one. Ranges come out in order; the first failure (a reorg, an RPC error) comes out in
 * their place and ends the pipeline. Each fetched range is checked against the one before it.
 */
final class RangePipeline implements AutoCloseable {
    static final int AHEAD = 1;

    /** One item: a range, or the failure that ended fetching, or the end. */
    record Item(RangeIndexer.Fetched range, RuntimeException failure) {
        static final Item END = new Item(null, null);
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;

    RangePipeline(RangeIndexer ranges, long from, long target, String previousHash, String chain) {
        thread = new Thread(() -> fetchAll(ranges, from, target, previousHash), "stagewatch-fetch-" + chain);
        thread.setDaemon(true);
        thread.start();
    }

    private void fetchAll(RangeIndexer ranges, long from, long target, String previousHash) {
        try {
            String previous = previousHash;
            for (long next = from; next <= target; ) {
                RangeIndexer.Fetched fetched = ranges.fetch(next, target, previous);
                queue.put(new Item(fetched, null));
                previous = fetched.top().hash();
                next = fetched.to() + 1;
            }
            queue.put(Item.END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the writer
        } catch (RuntimeException e) {
            try {
                queue.put(new Item(null, e));
            } catch (InterruptedException closed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next item, in range order. */
    Item take() throws InterruptedException {
        return queue.take();
    }

    /** Stops fetching (after a failure, or when the writer gives up) and drops what was fetched ahead. */
    @Override
    public void close() {
        thread.interrupt();
        queue.clear();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }
}
