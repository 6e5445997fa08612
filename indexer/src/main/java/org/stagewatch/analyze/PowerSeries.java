package org.stagewatch.analyze;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.stagewatch.analyze.power.PowerBook;
import org.stagewatch.store.PowerQueries;
import org.stagewatch.store.PowerRows;

/**
 * One ordered pass over a token's checkpoints, from the last packed snapshot at or before the first point
 * to the last point, stopping at each point to let the caller read the state (DESIGN.md §5: power at B
 * counts every checkpoint with block ≤ B). A hundred points cost one pass plus a hundred merges, not a
 * hundred scans; a single point is the same pass from the nearest snapshot. A reader thread reads and
 * decodes the packed history while the calling thread applies it, so the two run on two cores.
 */
final class PowerSeries {
    private static final Object END = new Object();

    private final PowerQueries queries;

    PowerSeries(PowerQueries queries) {
        this.queries = queries;
    }

    /** Called once per point, in order, with the state as of that block. */
    @FunctionalInterface
    interface SampleSink {
        void accept(int pointIndex, long block, PowerBook book);
    }

    private record Start(int delegateIds, Map<String, Integer> ids) {
    }

    /**
     * @param points    ascending, distinct block numbers
     * @param addresses delegates the sink will ask the book about ({@link PowerBook#powerOf})
     */
    void run(long chainId, String token, long[] points, Collection<String> addresses, SampleSink sink) {
        if (points.length == 0) {
            return;
        }
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
        RuntimeException[] failure = new RuntimeException[1];
        Thread reader = Thread.ofPlatform().name("power-history-reader").start(() -> {
            try {
                queries.history(chainId, token, points[0], points[points.length - 1], addresses, new PowerQueries.HistorySink() {
                    @Override
                    public void start(int delegateIds, Map<String, Integer> ids) {
                        put(queue, new Start(delegateIds, ids));
                    }

                    @Override
                    public void rows(PowerRows rows) {
                        put(queue, rows);
                    }
                });
            } catch (RuntimeException e) {
                failure[0] = e; // handed over with END: the queue orders the write before the read
            } finally {
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the applying side has given up already
                }
            }
        });
        try {
            apply(queue, points, sink, failure);
        } finally {
            reader.interrupt();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void apply(BlockingQueue<Object> queue, long[] points, SampleSink sink, RuntimeException[] failure) {
        PowerBook book = null;
        int next = 0;
        for (Object message = take(queue); message != END; message = take(queue)) {
            if (message instanceof Start start) {
                book = new PowerBook(start.delegateIds(), start.ids());
                continue;
            }
            PowerRows rows = (PowerRows) message;
            long[] blocks = rows.blocks;
            for (int i = 0; i < rows.size; i++) {
                while (next < points.length && points[next] < blocks[i]) {
                    sink.accept(next, points[next], book);
                    next++;
                }
                book.apply(rows, i);
            }
        }
        if (failure[0] != null) {
            return; // the pass is incomplete: run() throws the reader's failure instead of sampling
        }
        while (next < points.length) {
            sink.accept(next, points[next], book);
            next++;
        }
    }

    private static void put(BlockingQueue<Object> queue, Object message) {
        try {
            queue.put(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("power history reader interrupted", e);
        }
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying checkpoints", e);
        }
    }
}
