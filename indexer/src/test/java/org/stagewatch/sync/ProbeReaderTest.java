package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.chain.RpcException;
import org.stagewatch.chain.RpcSettings;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.ContractKind;
import org.stagewatch.project.ControlBatch;
import org.stagewatch.project.ControlRows;
import org.stagewatch.store.StateRead;

/**
 * Which blocks of a range a probe is owed a reading at (first block, the DAO's control facts and readings, the
 * probeInterval grid, whatever the range's bounds), and how a reading the node cannot give is stored.
 */
class ProbeReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAFE = "0x00000000000000000000000000000000000000aa";
    private static final String PROXY = "0x00000000000000000000000000000000000000bb";
    private static final String OTHER = "0x00000000000000000000000000000000000000cc";
    private static final String CORE = "0x00000000000000000000000000000000000000dd";

    private static ChainPlan.Probe probe(long first, long interval) {
        return new ChainPlan.Probe(CORE, "validatorWhitelistDisabled()", "bool", first, interval, List.of(
                new ChainPlan.Watched(SAFE, ContractKind.SAFE, first, false),
                new ChainPlan.Watched(PROXY, ContractKind.PROXY, 130, false, 50)));
    }

    private static ControlBatch facts() {
        ControlBatch control = new ControlBatch();
        control.safeChanges.add(new ControlRows.SafeChange(1, SAFE, "threshold", null, "9", null, null, 117, 0, "0x1"));
        control.roleChanges.add(new ControlRows.RoleChange(1, OTHER, "granted", "0x", "0x", "0x", 118, 0, "0x2"));
        control.proxyChanges.add(new ControlRows.ProxyChange(1, PROXY, "upgraded", null, "0x", 240, 0, "0x3"));
        return control;
    }

    @Test
    void shouldOweTheFirstBlockTheGridTheControlFactsAndTheReadingsOfTheDaosContracts() {
        assertThat(ProbeReader.owed(probe(100, 100), 100, 299, facts()))
                .containsExactly(100L, 117L, 130L, 180L, 200L, 230L, 240L, 280L);
    }

    @Test
    void shouldOweTheSameBlocksHoweverTheRangesAreCut() {
        SortedSet<Long> cut = new TreeSet<>();
        for (long from = 100; from <= 299; from += 7) {
            cut.addAll(ProbeReader.owed(probe(100, 100), from, Math.min(299, from + 6), facts()));
        }
        assertThat(cut).isEqualTo(ProbeReader.owed(probe(100, 100), 100, 299, facts()));
    }

    @Test
    void shouldScheduleTheHeadersOfEveryGridAndStartBlock() {
        ChainPlan plan = new ChainPlan(new ChainConfig("eth", 1, List.of("http://localhost"), 0, 2000),
                Map.of(SAFE, List.of(new ChainPlan.Watched(SAFE, ContractKind.SAFE, 100, false)),
                        PROXY, List.of(new ChainPlan.Watched(PROXY, ContractKind.PROXY, 130, false, 50))), List.of(probe(100, 100)));
        assertThat(ProbeReader.scheduled(plan, 100, 299)).containsExactly(100L, 130L, 180L, 200L, 230L, 280L);
    }

    @Test
    void shouldStoreARevertAndAPrunedStateAsUnavailableAndFailTheRangeWhenNoNodeAnswers() throws Exception {
        ChainPlan plan = new ChainPlan(new ChainConfig("eth", 1, List.of("http://localhost"), 0, 2000), Map.of(),
                List.of(probe(100, 1_000)));
        try (Stub pruned = new Stub(request -> error(request, "missing trie node 1f2e (path )"));
             RpcClient client = client(pruned.url())) {
            List<StateRead> reads = ProbeReader.readOwed(client, plan, 100, 100, new ControlBatch());
            assertThat(reads).singleElement().satisfies(read -> {
                assertThat(read.blockNumber()).isEqualTo(100);
                assertThat(read.name()).isEqualTo("probe:validatorWhitelistDisabled()");
                assertThat(read.value()).startsWith("unavailable: the node no longer holds the state of block 100");
            });
        }
        try (Stub reverts = new Stub(request -> error(request, "execution reverted"));
             RpcClient client = client(reverts.url())) {
            assertThat(ProbeReader.readOwed(client, plan, 100, 100, new ControlBatch())).singleElement()
                    .satisfies(read -> assertThat(read.value()).startsWith("unavailable: ").contains("execution reverted"));
        }
        try (Stub empty = new Stub(request -> "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":\"0x\"}");
             RpcClient client = client(empty.url())) {
            assertThat(ProbeReader.readOwed(client, plan, 100, 100, new ControlBatch())).singleElement()
                    .satisfies(read -> assertThat(read.value()).isEqualTo(ProbeReader.NO_CODE));
        }
        String closed;
        try (Stub gone = new Stub(request -> "")) {
            closed = gone.url();
        }
        try (RpcClient client = client(closed)) {
            assertThatThrownBy(() -> ProbeReader.readOwed(client, plan, 100, 100, new ControlBatch()))
                    .isInstanceOf(RpcException.class).hasMessageContaining("on every endpoint");
        }
    }

    private static RpcClient client(String url) {
        return new RpcClient(List.of(url), new RpcSettings(Duration.ofMillis(500), 0, 0, 2));
    }

    private static String error(JsonNode request, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"error\":{\"code\":-32000,\"message\":\"" + message + "\"}}";
    }

    /** A loopback JSON-RPC endpoint answering each request with {@code script}. */
    private static final class Stub implements AutoCloseable {
        private final HttpServer server;

        Stub(Function<JsonNode, String> script) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = script.apply(JSON.readTree(exchange.getRequestBody().readAllBytes())).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
