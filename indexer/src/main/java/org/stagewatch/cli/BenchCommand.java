package org.stagewatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.stagewatch.bench.BenchPostgres;
import org.stagewatch.bench.MetricsBenchmark;
import org.stagewatch.store.PostgresTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stagewatch bench}: benchmarks, each printing a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (see README: Benchmarks).",
        subcommands = {BenchBackfillCommand.class, BenchProviderCommand.class, BenchCommand.Metrics.class, BenchApiCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The PostgreSQL a benchmark's {@code --db} names, beside SQLite; a user error when it names none, or no schema of its own. */
    static BenchPostgres postgres(String db, String sqliteNote) {
        BenchPostgres postgres;
        try {
            postgres = BenchPostgres.of(db);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (postgres == null) {
            throw new UserError("--db " + db + " is no PostgreSQL URL: give postgresql://USER@HOST[:PORT]/DATABASE?schema=bench_… ("
                    + sqliteNote + ")");
        }
        return postgres;
    }

    /** {@code stagewatch bench metrics}: a synthetic store, then scan vs point-in-time vs series (on SQLite, and PostgreSQL beside it). */
    @Command(name = "metrics", mixinStandardHelpOptions = true,
            description = "Write a synthetic token history into SQLite (and PostgreSQL, with --db URL), then time a scan (baseline), "
                    + "a point-in-time call and a 100-point series.")
    static final class Metrics implements Callable<Integer> {
        private static final String DEFAULT_SQLITE = "bench-metrics.db";

        @Option(names = "--db", paramLabel = "PATH|URL", defaultValue = DEFAULT_SQLITE,
                description = "SQLite file to (re)create (default: ${DEFAULT-VALUE}; several GB for the defaults), or a PostgreSQL "
                        + "postgresql://USER@HOST[:PORT]/DATABASE?schema=bench_… to measure beside SQLite (its schema is dropped and "
                        + "recreated unless --reuse)")
        String db;

        @Option(names = "--sqlite", paramLabel = "PATH", description = "with a PostgreSQL --db: the SQLite file measured beside it "
                + "(default: " + DEFAULT_SQLITE + ")")
        Path sqlite;

        @Option(names = "--delegates", defaultValue = "1000000", description = "delegates (default: ${DEFAULT-VALUE})")
        int delegates;

        @Option(names = "--checkpoints", defaultValue = "10000000", description = "checkpoints (default: ${DEFAULT-VALUE})")
        long checkpoints;

        @Option(names = "--seed", defaultValue = "5", description = "random seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Option(names = "--reuse", description = "measure the synthetic store already at --db (written by an earlier run with the same sizes)")
        boolean reuse;

        @Option(names = "--rounds", paramLabel = "N", description = "times each step is measured (on each database); figures are the "
                + "medians (default: 1, or 3 with a PostgreSQL --db)")
        Integer rounds;

        @Override
        public Integer call() throws Exception {
            if (delegates < 1 || checkpoints < delegates) {
                throw new UserError("need --delegates ≥ 1 and --checkpoints ≥ --delegates, got %d and %d".formatted(delegates, checkpoints));
            }
            if (rounds != null && rounds < 1) {
                throw new UserError("--rounds must be ≥ 1, got " + rounds);
            }
            BenchPostgres postgres = PostgresTarget.matches(db)
                    ? postgres(db, "the SQLite store goes to --sqlite, default " + DEFAULT_SQLITE) : null;
            if (postgres == null && sqlite != null) {
                throw new UserError("--sqlite goes with a PostgreSQL --db; without one, --db names the SQLite file");
            }
            Path file = postgres == null ? Path.of(db) : sqlite != null ? sqlite : Path.of(DEFAULT_SQLITE);
            if (reuse && !Files.exists(file)) {
                throw new UserError("--reuse: no synthetic store at " + file + "; run once without --reuse");
            }
            System.err.printf("bench metrics: %s %,d checkpoints of %,d delegates in %s%s …%n", reuse ? "measuring" : "writing",
                    checkpoints, delegates, file, postgres == null ? ""
                            : " and in PostgreSQL " + postgres.shown() + (reuse ? "" : " (schema dropped and recreated)"));
            MetricsBenchmark.Result result = MetricsBenchmark.run(file, postgres, delegates, checkpoints, seed, reuse,
                    rounds != null ? rounds : postgres == null ? 1 : 3);
            if (json) {
                Output.json(System.out, result);
                return 0;
            }
            System.out.printf("synthetic store: %,d delegates, %,d checkpoints, %,d blocks, written in %.1f s, packed in %.1f s (%s)%n",
                    result.delegates(), result.checkpoints(), result.lastBlock(), result.writeSeconds(), result.packSeconds(),
                    result.database());
            System.out.printf("scan of the checkpoint table (baseline): %6.2f s%n", result.scanSeconds());
            System.out.printf("point-in-time metrics at block %,d:   %6.2f s  (%.2f× the scan)%n", result.pointInTimeBlock(),
                    result.pointInTimeSeconds(), result.pointInTimeSeconds() / result.scanSeconds());
            System.out.printf("%d-point series:                       %6.2f s  (%.2f× the scan)%n", result.seriesPoints(),
                    result.seriesSeconds(), result.seriesSeconds() / result.scanSeconds());
            System.out.printf("peak heap: %,d MB (max heap %,d MB)%n", result.peakHeapBytes() >> 20, result.maxHeapBytes() >> 20);
            if (result.rounds() > 1) {
                System.out.printf("(medians of %d rounds; the first also pays the JIT compiler, on SQLite)%n", result.rounds());
            }
            MetricsBenchmark.Postgres pg = result.postgresql();
            if (pg != null) {
                System.out.printf("PostgreSQL (%s), the same store, written in %.1f s, packed in %.1f s; in each round its steps right "
                        + "after SQLite's, the same answers:%n", pg.database(), pg.writeSeconds(), pg.packSeconds());
                System.out.printf("scan of the checkpoint table:         %6.2f s  (%.2f× SQLite's)%n", pg.scanSeconds(), pg.scanToSqlite());
                System.out.printf("point-in-time metrics:                %6.2f s  (%.2f× SQLite's; target ≤ 2)%n", pg.pointInTimeSeconds(),
                        pg.pointInTimeToSqlite());
                System.out.printf("%d-point series:                       %6.2f s  (%.2f× SQLite's; target ≤ 2)%n", result.seriesPoints(),
                        pg.seriesSeconds(), pg.seriesToSqlite());
                System.out.printf("peak heap: %,d MB%n", pg.peakHeapBytes() >> 20);
            }
            return 0;
        }
    }
}
