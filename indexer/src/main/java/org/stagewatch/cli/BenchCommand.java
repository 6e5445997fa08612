package org.stagewatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.stagewatch.bench.MetricsBenchmark;
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

    /** {@code stagewatch bench metrics}: a synthetic store, then scan vs point-in-time vs series. */
    @Command(name = "metrics", mixinStandardHelpOptions = true,
            description = "Write a synthetic token history into SQLite, then time a scan (baseline), a point-in-time call and a 100-point series.")
    static final class Metrics implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "PATH", defaultValue = "bench-metrics.db",
                description = "SQLite file to (re)create (default: ${DEFAULT-VALUE}; several GB for the defaults)")
        Path db;

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

        @Override
        public Integer call() throws Exception {
            if (delegates < 1 || checkpoints < delegates) {
                throw new UserError("need --delegates ≥ 1 and --checkpoints ≥ --delegates, got %d and %d".formatted(delegates, checkpoints));
            }
            if (reuse && !Files.exists(db)) {
                throw new UserError("--reuse: no synthetic store at " + db + "; run once without --reuse");
            }
            System.err.printf("bench metrics: %s %,d checkpoints of %,d delegates in %s …%n", reuse ? "measuring" : "writing",
                    checkpoints, delegates, db);
            MetricsBenchmark.Result result = MetricsBenchmark.run(db, delegates, checkpoints, seed, reuse);
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
            return 0;
        }
    }
}
