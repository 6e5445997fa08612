package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@code bench provider} end to end on a small load (its own anvil, 400 delegation events, 8 a block): every event is
 * indexed through the simulated provider, the requests it reports add up, the bound is no fewer requests than the
 * caps force, the start-up is one request, and the ratio is the bound over the wall time. No figure is checked against
 * a speed: this is a benchmark's plumbing, not a timed test.
 */
class BenchProviderIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldBackfillEveryEventThroughTheProviderAndReportTheBound() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(StagewatchCommand.execute("bench", "provider", "--events", "400", "--per-block", "8", "--latency", "5ms",
                    "--rps", "100", "--max-range", "20", "--max-logs", "30", "--max-batch", "10", "--delegates", "20", "--json")).isZero();
        } finally {
            System.setOut(original);
        }
        JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));

        assertThat(report.get("events").asLong()).isEqualTo(400);
        assertThat(report.get("blocksWithEvents").asLong()).isEqualTo(50);
        long requests = report.get("requests").asLong();
        long outcomes = 0;
        for (JsonNode count : report.get("outcomes")) {
            outcomes += count.asLong();
        }
        assertThat(requests).isPositive().isEqualTo(outcomes);
        assertThat(report.get("rateLimited").asLong()).isEqualTo(report.get("outcomes").get("429").asLong());
        assertThat(report.get("mostCallsInAnySecond").asLong()).isLessThanOrEqualTo(100);
        // 400 logs at most 30 an answer, 8 a block: ranges of at most 3 blocks; and no range wider than 20 blocks
        long blocks = report.get("blocks").asLong();
        assertThat(report.get("boundGetLogs").asLong()).isGreaterThanOrEqualTo(Math.max((blocks + 19) / 20, 50 / 3));
        assertThat(report.get("boundRequests").asLong()).isEqualTo(report.get("boundGetLogs").asLong()
                + report.get("boundHeaderBatches").asLong() + report.get("boundFixedRequests").asLong());
        // every block with events needs its header; the fewest calls are the eth_getLogs, the headers, and the start-up's
        // 3 and the end's 2, each alone (a batch counts one more)
        assertThat(report.get("boundHeaders").asLong()).isGreaterThanOrEqualTo(50);
        assertThat(report.get("boundCalls").asLong()).isEqualTo(report.get("boundGetLogs").asLong()
                + report.get("boundHeaders").asLong() + 5);
        // the bound counts no request the backfill could do without: it made at least as many (the provider counts
        // those it answered, not those it refused with 429)
        JsonNode kinds = report.get("requestsByKind");
        assertThat(kinds.get("eth_getLogs").asLong() + kinds.get("batches").asLong() + kinds.get("headers").asLong()
                + kinds.get("other").asLong())
                .isGreaterThanOrEqualTo(report.get("boundRequests").asLong());
        assertThat(report.get("requestsByKind").get("eth_getLogs").asLong()).isGreaterThanOrEqualTo(report.get("boundGetLogs").asLong());
        assertThat(report.get("ratio").asDouble()).isPositive().isCloseTo(
                report.get("boundSeconds").asDouble() / report.get("seconds").asDouble(), Offset.offset(0.01));
        // before the first eth_getLogs, the provider saw one request: the chain id, the head and the newest block in a batch
        Map<String, Long> startUp = new TreeMap<>();
        report.get("otherCalls").properties().forEach(call -> {
            if (call.getKey().startsWith("start-up")) {
                startUp.put(call.getKey(), call.getValue().asLong());
            }
        });
        assertThat(startUp).containsExactly(Map.entry("start-up batch of eth_blockNumber,eth_chainId,eth_getBlockByNumber", 1L));
        assertThat(report.get("peakHeapBytes").asLong()).isPositive();
        assertThat(report.get("peakRssBytes").asLong()).isPositive();
        // the CPU the backfill took (this JVM) and the node's, as the operating system counts them, against cores × wall
        double cpu = report.get("cpuSeconds").asDouble();
        double nodeCpu = report.get("nodeCpuSeconds").asDouble();
        assertThat(cpu).isPositive();
        assertThat(nodeCpu).isPositive();
        assertThat(report.get("cpuShare").asDouble()).isCloseTo(
                (cpu + nodeCpu) / (report.get("cores").asInt() * report.get("seconds").asDouble()), Offset.offset(0.01));
    }
}
