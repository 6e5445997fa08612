package org.stagewatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.MetricsAnalyzer;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;

/**
 * {@code stagewatch bench metrics}: builds a {@link SyntheticStore}, then times, in one run, the
 * baseline — one scan of the checkpoint table reading both columns through JDBC — a point-in-time
 * metrics call at a random block and a 100-point series over the whole history, and records the peak
 * heap used while they ran. Results are ratios to the baseline as well as seconds.
 */
public final class MetricsBenchmark {

    /** What one run measured. */
    public record Result(int delegates, long checkpoints, long lastBlock, double writeSeconds, double packSeconds, double scanSeconds,
                         long pointInTimeBlock, double pointInTimeSeconds, int seriesPoints, double seriesSeconds,
                         long peakHeapBytes, long maxHeapBytes, String database) {
    }

    private MetricsBenchmark() {
    }

    /** @param reuse measure an existing synthetic store at {@code db} instead of writing a new one */
    public static Result run(Path db, int delegates, long checkpoints, long seed, boolean reuse)
            throws SQLException, IOException {
        if (!reuse) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }
        Database database = Database.open(db.toString());
        long started = System.nanoTime();
        long lastBlock = reuse ? (checkpoints - 1) / SyntheticStore.PER_BLOCK + 1
                : SyntheticStore.write(database, delegates, checkpoints, seed);
        double writeSeconds = reuse ? 0 : seconds(started);
        started = System.nanoTime();
        if (!reuse) {
            SyntheticStore.pack(database, lastBlock);
        }
        double packSeconds = reuse ? 0 : seconds(started);
        Store store = new Store(database);
        DaoScope dao = DaoScope.load(store, SyntheticStore.DAO);
        MetricsAnalyzer analyzer = new MetricsAnalyzer(store);

        System.gc();
        HeapWatch heap = HeapWatch.start();
        started = System.nanoTime();
        long scanned = scan(database);
        double scanSeconds = seconds(started);
        if (scanned != checkpoints) {
            throw new IllegalStateException("scanned " + scanned + " checkpoints, wrote " + checkpoints);
        }
        long block = 1 + new Random(seed).nextLong(lastBlock);
        started = System.nanoTime();
        MetricsPoint point = analyzer.at(dao, block, null, null);
        double pointSeconds = seconds(started);

        long step = Math.max(1, (lastBlock - 1) / 99);
        started = System.nanoTime();
        List<MetricsPoint> series = analyzer.series(dao, new SeriesPlan(step + "blocks", "1", Long.toString(lastBlock)), null);
        double seriesSeconds = seconds(started);
        if (point.byAddress().delegates() == 0 || series.isEmpty()) {
            throw new IllegalStateException("the benchmark measured an empty store");
        }
        return new Result(delegates, checkpoints, lastBlock, writeSeconds, packSeconds, scanSeconds, block, pointSeconds, series.size(),
                seriesSeconds, heap.stop(), Runtime.getRuntime().maxMemory(), db.toString());
    }

    /** The baseline: every checkpoint's delegate and power through JDBC, as cheaply as a query can. */
    private static long scan(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT delegate, new_votes FROM voting_power")
                .setFetchSize(10_000)
                .reduceResultSet(0L, (count, resultSet, context) -> {
                    resultSet.getString(1);
                    resultSet.getString(2);
                    return count + 1;
                }));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

}
