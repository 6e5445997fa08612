package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench api} end to end, short and small (the demo database built on its own anvil, a synthetic store of 200
 * delegates and 2,000 checkpoints, 4 clients for 1 s a question, one CLI run each): every question of both stores is
 * measured without an error, the CLI in a fresh JVM printed exactly the document the API served, the figures are
 * consistent with each other (rate = requests ÷ seconds, p50 ≤ p99 ≤ max ≤ the run), the stores are the sizes
 * asked for, and the answer at the last final block is the immutable one. No figure is checked against a speed:
 * this is a benchmark's plumbing, not a timed test.
 */
class BenchApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldMeasureEveryQuestionOfBothStoresBesideTheCliAskedTheSame() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(StagewatchCommand.execute("bench", "api", "--clients", "4", "--duration", "1s", "--warmup", "0s", "--cli-runs", "1",
                    "--delegates", "200", "--checkpoints", "2000", "--store", dir.resolve("bench.db").toString(), "--json")).isZero();
        } finally {
            System.setOut(original);
        }
        JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("clients").asInt()).isEqualTo(4);
        JsonNode stores = report.get("stores");
        assertThat(stores).hasSize(2);
        assertThat(stores.get(0).get("dao").asText()).isEqualTo("demo");
        // the demo's 200 blocks after the scenario make the scenario's blocks final (the devnet's finality depth is 64)
        assertThat(stores.get(0).get("finalBlock").asLong()).isEqualTo(stores.get(0).get("indexedBlock").asLong() - 64);
        assertThat(stores.get(1).get("dao").asText()).isEqualTo("bench");
        assertThat(stores.get(1).get("indexedBlock").asLong()).as("2,000 checkpoints, 10 a block").isEqualTo(200);
        for (JsonNode store : stores) {
            List<String> questions = new ArrayList<>();
            for (JsonNode question : store.get("questions")) {
                String name = store.get("store").asText() + " " + question.get("question").asText();
                questions.add(question.get("question").asText());
                assertThat(question.get("skipped").isNull()).as(name + ": " + question.get("skipped")).isTrue();
                JsonNode api = question.get("api");
                assertThat(api.get("errors").asLong()).as(name).isZero();
                assertThat(api.get("requests").asLong()).as(name).isGreaterThanOrEqualTo(4);
                assertThat(api.get("requestsPerSecond").asDouble()).as(name)
                        .isCloseTo(api.get("requests").asDouble() / api.get("seconds").asDouble(), Percentage.withPercentage(0.1));
                assertThat(api.get("p50Millis").asDouble()).as(name).isPositive().isLessThanOrEqualTo(api.get("p99Millis").asDouble());
                assertThat(api.get("p99Millis").asDouble()).as(name).isLessThanOrEqualTo(api.get("maxMillis").asDouble() * 1.001);
                assertThat(api.get("maxMillis").asDouble()).as(name).isLessThanOrEqualTo(api.get("seconds").asDouble() * 1000);
                assertThat(question.get("firstMillis").asDouble()).as(name).isPositive();
                assertThat(question.get("cliSeconds")).as(name).hasSize(1);
                assertThat(question.get("cliMedianSeconds").asDouble()).as(name).isPositive();
                assertThat(question.get("sameDocument").asBoolean()).as(name + ": the CLI printed the API's document").isTrue();
            }
            assertThat(questions).containsExactly("/metrics?block=<random>", "/stage", "/paths", "/delegates?top=100",
                    "/stage?block=<final> (immutable)");
            JsonNode settled = store.get("questions").get(4);
            assertThat(settled.get("sample").asText()).endsWith("/stage?block=" + store.get("finalBlock").asLong());
            assertThat(settled.get("cacheControl").asText()).contains("immutable");
            assertThat(store.get("questions").get(1).get("cacheControl").asText()).doesNotContain("immutable");
        }
    }

    @Test
    void shouldRefuseToMeasureNothing() {
        assertThat(StagewatchCommand.execute("bench", "api", "--skip-demo", "--skip-store")).isEqualTo(2);
        assertThat(StagewatchCommand.execute("bench", "api", "--duration", "soon")).isEqualTo(2);
    }
}
