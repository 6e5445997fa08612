package org.stagewatch.sync;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.stagewatch.chain.LogPrefetch;
import org.stagewatch.chain.LogRangeFetcher;

/**
 * Runs ranges through two threads ahead of the writer, so that the node's work on one range, the checking,
 * decoding and projecting of the range before it, and the writing of the one before that overlap:
 * <ol>
 *   <li>the <b>fetch</b> thread takes the logs of the next range from a {@link LogPrefetch}, which keeps two
 *       eth_getLogs requests in flight on workers of its own (each parses its answer as it streams in) and hands
 *       the ranges out in block order;</li>
 *   <li>the <b>decode</b> thread fetches the headers, checks the range continues the one before it, and decodes,
 *       projects and packs its logs ({@link RangeIndexer#check}).</li>
 * </ol>
 * Each hand-over holds at most {@value #AHEAD} range (a range of a busy chain is tens of MB of heap, and more
 * waiting pushed a 512 MB heap into full collections). Ranges come out in order; the first failure (a reorg, an
 * RPC error) comes out in their place and ends the pipeline.
 */
final class RangePipeline implements AutoCloseable {
    static final int AHEAD = 1;

    /** One item: a range, or the failure that ended fetching, or the end. */
    record Item(RangeIndexer.Fetched range, RuntimeException failure) {
        static final Item END = new Item(null, null);
    }

    /** What the fetch thread hands the decode thread: logs of a range, or the failure, or the end (both null). */
    private record Logs(LogRangeFetcher.Fetched range, RuntimeException failure) {
    }

    private final BlockingQueue<Logs> fetched = new ArrayBlockingQueue<>(AHEAD);
    private final BlockingQueue<Item> checked = new ArrayBlockingQueue<>(AHEAD);
    private final Thread fetcher;
    private final Thread decoder;

    RangePipeline(RangeIndexer ranges, long from, long target, String previousHash, String chain) {
        fetcher = new Thread(() -> fetchAll(ranges, from, target), "stagewatch-fetch-" + chain);
        decoder = new Thread(() -> checkAll(ranges, previousHash), "stagewatch-decode-" + chain);
        fetcher.setDaemon(true);
        decoder.setDaemon(true);
        fetcher.start();
        decoder.start();
    }

    private void fetchAll(RangeIndexer ranges, long from, long target) {
        try (LogPrefetch logs = ranges.fetchLogs(from, target)) {
            for (var range = ranges.nextLogs(logs); range.isPresent(); range = ranges.nextLogs(logs)) {
                fetched.put(new Logs(range.get(), null));
            }
            fetched.put(new Logs(null, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the writer
        } catch (RuntimeException e) {
            try {
                fetched.put(new Logs(null, e));
            } catch (InterruptedException closed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkAll(RangeIndexer ranges, String previousHash) {
        try {
            String previous = previousHash;
            for (Logs logs = fetched.take(); logs.range() != null || logs.failure() != null; logs = fetched.take()) {
                if (logs.failure() != null) {
                    checked.put(new Item(null, logs.failure()));
                    return;
                }
                RangeIndexer.Fetched range = ranges.check(logs.range(), previous);
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

    /** The next item, in range order. */
    Item take() throws InterruptedException {
        return checked.take();
    }

    /** Stops both threads (after a failure, or when the writer gives up) and drops what they had ahead. */
    @Override
    public void close() {
        fetcher.interrupt();
        decoder.interrupt();
        fetched.clear();
        checked.clear();
        try {
            fetcher.join(30_000);
            decoder.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fetched.clear();
        checked.clear();
    }
}
