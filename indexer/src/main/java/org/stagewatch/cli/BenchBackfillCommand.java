package org.stagewatch.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.stagewatch.bench.BenchPostgres;
import org.stagewatch.bench.HeapWatch;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.ContractConfig;
import org.stagewatch.config.ContractKind;
import org.stagewatch.config.DaoConfig;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.AnvilOptions;
import org.stagewatch.devnet.DelegationLoadGenerator;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.sync.BackfillResult;
import org.stagewatch.sync.ChainPlan;
import org.stagewatch.sync.Indexer;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stagewatch bench backfill}: fills a devnet with real ERC20Votes delegation events, warms the node
 * with one unmeasured eth_getLogs pass, then in the same run measures, round after round, (a) the baseline —
 * plain eth_getLogs over the same ranges, JSON parsed, no decoding or storing — and (b) a full backfill into
 * a fresh SQLite file, and prints both rates, their ratio and each phase's peak heap, per round and as the
 * median over the rounds (on a shared 2-core machine one round's baseline varied from 7.6 to 12.8 s). The baseline
 * asks one range at a time (the plain way to read a chain's logs); the backfill keeps two requests in flight, so each round also
 * times plain eth_getLogs asked that way and reports the ratio to it ({@code ratioToPipelinedBaseline}).
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Backfill throughput against plain eth_getLogs over the same ranges, on a devnet filled with delegation events.")
final class BenchBackfillCommand implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "1000000", description = "delegation events to generate (default: ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--range", defaultValue = "10", description = "blocks per eth_getLogs range, both phases (default: ${DEFAULT-VALUE})")
    int range;

    @Option(names = "--delegates", defaultValue = "5000", description = "distinct delegates the load delegates to (default: ${DEFAULT-VALUE})")
    int delegates;

    @Option(names = "--rounds", defaultValue = "3", description = "baseline-then-backfill rounds to measure; figures are their medians (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--db", paramLabel = "URL", description = "also backfill into PostgreSQL in every round, right after SQLite: "
            + "postgresql://USER@HOST[:PORT]/DATABASE?schema=bench_… (a schema of the benchmark's own: it is dropped and "
            + "recreated before each round's backfill)")
    String db;

    /** The PostgreSQL of --db; null when only SQLite is measured. */
    private BenchPostgres postgres;

    @Override
    public Integer call() throws Exception {
        if (events < 2 || range < 1 || delegates < 1 || rounds < 1) {
            throw new UserError("--events must be ≥ 2, --range, --delegates and --rounds ≥ 1");
        }
        if (db != null) {
            postgres = BenchCommand.postgres(db, "the SQLite backfill always runs into a temporary file");
            System.err.printf("bench: PostgreSQL %s: dropped and recreated before each round's backfill%n", postgres.shown());
        }
        Path dir = Files.createTempDirectory("stagewatch-bench");
        try {
            return measure(dir);
        } finally {
            // the SQLite file of a million-event run is hundreds of MB: do not leave it in /tmp
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private Integer measure(Path dir) throws Exception {
        // --prune-history: a million delegations' state history does not fit in memory (anvil was OOM-killed at
        // 23 GB RSS without it); eth_getLogs needs blocks and receipts only
        AnvilOptions options = AnvilOptions.defaults().withBlockGasLimit(1_000_000_000L).withExtraArgs("--prune-history", "64");
        try (AnvilNode node = AnvilNode.start(31337, options)) {
            long started = System.nanoTime();
            var load = DelegationLoadGenerator.generate(node, events, delegates, done -> System.err.printf(
                    "bench: generated %,d of %,d events (%.0f s)%n", done, events, (System.nanoTime() - started) / 1e9));
            awaitIdle(node);
            StagewatchConfig config = config(node, load, dir);
            // set-up, like opening the store: reading the ABIs is not part of either measured phase
            EventDecoder decoder = EventDecoder.standard();
            List<String> topics = new ArrayList<>(ChainPlan.of(config).get(0).topics(decoder));

            // anvil answers its first reads of a block range markedly slower (measured: 11.3 s against 7.7–8.1 s for the
            // same eth_getLogs pass); unwarmed, that was charged to whichever phase ran first — the baseline
            long warming = System.nanoTime();
            baseline(node.web3j(), load, topics);
            System.err.printf("bench: warmed the node with one unmeasured eth_getLogs pass (%.1f s)%n", (System.nanoTime() - warming) / 1e9);

            List<Map<String, Object>> measured = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                measured.add(measureRound(node, load, config, decoder, topics, dir.resolve("bench-" + round + ".db")));
                System.err.printf("bench: round %d of %d: ratio %.3f%n", round, rounds, (Double) measured.get(round - 1).get("ratio"));
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("events", measured.get(0).get("events"));
            report.put("blocks", load.lastBlock() - load.firstBlock() + 1);
            report.put("range", range);
            report.put("rounds", rounds);
            for (String key : List.of("baselineEvents", "baselineSeconds", "baselineEventsPerSecond", "seconds", "eventsPerSecond",
                    "ratio", "baselineNodeCpuSeconds", "nodeCpuSeconds", "pipelinedBaselineEventsPerSecond", "ratioToPipelinedBaseline")) {
                report.put(key, median(measured, key));
            }
            if (postgres != null) {
                report.put("postgresql", postgres.shown());
                for (String key : List.of("postgresSeconds", "postgresEventsPerSecond", "postgresToSqlite", "postgresServerCpuSeconds")) {
                    report.put(key, median(measured, key));
                }
            }
            report.put("firstRoundRatio", measured.get(0).get("ratio"));
            report.put("peakHeapBytes", measured.stream().mapToLong(round -> (Long) round.get("peakHeapBytes")).max().orElseThrow());
            report.put("baselinePeakHeapBytes", measured.stream().mapToLong(round -> (Long) round.get("baselinePeakHeapBytes")).max().orElseThrow());
            report.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
            report.put("byRound", measured);
            if (json) {
                Output.json(System.out, report);
            } else {
                System.out.println("round  baseline (eth_getLogs only)       backfill (decode + store)         ratio  peak heap  anvil CPU (s)");
                for (int round = 0; round < rounds; round++) {
                    Map<String, Object> figures = measured.get(round);
                    System.out.printf("%5d  %6.2f s = %,9d events/s     %6.2f s = %,9d events/s     %.3f  %,6d MB  %.1f / %.1f%n", round + 1,
                            figures.get("baselineSeconds"), figures.get("baselineEventsPerSecond"), figures.get("seconds"),
                            figures.get("eventsPerSecond"), figures.get("ratio"), (Long) figures.get("peakHeapBytes") >> 20,
                            figures.get("baselineNodeCpuSeconds"), figures.get("nodeCpuSeconds"));
                }
                System.out.printf("%,d events: the backfill reaches %.3f of the baseline's events/s (median of %d rounds; the first, "
                        + "with the JIT still compiling, %.3f); peak heap %,d MB%n", report.get("events"), report.get("ratio"), rounds,
                        report.get("firstRoundRatio"), (Long) report.get("peakHeapBytes") >> 20);
                System.out.printf("the backfill keeps two eth_getLogs requests in flight; plain eth_getLogs asked that way gives %,d events/s "
                        + "(median), of which the backfill reaches %.3f%n", report.get("pipelinedBaselineEventsPerSecond"),
                        report.get("ratioToPipelinedBaseline"));
                System.out.printf("where the backfill's time went in the last round (s): %s — fetch and decode run on threads of their own, beside the writer%n",
                        measured.get(rounds - 1).get("phaseSeconds"));
                if (postgres != null) {
                    printPostgres(measured, report);
                }
            }
            return 0;
        }
    }

    /**
     * One round: the baseline, the same eth_getLogs two at a time, then a full backfill into a fresh SQLite file
     * (deleted afterwards), with their figures.
     */
    private Map<String, Object> measureRound(AnvilNode node, DelegationLoadGenerator.Load load, StagewatchConfig config, EventDecoder decoder,
                                             List<String> topics, Path file) throws Exception {
        HeapWatch.resetPoolPeaks();
        double anvilBefore = cpuSeconds(node);
        long baselineStart = System.nanoTime();
        long baselineEvents = baseline(node.web3j(), load, topics);
        double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
        long baselineHeap = HeapWatch.poolPeakBytes();
        double baselineAnvil = cpuSeconds(node) - anvilBefore;
        // not the baseline, but what the node gives when asked the way the backfill asks (two eth_getLogs in flight)
        long pipelinedStart = System.nanoTime();
        long pipelinedEvents = pipelinedBaseline(node.web3j(), load, topics);
        double pipelinedSeconds = (System.nanoTime() - pipelinedStart) / 1e9;

        HeapWatch.resetPoolPeaks();
        Store store = new Store(Database.open(file.toString()));
        anvilBefore = cpuSeconds(node);
        long backfillStart = System.nanoTime();
        List<BackfillResult> results = new Indexer(store, decoder, ConsoleProgress.forStderr())
                .backfill(config, OptionalLong.of(load.lastBlock()));
        double seconds = (System.nanoTime() - backfillStart) / 1e9;
        double backfillAnvil = cpuSeconds(node) - anvilBefore;
        long peakHeap = HeapWatch.poolPeakBytes();
        long indexed = results.get(0).events();
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix)); // hundreds of MB a round
        }
        Map<String, Object> postgresFigures = postgres == null ? Map.of() : postgresRound(node, load, config, decoder, indexed / seconds);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", indexed);
        figures.put("baselineEvents", baselineEvents);
        figures.put("baselineSeconds", round(baselineSeconds));
        figures.put("baselineEventsPerSecond", Math.round(baselineEvents / baselineSeconds));
        figures.put("baselinePeakHeapBytes", baselineHeap);
        figures.put("pipelinedBaselineEvents", pipelinedEvents);
        figures.put("pipelinedBaselineSeconds", round(pipelinedSeconds));
        figures.put("pipelinedBaselineEventsPerSecond", Math.round(pipelinedEvents / pipelinedSeconds));
        figures.put("ratioToPipelinedBaseline", round((indexed / seconds) / (pipelinedEvents / pipelinedSeconds)));
        figures.put("seconds", round(seconds));
        figures.put("eventsPerSecond", Math.round(indexed / seconds));
        figures.put("ratio", round((indexed / seconds) / (baselineEvents / baselineSeconds)));
        figures.put("peakHeapBytes", peakHeap);
        figures.put("baselineNodeCpuSeconds", round(baselineAnvil));
        figures.put("nodeCpuSeconds", round(backfillAnvil));
        figures.put("phaseSeconds", phases(results.get(0)));
        figures.putAll(postgresFigures);
        return figures;
    }

    /**
     * The same backfill into PostgreSQL, right after SQLite's: the schema dropped and recreated (and migrated by opening
     * it) before the clock starts, as SQLite's fresh file is created before it.
     */
    private Map<String, Object> postgresRound(AnvilNode node, DelegationLoadGenerator.Load load, StagewatchConfig config,
                                              EventDecoder decoder, double sqliteEventsPerSecond) {
        postgres.recreate();
        HeapWatch.resetPoolPeaks();
        try (Database database = Database.open(postgres.db())) {
            Store store = new Store(database);
            double anvilBefore = cpuSeconds(node);
            double serverBefore = postgresCpuSeconds();
            long started = System.nanoTime();
            List<BackfillResult> results = new Indexer(store, decoder, ConsoleProgress.forStderr())
                    .backfill(config, OptionalLong.of(load.lastBlock()));
            double seconds = (System.nanoTime() - started) / 1e9;
            long indexed = results.get(0).events();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("postgresEvents", indexed);
            figures.put("postgresSeconds", round(seconds));
            figures.put("postgresEventsPerSecond", Math.round(indexed / seconds));
            figures.put("postgresToSqlite", round((indexed / seconds) / sqliteEventsPerSecond));
            figures.put("postgresPeakHeapBytes", HeapWatch.poolPeakBytes());
            figures.put("postgresNodeCpuSeconds", round(cpuSeconds(node) - anvilBefore));
            figures.put("postgresServerCpuSeconds", round(postgresCpuSeconds() - serverBefore));
            figures.put("postgresPhaseSeconds", phases(results.get(0)));
            return figures;
        }
    }

    private void printPostgres(List<Map<String, Object>> measured, Map<String, Object> report) {
        System.out.printf("PostgreSQL (%s) beside SQLite, the same backfill in the same round:%n", postgres.shown());
        System.out.println("round  SQLite                            PostgreSQL                        PostgreSQL/SQLite  server CPU (s)");
        for (int round = 0; round < rounds; round++) {
            Map<String, Object> figures = measured.get(round);
            System.out.printf("%5d  %6.2f s = %,9d events/s     %6.2f s = %,9d events/s     %.3f              %.1f%n", round + 1,
                    figures.get("seconds"), figures.get("eventsPerSecond"), figures.get("postgresSeconds"),
                    figures.get("postgresEventsPerSecond"), figures.get("postgresToSqlite"), figures.get("postgresServerCpuSeconds"));
        }
        System.out.printf("%,d events: PostgreSQL backfills %,d events/s, %.3f of SQLite's %,d events/s (medians of %d rounds; target ≥ 0.5)%n",
                report.get("events"), report.get("postgresEventsPerSecond"), report.get("postgresToSqlite"), report.get("eventsPerSecond"), rounds);
        System.out.printf("where the PostgreSQL backfill's time went in the last round (s): %s; server CPU is every postgres process "
                + "of this machine%n", measured.get(rounds - 1).get("postgresPhaseSeconds"));
    }

    private static Map<String, Double> phases(BackfillResult result) {
        return result.phases().seconds().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> round(entry.getValue()), (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * CPU seconds the processes named postgres alive on this machine have used so far (0 where the platform does not say):
     * the server's, with any other client's backends (the benchmark's own stay open until its backfill is measured).
     */
    private static double postgresCpuSeconds() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .mapToDouble(process -> process.info().totalCpuDuration().map(duration -> duration.toNanos() / 1e9).orElse(0.0))
                .sum();
    }

    /** The median of one figure over the rounds (the lower middle one of an even count), as the rounds give it. */
    private static Object median(List<Map<String, Object>> rounds, String key) {
        List<Object> values = new ArrayList<>(rounds.stream().map(round -> round.get(key)).toList());
        values.sort(Comparator.comparingDouble(value -> ((Number) value).doubleValue()));
        return values.get((values.size() - 1) / 2);
    }

    /** CPU seconds the anvil process has used so far (NaN where the platform does not say). */
    private static double cpuSeconds(AnvilNode node) {
        return ProcessHandle.of(node.pid()).flatMap(process -> process.info().totalCpuDuration())
                .map(duration -> duration.toNanos() / 1e9).orElse(Double.NaN);
    }

    /**
     * Waits until anvil is idle: work it does on its own would be charged to whichever phase runs. (Before
     * the generator turned automine off, anvil went on mining empty blocks for half an hour after the load,
     * each hashing the state of a million accounts at 100 % of a core.) Idle = under 5 % of a core over two
     * seconds; gives up waiting after 30 minutes (and says so).
     */
    private static void awaitIdle(AnvilNode node) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        long started = System.nanoTime();
        double last = cpuSeconds(node);
        while (!Double.isNaN(last) && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            double now = cpuSeconds(node);
            double share = (now - last) / 2.0;
            if (share < 0.05) {
                return;
            }
            long waited = (System.nanoTime() - started) / 1_000_000_000L;
            if (waited % 30 < 2) {
                System.err.printf("bench: waiting for the devnet to settle (anvil busy on its own at %.0f %% of a core, %d s so far)%n",
                        100 * share, waited);
            }
            last = now;
        }
        if (!Double.isNaN(last)) {
            System.err.println("bench: anvil is still busy on its own after 30 minutes; measuring anyway (see nodeCpuSeconds)");
        }
    }

    private StagewatchConfig config(AnvilNode node, DelegationLoadGenerator.Load load, Path dir) {
        ChainConfig chain = new ChainConfig("devnet", node.chainId(), List.of(node.rpcUrl()), 0, range);
        ContractConfig token = new ContractConfig("devnet", ContractKind.VOTES_TOKEN, load.token().checksummed(),
                "Delegation Load", load.firstBlock(), false, false);
        return new StagewatchConfig(dir.resolve("bench.yml"), Map.of("devnet", chain),
                List.of(new DaoConfig("bench", "Backfill benchmark", List.of(token))));
    }

    /** Plain eth_getLogs over the same fixed ranges the backfill uses, one after another. */
    private long baseline(Web3j web3j, DelegationLoadGenerator.Load load, List<String> topics) throws Exception {
        long total = 0;
        for (long from = load.firstBlock(); from <= load.lastBlock(); from += range) {
            total += plainLogs(web3j, load, topics, from);
        }
        return total;
    }

    /** The same plain eth_getLogs with two requests in flight, as the backfill keeps them on dense ranges (RangeIndexer.prefetchBytes). */
    private long pipelinedBaseline(Web3j web3j, DelegationLoadGenerator.Load load, List<String> topics) throws Exception {
        var workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (long from = load.firstBlock(); from <= load.lastBlock(); from += range) {
                long start = from;
                answers.add(workers.submit(() -> plainLogs(web3j, load, topics, start)));
            }
            long total = 0;
            for (var answer : answers) {
                total += answer.get();
            }
            return total;
        } finally {
            workers.shutdownNow();
        }
    }

    /** The number of logs one plain eth_getLogs returns for the range starting at {@code from}. */
    private long plainLogs(Web3j web3j, DelegationLoadGenerator.Load load, List<String> topics, long from) throws IOException {
        long to = Math.min(load.lastBlock(), from + range - 1);
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), load.token().address());
        filter.addOptionalTopics(topics.toArray(String[]::new));
        var response = web3j.ethGetLogs(filter).send();
        if (response.hasError()) {
            throw new IllegalStateException("baseline eth_getLogs [" + from + ", " + to + "]: " + response.getError().getMessage());
        }
        return response.getLogs().size();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
