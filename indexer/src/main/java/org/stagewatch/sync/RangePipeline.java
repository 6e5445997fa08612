package org.stagewatch.sync;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.stagewatch.chain.LogPrefetch;

/**
 * Runs ranges through two stages ahead of the writer, so that the node's work on the next ranges, the checking,
 * decoding and projecting of the range before them, and the writing of the one before that overlap:
 * <ol>
 *   <li><b>fetch</b>: a {@link LogPrefetch} keeps eth_getLogs requests in flight on workers of its own (as many as
 *       the endpoint takes, within a byte budget), each parsing its answer as it streams in and then fetching the
 *       range's headers, and hands the ranges out in block order;</li>
 *   <li>the <b>decode</b> thread takes them in order, checks the range continues the one before it, and decodes,
 *       projects and packs its logs ({@link RangeIndexer#check}); given the last range, it first has the state reads of
 *       the run's last block asked ({@link RangeIndexer#readAhead}).</li>
 * </ol>
 * The hand-over to the writer holds at most {@value #AHEAD} range, and the decode thread takes fetched ranges
 * straight from the prefetch: a range of a busy chain is tens of MB of heap, and every range waiting is live data
 * each young collection copies (a fetch thread of its own between the two, with a queue, kept two more ranges
 * alive). Ranges come out in order; the first failure (a reorg, an RPC error) comes out in their place and ends
 * the pipeline.
 */
final class RangePipeline implements AutoCloseable {
    static final int AHEAD = 1;

    /** One item: a range, or the failure that ended fetching, or the end. */
    record Item(RangeIndexer.Fetched range, RuntimeException failure) {
        static final Item END = new Item(null, null);
    }

    private final BlockingQueue<Item> checked = new ArrayBlockingQueue<>(AHEAD);
    private final Thread decoder;

    RangePipeline(RangeIndexer ranges, long from, long target, String previousHash, String chain) {
        decoder = new Thread(() -> checkAll(ranges, from, target, previousHash), "stagewatch-decode-" + chain);
        decoder.setDaemon(true);
        decoder.start();
    }

    private void checkAll(RangeIndexer ranges, long from, long target, String previousHash) {
        try (LogPrefetch<RangeIndexer.Prefetched> logs = ranges.fetchLogs(from, target)) {
            String previous = previousHash;
            for (var fetched = ranges.nextLogs(logs); fetched.isPresent(); fetched = ranges.nextLogs(logs)) {
                if (fetched.get().range().to() >= target) {
                    ranges.readAhead(fetched.get().headers().get(fetched.get().range().to()));
                }
                RangeIndexer.Fetched range = ranges.check(fetched.get(), previous);
                checked.put(new Item(range, null));
                previous = range.top().hash();
            }
            checked.put(Item.END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the writer
        } catch (RuntimeException e) {
            try {
                checked.put(new Item(null, e));
            } catch (InterruptedException closed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the next item is there: {@link #take} would not wait. */
    boolean ready() {
        return !checked.isEmpty();
    }

    /** The next item, in range order. */
    Item take() throws InterruptedException {
        return checked.take();
    }

    /** Stops the decode thread and the prefetch (after a failure, or when the writer gives up) and drops what they had ahead. */
    @Override
    public void close() {
        decoder.interrupt();
        checked.clear();
        try {
            decoder.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checked.clear();
    }
}
