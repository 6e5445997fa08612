package org.stagewatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.ToDoubleFunction;

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
 * heap used while they ran. Results are ratios to the baseline as well as seconds. Given a PostgreSQL
 * ({@link BenchPostgres}), the same store is written there too, and each round times the three steps on SQLite, then
 * on PostgreSQL; the figures are each step's median over the rounds (the first round also pays the JIT compiler,
 * on SQLite), and both databases must give the same answers.
 */
public final class MetricsBenchmark {

    /** What one run measured; {@code postgresql} null when only SQLite was measured. */
    public record Result(int delegates, long checkpoints, long lastBlock, double writeSeconds, double packSeconds, double scanSeconds,
                         long pointInTimeBlock, double pointInTimeSeconds, int seriesPoints, double seriesSeconds,
                         long peakHeapBytes, long maxHeapBytes, String database, int rounds, List<Round> byRound, Postgres postgresql) {
    }

    /** One round's seconds; the PostgreSQL ones null when only SQLite was measured. */
    public record Round(double scanSeconds, double pointInTimeSeconds, double seriesSeconds, Double postgresScanSeconds,
                        Double postgresPointInTimeSeconds, Double postgresSeriesSeconds) {
    }

    /** The PostgreSQL side, and its ratios to SQLite's figures of the same run (PostgreSQL ÷ SQLite seconds). */
    public record Postgres(String database, double writeSeconds, double packSeconds, double scanSeconds, double pointInTimeSeconds,
                           double seriesSeconds, long peakHeapBytes, double scanToSqlite, double pointInTimeToSqlite,
                           double seriesToSqlite) {
    }

    private MetricsBenchmark() {
    }

    /** @param reuse measure an existing synthetic store at {@code db} instead of writing a new one */
    public static Result run(Path db, int delegates, long checkpoints, long seed, boolean reuse) throws SQLException, IOException {
        return run(db, null, delegates, checkpoints, seed, reuse, 1);
    }

    /**
     * @param postgres also write and measure the store in this PostgreSQL schema (dropped and recreated unless
     *                 {@code reuse}); null for SQLite alone
     * @param rounds   how many times the steps are timed (on each database); the figures are the medians
     */
    public static Result run(Path db, BenchPostgres postgres, int delegates, long checkpoints, long seed, boolean reuse, int rounds)
            throws SQLException, IOException {
        if (!reuse) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }
        long lastBlock = (checkpoints - 1) / SyntheticStore.PER_BLOCK + 1;
        Side sqlite = Side.build(Database.open(db.toString()), delegates, checkpoints, seed, reuse);
        Side pg = null;
        if (postgres != null) {
            if (!reuse) {
                postgres.recreate();
            }
            pg = Side.build(Database.open(postgres.db()), delegates, checkpoints, seed, reuse);
        }
        long block = 1 + new Random(seed).nextLong(lastBlock);
        long step = Math.max(1, (lastBlock - 1) / 99);
        SeriesPlan plan = new SeriesPlan(step + "blocks", "1", Long.toString(lastBlock));
        List<Round> measured = new ArrayList<>();
        long sqliteHeap = 0;
        long pgHeap = 0;
        int points = 0;
        for (int round = 0; round < rounds; round++) {
            System.gc();
            HeapWatch heap = HeapWatch.start();
            Answers answers = sqlite.measure(checkpoints, block, plan);
            sqliteHeap = Math.max(sqliteHeap, heap.stop());
            if (answers.point().byAddress().delegates() == 0 || answers.series().isEmpty()) {
                throw new IllegalStateException("the benchmark measured an empty store");
            }
            points = answers.series().size();
            if (pg != null) {
                System.gc();
                heap = HeapWatch.start();
                Answers pgAnswers = pg.measure(checkpoints, block, plan);
                pgHeap = Math.max(pgHeap, heap.stop());
                same(answers, pgAnswers);
            }
            measured.add(new Round(sqlite.scanSeconds, sqlite.pointSeconds, sqlite.seriesSeconds, pg == null ? null : pg.scanSeconds,
                    pg == null ? null : pg.pointSeconds, pg == null ? null : pg.seriesSeconds));
        }
        double scan = median(measured, Round::scanSeconds);
        double point = median(measured, Round::pointInTimeSeconds);
        double series = median(measured, Round::seriesSeconds);
        Postgres postgresFigures = null;
        if (pg != null) {
            double pgScan = median(measured, Round::postgresScanSeconds);
            double pgPoint = median(measured, Round::postgresPointInTimeSeconds);
            double pgSeries = median(measured, Round::postgresSeriesSeconds);
            postgresFigures = new Postgres(postgres.shown(), pg.writeSeconds, pg.packSeconds, pgScan, pgPoint, pgSeries, pgHeap,
                    pgScan / scan, pgPoint / point, pgSeries / series);
            pg.database.close();
        }
        return new Result(delegates, checkpoints, lastBlock, sqlite.writeSeconds, sqlite.packSeconds, scan, block, point, points, series,
                sqliteHeap, Runtime.getRuntime().maxMemory(), db.toString(), rounds, measured, postgresFigures);
    }

    /** The median of one figure over the rounds (the lower middle one of an even count). */
    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        return values[(values.length - 1) / 2];
    }

    /** What one database answered in a round. */
    private record Answers(MetricsPoint point, List<MetricsPoint> series) {
    }

    /** Both databases must answer alike: every point of the series and the point in time. */
    private static void same(Answers sqlite, Answers postgres) {
        same(sqlite.point(), postgres.point());
        if (postgres.series().size() != sqlite.series().size()) {
            throw new IllegalStateException("PostgreSQL gave %d points of the series, SQLite %d".formatted(postgres.series().size(),
                    sqlite.series().size()));
        }
        for (int i = 0; i < sqlite.series().size(); i++) {
            same(sqlite.series().get(i), postgres.series().get(i));
        }
    }

    /** The two databases must answer alike: the same concentration, quorum and supply at the same block. */
    private static void same(MetricsPoint sqlite, MetricsPoint postgres) {
        if (!sqlite.byAddress().equals(postgres.byAddress()) || !Objects.equals(sqlite.quorum(), postgres.quorum())
                || !Objects.equals(sqlite.supply(), postgres.supply())) {
            throw new IllegalStateException("PostgreSQL and SQLite answered differently at block " + sqlite.block());
        }
    }

    /** One database's synthetic store and what was measured on it. */
    private static final class Side {
        final Database database;
        final DaoScope dao;
        final MetricsAnalyzer analyzer;
        double writeSeconds;
        double packSeconds;
        double scanSeconds;
        double pointSeconds;
        double seriesSeconds;

        private Side(Database database) {
            this.database = database;
            Store store = new Store(database);
            this.dao = DaoScope.load(store, SyntheticStore.DAO);
            this.analyzer = new MetricsAnalyzer(store);
        }

        /** Writes and packs the store (unless {@code reuse}), timing both. */
        static Side build(Database database, int delegates, long checkpoints, long seed, boolean reuse) throws SQLException {
            long started = System.nanoTime();
            long lastBlock = reuse ? (checkpoints - 1) / SyntheticStore.PER_BLOCK + 1
                    : SyntheticStore.write(database, delegates, checkpoints, seed);
            double writeSeconds = reuse ? 0 : seconds(started);
            started = System.nanoTime();
            if (!reuse) {
                SyntheticStore.pack(database, lastBlock);
            }
            double packSeconds = reuse ? 0 : seconds(started);
            Side side = new Side(database);
            side.writeSeconds = writeSeconds;
            side.packSeconds = packSeconds;
            return side;
        }

        /** Times the scan, the point in time at {@code block} and the series, one after the other. */
        Answers measure(long checkpoints, long block, SeriesPlan plan) {
            scan(checkpoints);
            MetricsPoint at = point(block);
            return new Answers(at, series(plan));
        }

        void scan(long checkpoints) {
            long started = System.nanoTime();
            long scanned = MetricsBenchmark.scan(database);
            scanSeconds = seconds(started);
            if (scanned != checkpoints) {
                throw new IllegalStateException("scanned " + scanned + " checkpoints in " + database.location() + ", wrote " + checkpoints);
            }
        }

        MetricsPoint point(long block) {
            long started = System.nanoTime();
            MetricsPoint point = analyzer.at(dao, block, null, null);
            pointSeconds = seconds(started);
            return point;
        }

        List<MetricsPoint> series(SeriesPlan plan) {
            long started = System.nanoTime();
            List<MetricsPoint> series = analyzer.series(dao, plan, null);
            seriesSeconds = seconds(started);
            return series;
        }
    }

    /**
     * The baseline: every checkpoint's delegate and power through JDBC, as cheaply as a query can (in a transaction:
     * PostgreSQL's driver streams rows by the fetch size only there, and reads them all into memory otherwise).
     */
    private static long scan(Database database) {
        return database.jdbi().inTransaction(handle -> handle.createQuery("SELECT delegate, new_votes FROM voting_power")
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
