package org.stagewatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stagewatch.bench.ApiBenchmark;
import org.stagewatch.bench.BenchStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stagewatch bench api}: the HTTP API under load on the demo database and on the synthetic store of
 * {@code bench metrics}, beside the same questions asked through the CLI in a fresh JVM ({@link ApiBenchmark}).
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Serve the demo database and the synthetic 1M-delegate store; 32 clients for 30 s per question on /metrics at "
                + "random blocks, /stage, /paths, /delegates?top=100 and an immutable answer; requests/s and p50/p99 latency "
                + "beside the CLI (fresh JVM) asked the same.")
final class BenchApiCommand implements Callable<Integer> {
    @Option(names = "--clients", defaultValue = "32", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--duration", defaultValue = "30s", paramLabel = "DURATION",
            description = "measured load per question, e.g. 30s, 2m (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--warmup", defaultValue = "5s", paramLabel = "DURATION",
            description = "unmeasured load per question before it, 0s for none (default: ${DEFAULT-VALUE})")
    String warmup;

    @Option(names = "--cli-runs", defaultValue = "3", description = "CLI runs per question; the median is shown (default: ${DEFAULT-VALUE})")
    int cliRuns;

    @Option(names = "--cli", paramLabel = "COMMAND", split = " ",
            description = "the CLI to time, e.g. ./stagewatch (default: a fresh JVM with this one's jar and launcher options)")
    List<String> cli = new ArrayList<>();

    @Option(names = "--db", paramLabel = "PATH", description = "serve this demo database (as stagewatch demo wrote it) instead of building one")
    Path demoDb;

    @Option(names = "--config", paramLabel = "FILE", description = "the config of --db (default: demo.yml beside it)")
    Path demoConfig;

    @Option(names = "--dao", defaultValue = "demo", description = "the DAO of --db (default: ${DEFAULT-VALUE})")
    String dao;

    @Option(names = "--store", paramLabel = "PATH", defaultValue = "bench-api.db",
            description = "the synthetic store's SQLite file, (re)written unless --reuse (default: ${DEFAULT-VALUE}; several GB for the defaults)")
    Path store;

    @Option(names = "--reuse", description = "serve the synthetic store already at --store (e.g. bench-metrics.db of bench metrics)")
    boolean reuse;

    @Option(names = "--delegates", defaultValue = "1000000", description = "synthetic delegates (default: ${DEFAULT-VALUE})")
    int delegates;

    @Option(names = "--checkpoints", defaultValue = "10000000", description = "synthetic checkpoints (default: ${DEFAULT-VALUE})")
    long checkpoints;

    @Option(names = "--skip-demo", description = "measure the synthetic store only")
    boolean skipDemo;

    @Option(names = "--skip-store", description = "measure the demo database only")
    boolean skipStore;

    @Option(names = "--seed", defaultValue = "5", description = "random seed of the store and the clients' blocks (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--fresh", description = "clients send Cache-Control: no-cache, so the server computes every answer "
            + "instead of serving it again from memory")
    boolean fresh;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Duration measured = duration("--duration", duration);
        Duration warm = duration("--warmup", warmup);
        if (clients < 1 || cliRuns < 0 || measured.isZero() || delegates < 1 || checkpoints < delegates) {
            throw new UserError("need --clients ≥ 1, --cli-runs ≥ 0, a --duration above 0 and --checkpoints ≥ --delegates ≥ 1");
        }
        if (skipDemo && skipStore) {
            throw new UserError("--skip-demo and --skip-store leave nothing to measure: give one at most");
        }
        if (reuse && !Files.exists(store)) {
            throw new UserError("--reuse: no synthetic store at " + store + "; run once without --reuse");
        }
        if (demoDb != null && !Files.exists(demoDb)) {
            throw new UserError("--db: no database at " + demoDb + "; write one with stagewatch demo");
        }
        Path config = demoConfig != null ? demoConfig : demoDb == null ? null : demoDb.toAbsolutePath().resolveSibling("demo.yml");
        if (config != null && !Files.exists(config)) {
            throw new UserError("--config: no config at " + config + "; give the config the database was indexed with");
        }
        ApiBenchmark.Options options = new ApiBenchmark.Options(clients, measured, warm, cliRuns, seed, cli, fresh);
        Path dir = Files.createTempDirectory("stagewatch-bench-api");
        List<ApiBenchmark.StoreResult> results = new ArrayList<>();
        try {
            if (!skipDemo) {
                BenchStores.Served served = demoDb != null ? new BenchStores.Served(demoDb, config, dao) : buildDemo(dir);
                results.add(ApiBenchmark.measure("demo database", served, options, System.err::println));
            }
            if (!skipStore) {
                System.err.printf("bench api: %s %,d checkpoints of %,d delegates in %s …%n", reuse ? "serving" : "writing",
                        checkpoints, delegates, store);
                BenchStores.Served served = BenchStores.synthetic(store, dir, delegates, checkpoints, seed, reuse);
                results.add(ApiBenchmark.measure("synthetic store", served, options, System.err::println));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("clients", clients);
            document.put("durationSeconds", measured.toMillis() / 1e3);
            document.put("warmupSeconds", warm.toMillis() / 1e3);
            document.put("cliRuns", cliRuns);
            document.put("fresh", fresh);
            document.put("cli", ApiBenchmark.cliCommand(options));
            document.put("stores", results);
            Output.json(System.out, document);
        } else {
            print(results, ApiBenchmark.cliCommand(options));
        }
        return 0;
    }

    private static BenchStores.Served buildDemo(Path dir) {
        System.err.println("bench api: building the demo database (anvil, the demo DAO and its scenario, 200 more blocks, index) …");
        return BenchStores.demo(dir, 200);
    }

    private void print(List<ApiBenchmark.StoreResult> results, String cliCommand) {
        System.out.printf("bench api: %d clients%s, %s measured per question after %s of warm-up; server in this JVM (%d processors, "
                + "max heap %,d MB); CLI: a fresh JVM per run (%s), median of %d; %s%n", clients,
                fresh ? " asking with Cache-Control: no-cache (every answer computed)" : "", duration, warmup,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, cliCommand, cliRuns, Instant.now());
        for (ApiBenchmark.StoreResult result : results) {
            System.out.printf("%n%s: %s, DAO '%s', indexed block %,d, final block %s; concentration timelines %s, %,d MB%n", result.store(),
                    result.database(), result.dao(), result.indexedBlock(),
                    result.finalBlock() == null ? "none" : String.format(Locale.ROOT, "%,d", result.finalBlock()),
                    result.timelineSeconds() == null ? "NOT ready" : "ready after " + number("%.1f", result.timelineSeconds()) + " s",
                    result.timelineBytes() >> 20);
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("question", "first ms", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "CLI s", "same doc", "cache"));
            for (ApiBenchmark.Measured question : result.questions()) {
                if (question.skipped() != null) {
                    rows.add(List.of(question.question(), "skipped: " + question.skipped(), "", "", "", "", "", "", "", "", ""));
                    continue;
                }
                var api = question.api();
                rows.add(List.of(question.question(), number("%.1f", question.firstMillis()), Long.toString(api.requests()),
                        number("%.1f", api.requestsPerSecond()),
                        number("%.1f", api.p50Millis()), number("%.1f", api.p99Millis()), number("%.1f", api.maxMillis()),
                        api.errors() == 0 ? "0" : api.errors() + " " + api.errorsByStatus(),
                        question.cliMedianSeconds() == null ? "" : number("%.2f", question.cliMedianSeconds()),
                        question.sameDocument() == null ? "" : question.sameDocument() ? "yes" : "NO",
                        question.cacheControl() == null ? "" : question.cacheControl().contains("immutable") ? "immutable" : "head"));
            }
            Output.table(System.out, rows);
        }
        System.out.println();
        System.out.println("first ms: the sample asked alone before the load (computed, not served from memory); cache: what the answer's "
                + "Cache-Control says (immutable: kept for good; head: kept while nothing new is indexed, 5 s at most)");
        System.out.println("targets: p99 ≤ 50 ms on the demo database; /metrics at a random block p99 ≤ 1.5 s on the synthetic store; "
                + "immutable answers ≥ 5,000 requests/s");
    }

    /** 30s, 2m, 500ms or 0s. */
    private static Duration duration(String option, String text) {
        Matcher matcher = Pattern.compile("([0-9]{1,6})(ms|s|m)").matcher(text);
        if (!matcher.matches()) {
            throw new UserError(option + " " + text + ": expected a duration such as 30s, 2m or 500ms");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static String number(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
