package org.stagewatch.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.stagewatch.analyze.power.ConcentrationTimelines;
import org.stagewatch.api.StagewatchServer;

/**
 * {@code stagewatch bench api}: serves a database with {@code stagewatch serve} (in this JVM, on a free loopback
 * port) and asks it the benchmark's questions — {@code /metrics} at random blocks, {@code /stage}, {@code /paths},
 * {@code /delegates?top=100}, and the stage at the last final block, an immutable answer — each with {@code clients}
 * closed-loop clients for {@code duration} after an unmeasured warm-up ({@link ApiLoad}); then asks one instance of
 * each question through the CLI in a fresh JVM ({@link CliRunner}), the baseline, and checks that the CLI printed
 * the very document the API served. The questions are asked once the server's concentration timelines cover the
 * indexed block; how long they took to record and what they hold is part of the result.
 */
public final class ApiBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long to wait for the timelines before asking anyway (then /metrics is computed the old way until they are). */
    private static final Duration TIMELINE_WAIT = Duration.ofMinutes(30);

    /**
     * @param cli   the CLI command to time; empty: a fresh JVM like this one
     * @param fresh clients ask with {@code Cache-Control: no-cache}, so every answer is computed
     */
    public record Options(int clients, Duration duration, Duration warmup, int cliRuns, long seed, List<String> cli, boolean fresh) {
        public Options {
            cli = List.copyOf(cli);
        }
    }

    /** A question: how each client draws its paths, and the one instance asked of both the API and the CLI. */
    record Question(String name, Function<Random, String> paths, String sample, List<String> cli) {
    }

    /**
     * One question's figures. {@code firstMillis} is the sample's latency asked alone, before any load: the answer
     * computed, not served from memory. {@code cacheControl} is what the API said of the sample (immutable or short-lived);
     * {@code sameDocument}: the CLI printed exactly the API's body; {@code skipped} says why a question was not
     * measured (null when it was).
     */
    public record Measured(String question, String sample, Double firstMillis, String cacheControl, ApiLoad.Result api, List<Double> cliSeconds,
                           Double cliMedianSeconds, Boolean sameDocument, String skipped) {
    }

    /**
     * @param finalBlock      the last block the API treats as final, or null when none is
     * @param timelineSeconds how long the server took to record its concentration timelines after it started (the
     *                        questions are asked once they are), null when they were not ready within the wait
     * @param timelineBytes   the memory the timelines hold
     */
    public record StoreResult(String store, String database, String dao, long indexedBlock, Long finalBlock, Double timelineSeconds,
                              long timelineBytes, List<Measured> questions) {
    }

    private ApiBenchmark() {
    }

    /** The CLI command the baseline runs, for the report. */
    public static String cliCommand(Options options) {
        return CliRunner.of(options.cli()).describe();
    }

    public static StoreResult measure(String store, BenchStores.Served served, Options options, Consumer<String> log) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("stagewatch.serve.db", served.db().toString());
        properties.put("stagewatch.serve.config", served.config().toString());
        properties.put("stagewatch.serve.index", false);
        ConfigurableApplicationContext server = StagewatchServer.start(properties);
        try {
            ConcentrationTimelines timelines = server.getBean(ConcentrationTimelines.class);
            log.accept("bench api: " + store + ": waiting for the server's concentration timelines …");
            long started = System.nanoTime();
            while (!timelines.caughtUp() && System.nanoTime() - started < TIMELINE_WAIT.toNanos()) {
                Thread.sleep(100);
            }
            Double timelineSeconds = timelines.caughtUp() ? (System.nanoTime() - started) / 1e9 : null;
            String base = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) server).getWebServer().getPort();
            ApiLoad load = new ApiLoad(base, options.fresh());
            JsonNode chain = chainOf(load, served.dao());
            long indexed = chain.path("indexedBlock").asLong();
            Long finalBlock = chain.path("finalBlock").isNumber() ? chain.path("finalBlock").asLong() : null;
            CliRunner cli = CliRunner.of(options.cli());
            List<Measured> measured = new ArrayList<>();
            for (Question question : questions(served, indexed, finalBlock, options.seed())) {
                log.accept("bench api: " + store + ": " + question.name() + " …");
                measured.add(question.sample() == null ? new Measured(question.name(), null, null, null, null, List.of(), null, null,
                        "no block is final yet (indexed head less the chain's finality depth): nothing is immutable")
                        : measure(load, cli, question, options));
            }
            return new StoreResult(store, served.db().toString(), served.dao(), indexed, finalBlock, timelineSeconds, timelines.bytes(), measured);
        } finally {
            server.close();
        }
    }

    private static Measured measure(ApiLoad load, CliRunner cli, Question question, Options options) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> sample = load.send(question.sample());
        double firstMillis = (System.nanoTime() - started) / 1e6;
        if (sample.statusCode() != 200) {
            return new Measured(question.name(), question.sample(), firstMillis, null, null, List.of(), null, null,
                    "the API answered " + sample.statusCode() + ": " + JSON.readTree(sample.body()).path("detail").asText(sample.body()));
        }
        if (!options.warmup().isZero()) {
            load.run(options.clients(), options.warmup(), options.seed() + 1, question.paths());
        }
        ApiLoad.Result result = load.run(options.clients(), options.duration(), options.seed(), question.paths());
        List<Double> seconds = new ArrayList<>();
        Boolean same = null;
        for (int i = 0; i < options.cliRuns(); i++) {
            CliRunner.Run run = cli.run(question.cli());
            seconds.add(run.seconds());
            same = same == null ? run.stdout().stripTrailing().equals(sample.body()) : same;
        }
        return new Measured(question.name(), question.sample(), firstMillis, sample.headers().firstValue("Cache-Control").orElse(null), result,
                seconds, seconds.isEmpty() ? null : median(seconds), same, null);
    }

    static List<Question> questions(BenchStores.Served served, long indexed, Long finalBlock, long seed) {
        String api = "/api/v1/daos/" + served.dao();
        List<String> db = List.of("--dao", served.dao(), "--db", served.db().toString(), "--json");
        long block = 1 + new Random(seed).nextLong(Math.max(1, indexed));
        List<Question> questions = new ArrayList<>();
        questions.add(new Question("/metrics?block=<random>", random -> api + "/metrics?block=" + (1 + random.nextLong(Math.max(1, indexed))),
                api + "/metrics?block=" + block, cli("metrics", db, "--block", Long.toString(block))));
        questions.add(new Question("/stage", random -> api + "/stage", api + "/stage", cli("stage", db)));
        questions.add(new Question("/paths", random -> api + "/paths", api + "/paths", cli("paths", db)));
        questions.add(new Question("/delegates?top=100", random -> api + "/delegates?top=100", api + "/delegates?top=100",
                cli("delegates", db, "--top", "100")));
        String settled = finalBlock == null ? null : api + "/stage?block=" + finalBlock;
        questions.add(new Question("/stage?block=<final> (immutable)", random -> settled, settled,
                finalBlock == null ? List.of() : cli("stage", db, "--block", Long.toString(finalBlock))));
        return questions;
    }

    private static List<String> cli(String command, List<String> common, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(common);
        args.addAll(List.of(more));
        return args;
    }

    private static JsonNode chainOf(ApiLoad load, String dao) throws IOException, InterruptedException {
        for (JsonNode entry : JSON.readTree(load.send("/api/v1/daos").body()).path("daos")) {
            if (entry.path("dao").asText().equals(dao)) {
                return entry.path("chains").get(0);
            }
        }
        throw new IllegalStateException("the served database has no DAO '" + dao + "'");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
