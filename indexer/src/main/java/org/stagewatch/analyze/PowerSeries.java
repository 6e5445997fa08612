package org.stagewatch.analyze;

import org.stagewatch.store.PowerQueries;

/**
 * One ordered pass over a token's checkpoints up to the last sample point, stopping at each point to
 * let the caller read the state (DESIGN.md §5: power at B counts every checkpoint with block ≤ B).
 * A hundred points cost one scan plus a hundred merges, not a hundred scans.
 */
final class PowerSeries {
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

    /** @param points ascending, distinct block numbers */
    void run(long chainId, String token, long[] points, SampleSink sink) {
        if (points.length == 0) {
            return;
        }
        PowerBook[] book = {new PowerBook()};
        int[] next = {0};
        queries.changes(chainId, token, -1, points[points.length - 1],
                (delegateAndVotes, block) -> {
                    while (next[0] < points.length && points[next[0]] < block) {
                        sink.accept(next[0], points[next[0]], book[0]);
                        next[0]++;
                    }
                    int comma = delegateAndVotes.indexOf(',');
                    book[0].set(delegateAndVotes.substring(0, comma), delegateAndVotes, comma + 1);
                },
                () -> {
                    book[0] = new PowerBook();
                    next[0] = 0; // the pass starts over: sinks see those points again and keep the later answer
                });
        while (next[0] < points.length) {
            sink.accept(next[0], points[next[0]], book[0]);
            next[0]++;
        }
    }
}
