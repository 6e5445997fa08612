package org.stagewatch.cli;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.stagewatch.bench.CpuTime;
import org.stagewatch.bench.HeapWatch;
import org.stagewatch.bench.ProcessMemory;
import org.stagewatch.bench.RequestBound;
import org.stagewatch.bench.ServedTimeline;
import org.stagewatch.bench.SimulatedProvider;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.chain.RpcMeters;
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
import org.web3j.protocol.core.methods.response.EthLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stagewatch bench provider}: a backfill through a simulated hosted provider ({@link SimulatedProvider}: latency,
 * a request-rate token bucket answering 429 with Retry-After, eth_getLogs range and result caps, a batch cap) in front
 * of a devnet filled with delegation events, and in the same run the least time those limits allow
 * ({@link RequestBound}). The chain is configured as a user of that provider would: its request rate as
 * {@code requestsPerSecond}, the default range and concurrency; everything else Stagewatch learns on the way.
 */
@Command(name = "provider", mixinStandardHelpOptions = true,
        description = "Backfill through a simulated rate-limited provider, against the least time its limits allow.")
final class BenchProviderCommand implements Callable<Integer> {
    /** The calls of a backfill's start-up, one JSON-RPC batch: eth_chainId, eth_blockNumber and the newest block. */
    private static final int START_UP_CALLS = 3;
    /** The state reads of a votes token at the run's last block, one JSON-RPC batch: decimals() and getPastTotalSupply. */
    private static final int END_CALLS = 2;

    @Option(names = "--latency", defaultValue = "100ms", description = "added to every answer, e.g. 100ms or 0.1s (default: ${DEFAULT-VALUE})")
    String latency;

    @Option(names = "--rps", defaultValue = "25", description = "calls per second the provider takes, each call of a batch and the batch counted; 0 = any (default: ${DEFAULT-VALUE})")
    double rps;

    @Option(names = "--max-range", defaultValue = "2000", description = "widest eth_getLogs range in blocks, 0 = no cap (default: ${DEFAULT-VALUE})")
    long maxRange;

    @Option(names = "--max-logs", defaultValue = "10000", description = "most logs in one answer, 0 = no cap (default: ${DEFAULT-VALUE})")
    long maxLogs;

    @Option(names = "--max-batch", defaultValue = "100", description = "most calls in one JSON-RPC batch (default: ${DEFAULT-VALUE})")
    int maxBatch;

    @Option(names = "--events", defaultValue = "100000", description = "delegation events to generate (default: ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--per-block", defaultValue = "8",
            description = "events in each block that has any: 2 a transaction, one transaction a block up to 800 (default: ${DEFAULT-VALUE})")
    int perBlock;

    @Option(names = "--delegates", defaultValue = "5000", description = "distinct delegates (default: ${DEFAULT-VALUE})")
    int delegates;

    @Option(names = "--also", paramLabel = "LATENCY,RPS,MAX_RANGE,MAX_LOGS[,MAX_BATCH]",
            description = "then backfill the same load through a provider with these limits, e.g. 50ms,300,0,10000 (repeatable; "
                    + "MAX_BATCH is --max-batch's unless given)")
    List<String> also = new ArrayList<>();

    @Option(names = "--rounds", defaultValue = "1", description = "backfills of each setting, each measured (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--json", description = "print one JSON document (an array of them with --also or --rounds)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Duration added = parseLatency(latency);
        if (events < 2 || perBlock < 2 || rps < 0 || maxRange < 0 || maxLogs < 0 || maxBatch < 1 || delegates < 1 || rounds < 1) {
            throw new UserError("--events and --per-block must be ≥ 2, --max-batch, --delegates and --rounds ≥ 1, "
                    + "--rps, --max-range and --max-logs ≥ 0");
        }
        checkAlso();
        Path dir = Files.createTempDirectory("stagewatch-bench-provider");
        try {
            return measure(dir, added);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    static Duration parseLatency(String text) {
        Matcher match = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?").matcher(text.trim());
        if (!match.matches()) {
            throw new UserError("--latency " + text + ": give a duration such as 100ms or 0.1s");
        }
        double value = Double.parseDouble(match.group(1));
        return Duration.ofNanos(Math.round(value * ("s".equals(match.group(2)) ? 1e9 : 1e6)));
    }

    private Integer measure(Path dir, Duration first) throws Exception {
        Duration added = first;
        AnvilOptions options = AnvilOptions.defaults().withBlockGasLimit(1_000_000_000L).withExtraArgs("--prune-history", "64", "--block-base-fee-per-gas", "0");
        try (AnvilNode node = AnvilNode.start(31337, options)) {
            long started = System.nanoTime();
            long[] reported = {0};
            LongConsumer progress = done -> {
                if (done - reported[0] >= 50_000 || done >= events) {
                    reported[0] = done;
                    System.err.printf("bench: generated %,d of %,d events (%.0f s)%n", done, events, (System.nanoTime() - started) / 1e9);
                }
            };
            int accountsPerTx = Math.min(DelegationLoadGenerator.ACCOUNTS_PER_TX, perBlock / 2);
            var load = perBlock / 2 <= DelegationLoadGenerator.ACCOUNTS_PER_TX
                    ? DelegationLoadGenerator.generateSparse(node, events, delegates, accountsPerTx, progress)
                    : DelegationLoadGenerator.generate(node, events, delegates, accountsPerTx, perBlock / 2 / accountsPerTx, progress);
            node.mine(1); // the last block of the load in the past, where getPastTotalSupply answers for it
            StagewatchConfig config = config(load, node.chainId(), dir, "http://127.0.0.1:1/", 0);
            List<String> topics = List.copyOf(ChainPlan.of(config).get(0).topics(EventDecoder.standard()));
            NavigableMap<Long, Long> logsPerBlock = logsPerBlock(node.web3j(), load, topics, Math.max(1, Math.min(500, 20_000 / perBlock)));
            List<Map<String, Object>> reports = new ArrayList<>();
            int givenMaxBatch = maxBatch; // an --also setting without a batch cap takes --max-batch's, not the one before it
            for (int run = 0; run <= also.size(); run++) {
                if (run > 0) {
                    String[] setting = also.get(run - 1).split(",");
                    latency = setting[0].trim();
                    rps = Double.parseDouble(setting[1].trim());
                    maxRange = Long.parseLong(setting[2].trim());
                    maxLogs = Long.parseLong(setting[3].trim());
                    maxBatch = setting.length > 4 ? Integer.parseInt(setting[4].trim()) : givenMaxBatch;
                    added = parseLatency(latency);
                }
                SimulatedProvider.Limits limits = new SimulatedProvider.Limits(added, rps, maxRange, maxLogs, maxBatch);
                RequestBound bound = RequestBound.of(logsPerBlock, load.firstBlock(), load.lastBlock(), maxRange, maxLogs, maxBatch,
                        START_UP_CALLS, END_CALLS, rps, added.toNanos() / 1e9, RpcClient.MAX_CONCURRENCY);
                warmUp(node, load, logsPerBlock, dir.resolve("warm-up-" + run), limits);
                List<Double> ratios = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    try (SimulatedProvider provider = new SimulatedProvider(node.rpcUrl(), limits)) {
                        Map<String, Object> report = report(load, logsPerBlock, bound, provider, backfill(provider, load, node,
                                dir.resolve("run-" + run + "-" + round), load.lastBlock(), (int) Math.ceil(rps)), round);
                        reports.add(report);
                        ratios.add((Double) report.get("ratio"));
                    }
                }
                if (rounds > 1 && !json) {
                    List<Double> sorted = ratios.stream().sorted().toList();
                    System.out.printf("median of %d rounds: ratio %.3f (rounds: %s)%n%n", rounds, sorted.get(sorted.size() / 2), ratios);
                }
            }
            if (json) {
                Output.json(System.out, reports.size() == 1 ? reports.get(0) : reports);
            }
            return 0;
        }
    }

    /** Logs an unmeasured warm-up backfill goes through: enough for the JIT to compile the backfill's code. */
    private static final long WARM_UP_LOGS = 50_000;
    /**
     * Seconds of the rate a warm-up's headers take at most: at a low rate the backfill is the rate's, and a warm-up of
     * the whole load (one call a header) would take as long as a measured round.
     */
    private static final long WARM_UP_RATE_SECONDS = 5;
    /** Most warm-up backfills before a setting's rounds. */
    private static final int WARM_UPS = 5;
    /** The JIT's share of a warm-up's wall time under which the code counts as compiled. */
    private static final double SETTLED_COMPILING = 0.1;

    /**
     * Unmeasured backfills of the load's first {@value #WARM_UP_LOGS} logs (all of them, for a smaller load; under a
     * rate, no more blocks with logs than {@value #WARM_UP_RATE_SECONDS} s of it) through a provider with the setting's
     * {@code limits}, before that setting's measured rounds, repeated until the JIT spends
     * less than {@value #SETTLED_COMPILING} of one's wall time compiling (at most {@value #WARM_UPS}): the code that
     * setting runs is compiled (the pacer, the batch cap's learning and splitting, the waits for a place are not run
     * without limits), and the node has read those blocks, as in a long run, where neither weighs on the wall time. The
     * backfill's code is large (JSON, HTTP, JDBC, the decoders): after one warm-up of a few seconds the JIT was still
     * compiling 0.8 s every second through the measured rounds, on a machine of two cores.
     */
    private void warmUp(AnvilNode node, DelegationLoadGenerator.Load load, NavigableMap<Long, Long> logsPerBlock, Path dir,
                        SimulatedProvider.Limits limits) throws Exception {
        long to = load.lastBlock();
        long logs = 0;
        long blocks = 0;
        for (var block : logsPerBlock.entrySet()) {
            logs += block.getValue();
            if (logs >= WARM_UP_LOGS || (limits.rps() > 0 && ++blocks >= limits.rps() * WARM_UP_RATE_SECONDS)) {
                to = block.getKey();
                break;
            }
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int warmUp = 1; warmUp <= WARM_UPS; warmUp++) {
            long started = System.nanoTime();
            long compiling = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
            try (SimulatedProvider provider = new SimulatedProvider(node.rpcUrl(), limits)) {
                backfill(provider, load, node, dir.resolve(Integer.toString(warmUp)), to, (int) Math.ceil(limits.rps()));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double compiled = jit.isCompilationTimeMonitoringSupported() ? (jit.getTotalCompilationTime() - compiling) / 1e3 : 0;
            System.err.printf("bench: warm-up backfill %d to block %,d (unmeasured) took %.1f s, the JIT compiling %.1f s of it%n",
                    warmUp, to, seconds, compiled);
            if (compiled < SETTLED_COMPILING * seconds) {
                return;
            }
        }
    }

    /** Checks the --also settings before the load is generated: LATENCY,RPS,MAX_RANGE,MAX_LOGS[,MAX_BATCH] each. */
    private void checkAlso() {
        for (String setting : also) {
            String[] parts = setting.split(",");
            try {
                if (parts.length < 4 || parts.length > 5 || Double.parseDouble(parts[1].trim()) < 0 || Long.parseLong(parts[2].trim()) < 0
                        || Long.parseLong(parts[3].trim()) < 0 || (parts.length == 5 && Integer.parseInt(parts[4].trim()) < 1)) {
                    throw new NumberFormatException();
                }
                parseLatency(parts[0]);
            } catch (NumberFormatException e) {
                throw new UserError("--also " + setting + ": give LATENCY,RPS,MAX_RANGE,MAX_LOGS[,MAX_BATCH], e.g. 50ms,300,0,10000 or 50ms,300,0,10000,10");
            }
        }
    }

    /**
     * The measured backfill: wall time, what it indexed, the memory it took, and the CPU time this JVM (the backfill and
     * the simulated provider) and the node used meanwhile.
     */
    private record Run(BackfillResult result, long start, long end, long peakHeap, long peakRss, Duration cpu, Duration nodeCpu) {
        double seconds() {
            return (end - start) / 1e9;
        }
    }

    /** The config a user of the provider would write: its URL, its request rate, default range and concurrency. */
    private StagewatchConfig config(DelegationLoadGenerator.Load load, long chainId, Path dir, String url, int requestsPerSecond) {
        ChainConfig chain = new ChainConfig("devnet", chainId, List.of(url), 0, ChainConfig.DEFAULT_MAX_BLOCK_RANGE, null,
                ChainConfig.DEFAULT_POLL_INTERVAL_MS, ChainConfig.DEFAULT_TIMEOUT_SECONDS, ChainConfig.DEFAULT_MAX_RETRIES,
                requestsPerSecond, ChainConfig.DEFAULT_MAX_CONCURRENCY);
        ContractConfig token = new ContractConfig("devnet", ContractKind.VOTES_TOKEN, load.token().checksummed(),
                "Delegation Load", load.firstBlock(), false, false);
        return new StagewatchConfig(dir.resolve("bench.yml"), Map.of("devnet", chain),
                List.of(new DaoConfig("bench", "Provider benchmark", List.of(token))));
    }

    /** @param requestsPerSecond as configured ({@code requestsPerSecond}; 0 = none) */
    private Run backfill(SimulatedProvider provider, DelegationLoadGenerator.Load load, AnvilNode node, Path dir, long to,
                         int requestsPerSecond) throws IOException {
        Files.createDirectories(dir);
        StagewatchConfig config = config(load, node.chainId(), dir, provider.url(), requestsPerSecond);
        if (Metrics.globalRegistry.getRegistries().isEmpty()) {
            Metrics.addRegistry(new SimpleMeterRegistry()); // where the request counters are read back
        }
        Store store = new Store(Database.open(dir.resolve("bench.db").toString()));
        HeapWatch.resetPoolPeaks();
        ProcessMemory.resetPeak();
        Duration cpu = CpuTime.self();
        Duration nodeCpu = CpuTime.of(node.pid());
        long start = System.nanoTime();
        List<BackfillResult> results = new Indexer(store, EventDecoder.standard(), ConsoleProgress.forStderr())
                .backfill(config, OptionalLong.of(to));
        long end = System.nanoTime();
        return new Run(results.get(0), start, end, HeapWatch.poolPeakBytes(), ProcessMemory.peakRssBytes(),
                CpuTime.self().minus(cpu), CpuTime.of(node.pid()).minus(nodeCpu));
    }

    private Map<String, Object> report(DelegationLoadGenerator.Load load, NavigableMap<Long, Long> logsPerBlock, RequestBound bound,
                           SimulatedProvider provider, Run run, int round) {
        String host = RpcMeters.host(provider.url());
        Map<String, Long> outcomes = new LinkedHashMap<>();
        long sent = 0;
        for (RpcMeters.Outcome outcome : RpcMeters.Outcome.values()) {
            long count = RpcMeters.count(Metrics.globalRegistry, host, outcome);
            outcomes.put(outcome.tag(), count);
            sent += count;
        }
        SimulatedProvider.Counts asked = provider.counts();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("round", round);
        report.put("events", run.result().events());
        report.put("blocks", load.lastBlock() - load.firstBlock() + 1);
        report.put("blocksWithEvents", logsPerBlock.size());
        report.put("latencyMillis", parseLatency(latency).toMillis());
        report.put("rps", rps);
        report.put("maxRange", maxRange);
        report.put("maxLogs", maxLogs);
        report.put("maxBatch", maxBatch);
        report.put("seconds", round(run.seconds()));
        report.put("eventsPerSecond", Math.round(run.result().events() / run.seconds()));
        report.put("requests", sent);
        report.put("requestsByKind", Map.of("eth_getLogs", asked.getLogs(), "batches", asked.batches(), "headers", asked.headers(),
                "other", asked.other()));
        report.put("outcomes", outcomes);
        report.put("rateLimited", outcomes.get("429"));
        report.put("rateLimitedShare", sent == 0 ? 0 : round((double) outcomes.get("429") / sent));
        report.put("mostCallsInAnySecond", provider.mostInAnySecond());
        report.put("boundCalls", bound.calls());
        report.put("boundRequests", bound.requests());
        report.put("boundGetLogs", bound.getLogs());
        report.put("boundHeaders", bound.headers());
        report.put("boundHeaderBatches", bound.headerBatches());
        report.put("boundFixedRequests", bound.fixedRequests());
        report.put("boundFixedCalls", bound.fixedCalls());
        report.put("boundSeconds", round(bound.seconds()));
        report.put("ratio", round(bound.seconds() / run.seconds()));
        ServedTimeline timeline = ServedTimeline.of(provider.served(), run.start(), run.end());
        report.put("startupSeconds", round(timeline.startupSeconds()));
        report.put("rangesSeconds", round(timeline.rangesSeconds()));
        report.put("tailSeconds", round(timeline.tailSeconds()));
        report.put("rangesBusyShare", round(timeline.busyShare()));
        report.put("rangesMeanInFlight", round(timeline.meanInFlight()));
        // the ranges phase alone against the part of the bound that is its: the range and header calls at the rate
        report.put("rangesRatio", round(bound.rangesSeconds() / Math.max(1e-9, timeline.rangesSeconds())));
        report.put("otherCalls", timeline.otherCalls());
        report.put("loadAverage", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        int cores = Runtime.getRuntime().availableProcessors();
        double cpuSeconds = run.cpu().toNanos() / 1e9;
        double nodeCpuSeconds = run.nodeCpu().toNanos() / 1e9;
        report.put("cpuSeconds", round(cpuSeconds));
        report.put("nodeCpuSeconds", round(nodeCpuSeconds));
        report.put("cores", cores);
        // the share of the machine the backfill, the provider and the node kept busy: near 1, the run measured the machine
        report.put("cpuShare", round((cpuSeconds + nodeCpuSeconds) / (cores * run.seconds())));
        report.put("peakHeapBytes", run.peakHeap());
        report.put("peakRssBytes", run.peakRss());
        report.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        if (json) {
            return report;
        }
        System.out.printf("%sload: %,d events in %,d blocks, %,d of them with events; provider: %s latency, %s requests/s, ranges %s, answers %s, batches ≤ %,d%n",
                rounds > 1 ? "round " + round + ": " : "", run.result().events(), report.get("blocks"), logsPerBlock.size(), latency,
                rps == 0 ? "any" : fmt(rps),
                maxRange == 0 ? "uncapped" : "≤ " + String.format("%,d", maxRange) + " blocks",
                maxLogs == 0 ? "uncapped" : "≤ " + String.format("%,d", maxLogs) + " logs", maxBatch);
        System.out.printf("backfill: %.2f s wall, %,d events/s%n", run.seconds(), report.get("eventsPerSecond"));
        System.out.printf("requests: %,d (provider saw %,d eth_getLogs, %,d batches, %,d single headers, %,d other); outcomes %s; "
                        + "at most %,d calls in any second%n",
                sent, asked.getLogs(), asked.batches(), asked.headers(), asked.other(), outcomes, provider.mostInAnySecond());
        System.out.printf("429s received: %,d (%.2f %% of requests)%n", outcomes.get("429"), 100.0 * (Double) report.get("rateLimitedShare"));
        System.out.printf("bound: the fewest calls the caps allow, %,d (%,d eth_getLogs + %,d headers + %d fixed), and the fewest requests, %,d "
                        + "(%,d header batches), at the rate and latency, with the round trips nothing overlaps: %.2f s%n",
                bound.calls(), bound.getLogs(), bound.headers(), bound.fixedCalls(), bound.requests(), bound.headerBatches(), bound.seconds());
        System.out.printf("ratio bound ÷ wall time: %.3f%n", report.get("ratio"));
        System.out.printf("wall time: start-up %.2f s (to the first eth_getLogs), ranges %.2f s (to the last eth_getLogs or headers answered: "
                        + "a request in flight %.0f %% of it, %.2f in flight on average, ratio of the bound to it %.3f), tail %.2f s%n",
                timeline.startupSeconds(), timeline.rangesSeconds(), 100 * timeline.busyShare(), timeline.meanInFlight(),
                report.get("rangesRatio"), timeline.tailSeconds());
        System.out.printf("other calls: %s%n", timeline.otherCalls());
        System.out.printf("CPU during the backfill: %.2f s in this JVM (backfill and simulated provider), %.2f s in the node: %.0f %% of the %d cores' %.2f s%n",
                cpuSeconds, nodeCpuSeconds, 100 * (Double) report.get("cpuShare"), cores, cores * run.seconds());
        System.out.printf("peak heap %,d MB, peak RSS %,d MB (max heap %,d MB); machine load average %.1f%n", run.peakHeap() >> 20,
                run.peakRss() >> 20, Runtime.getRuntime().maxMemory() >> 20, report.get("loadAverage"));
        return report;
    }

    /** Logs the backfill asks for in each block that has any, read from the node directly (not through the provider). */
    private static NavigableMap<Long, Long> logsPerBlock(Web3j web3j, DelegationLoadGenerator.Load load, List<String> topics, int blocksAtOnce)
            throws IOException {
        NavigableMap<Long, Long> counts = new TreeMap<>();
        for (long from = load.firstBlock(); from <= load.lastBlock(); from += blocksAtOnce) { // ~20,000 logs at once: web3j holds them all
            long to = Math.min(load.lastBlock(), from + blocksAtOnce - 1);
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), load.token().address());
            filter.addOptionalTopics(topics.toArray(String[]::new));
            var response = web3j.ethGetLogs(filter).send();
            if (response.hasError()) {
                throw new IllegalStateException("eth_getLogs [" + from + ", " + to + "]: " + response.getError().getMessage());
            }
            for (EthLog.LogResult<?> result : response.getLogs()) {
                counts.merge(((EthLog.LogObject) result).getBlockNumber().longValueExact(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.format("%,d", (long) value) : String.format("%.1f", value);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
