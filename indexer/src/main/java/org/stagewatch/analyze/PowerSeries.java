package org.stagewatch.analyze;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.stagewatch.store.PowerQueries;

/**
 * One ordered pass over a token's checkpoints up to the last sample point, stopping at each point to
 * let the caller read the state (DESIGN.md §5: power at B counts every checkpoint with block ≤ B).
 * A hundred points cost one scan plus a hundred merges, not a hundred scans. A reader thread pulls
 * rows from the database in batches while the calling thread applies them, so reading and applying
 * run on two cores.
 */
final class PowerSeries {
    private static final int BATCH = 8192;
    private static final Batch RESET = new Batch();
    private static final Batch END = new Batch();

    private final PowerQueries queries;

    PowerSeries(PowerQueries queries) {
        this.queries = queries;
    }

    /**
     * Called once per point, in order, with the state as of that block — or again from the first point
     * if the storage-order read has to start over through the index; the later call is the answer.
     */
    @FunctionalInterface
    interface SampleSink {
        void accept(int pointIndex, long block, PowerBook book);
    }

    /** Rows as the database gave them ({@code delegate,newVotes}) with their blocks. */
    private static final class Batch {
        final String[] rows = new String[BATCH];
        final long[] blocks = new long[BATCH];
        int size;
    }

    /** @param points ascending, distinct block numbers */
    void run(long chainId, String token, long[] points, SampleSink sink) {
        if (points.length == 0) {
            return;
        }
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
        RuntimeException[] failure = new RuntimeException[1];
        Thread reader = Thread.ofPlatform().name("checkpoint-reader").start(() -> {
            Batch[] batch = {new Batch()};
            try {
                queries.changes(chainId, token, -1, points[points.length - 1], (row, block) -> {
                    batch[0].rows[batch[0].size] = row;
                    batch[0].blocks[batch[0].size++] = block;
                    if (batch[0].size == BATCH) {
                        put(queue, batch[0]);
                        batch[0] = new Batch();
                    }
                }, () -> {
                    batch[0] = new Batch();
                    put(queue, RESET);
                });
                put(queue, batch[0]);
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
            apply(queue, points, sink);
        } finally {
            reader.interrupt();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void apply(BlockingQueue<Batch> queue, long[] points, SampleSink sink) {
        PowerBook book = new PowerBook();
        int next = 0;
        for (Batch batch = take(queue); batch != END; batch = take(queue)) {
            if (batch == RESET) {
                book = new PowerBook();
                next = 0; // the pass starts over: sinks see those points again and keep the later answer
                continue;
            }
            for (int i = 0; i < batch.size; i++) {
                while (next < points.length && points[next] < batch.blocks[i]) {
                    sink.accept(next, points[next], book);
                    next++;
                }
                String row = batch.rows[i];
                int comma = row.indexOf(',');
                book.set(row.substring(0, comma), row, comma + 1);
            }
        }
        while (next < points.length) {
            sink.accept(next, points[next], book);
            next++;
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("checkpoint reader interrupted", e);
        }
    }

    private static Batch take(BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying checkpoints", e);
        }
    }
}
