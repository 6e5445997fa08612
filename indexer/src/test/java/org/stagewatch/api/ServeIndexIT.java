package org.stagewatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.stagewatch.chain.RpcMeters;

/**
 * {@code serve --index} against a live anvil: readiness stays down while the first backfill runs (it is made
 * to take seconds: 3,000 empty blocks, 20 blocks per eth_getLogs, 20 requests per second) and comes up only once
 * the index reached the head; a block mined afterwards shows in {@code /metrics} and in the Prometheus
 * gauges (indexed block, head, lag) within seconds; HTTP latency histograms are exported.
 */
class ServeIndexIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CHAIN = 31_341;

    @Test
    void shouldBeReadyOnlyAfterTheBackfillAndShowNewBlocksWithinSeconds() throws Exception {
        try (ServedDemo demo = new ServedDemo(CHAIN, false, 3_000, false, true, "finalityDepth: 3", "maxBlockRange: 20",
                "requestsPerSecond: 20", "pollIntervalMs: 200")) {
            long headAtStart = demo.node.blockNumber();
            List<String> observations = new ArrayList<>();
            boolean sawNotReady = false;
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (true) {
                HttpResponse<String> readiness = demo.get("/actuator/health/readiness");
                long indexed = indexedBlock(demo);
                observations.add(readiness.statusCode() + "@" + indexed);
                if (readiness.statusCode() == 200) {
                    // ready only once the index reached the head the backfill started for
                    assertThat(indexed).as("indexed block when ready; observations " + observations).isGreaterThanOrEqualTo(headAtStart);
                    break;
                }
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(readiness.body()).contains("OUT_OF_SERVICE");
                sawNotReady = true;
                assertThat(System.nanoTime()).as("ready within 3 minutes; observations " + observations).isLessThan(deadline);
                Thread.sleep(250);
            }
            System.out.println("readiness while backfilling (status@indexed block): " + observations);
            assertThat(sawNotReady).as("readiness was down while the backfill ran").isTrue();
            assertThat(demo.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

            demo.node.mine(1);
            long mined = demo.node.blockNumber();
            long started = System.nanoTime();
            long shown = -1;
            String prometheus = "";
            while (System.nanoTime() - started < 15_000_000_000L) {
                shown = JSON.readTree(demo.get("/api/v1/daos/demo/metrics").body()).path("block").asLong();
                prometheus = demo.get("/actuator/prometheus").body();
                if (shown == mined && gauge(prometheus, "stagewatch_chain_indexed_block").orElse(-1) == mined
                        && gauge(prometheus, "stagewatch_chain_head_block").orElse(-1) == mined) {
                    break;
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("block %d shown by /metrics and Prometheus after %.2f s%n", mined, seconds);
            assertThat(shown).as("/metrics block").isEqualTo(mined);
            assertThat(gauge(prometheus, "stagewatch_chain_indexed_block")).hasValue((double) mined);
            assertThat(gauge(prometheus, "stagewatch_chain_head_block")).hasValue((double) mined);
            assertThat(gauge(prometheus, "stagewatch_chain_lag_blocks")).hasValue(0.0);
            assertThat(gauge(prometheus, "stagewatch_chain_lag_seconds")).hasValue(0.0);
            assertThat(gauge(prometheus, "stagewatch_chain_backfill_done")).hasValue(1.0);
            assertThat(gauge(prometheus, "stagewatch_indexed_events_total").orElse(0)).as("events stored").isPositive();
            Matcher requests = Pattern.compile("(?m)^stagewatch_rpc_requests_total\\{[^}]*outcome=\"ok\"[^}]*} ([-0-9.E+]+)$").matcher(prometheus);
            // the registry is the process's: series of endpoints other tests in this JVM used may stand beside this one's
            List<String> counted = new ArrayList<>();
            while (requests.find()) {
                if (Double.parseDouble(requests.group(1)) > 0) {
                    counted.add(requests.group());
                }
            }
            String host = "host=\"" + RpcMeters.host(demo.node.rpcUrl()) + "\"";
            assertThat(counted).as("RPC requests to this test's node counted by outcome").anySatisfy(series -> assertThat(series).contains(host));
            assertThat(prometheus).contains("http_server_requests_seconds_bucket{").contains("uri=\"/api/v1/daos/{dao}/metrics\"");
            assertThat(demo.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        }
    }

    private static long indexedBlock(ServedDemo demo) throws Exception {
        var chains = JSON.readTree(demo.get("/api/v1/daos").body()).path("daos").path(0).path("chains");
        return chains.isMissingNode() || chains.path(0).path("indexedBlock").isNull() ? -1 : chains.path(0).path("indexedBlock").asLong(-1);
    }

    /** The value of a gauge of the devnet chain in the Prometheus text format. */
    static OptionalDouble gauge(String exposition, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*chain_id=\"" + CHAIN + "\"[^}]*} ([-0-9.E+NaInf]+)$").matcher(exposition);
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }
}
