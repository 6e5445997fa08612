package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stagewatch.chain.JsonRpcStub.Answer;

/**
 * A load-balanced provider whose nodes disagree on the head: eth_blockNumber from one node, the block (or its logs,
 * or its state) from another that does not have it yet. Played by a scripted server.
 */
class LaggingHeadTest {
    private static final RpcSettings FAST = new RpcSettings(Duration.ofMillis(800), 4, 0, 4);

    private static String block(long n) {
        return "{\"number\":\"0x" + Long.toHexString(n) + "\",\"hash\":\"0x" + "%064x".formatted(n) + "\",\"parentHash\":\"0x"
                + "%064x".formatted(n - 1) + "\",\"timestamp\":\"0x" + Long.toHexString(1_000 + n) + "\"}";
    }

    /** A node that reports {@code reported} as its head but serves blocks up to {@code served} only. */
    private static Answer node(JsonNode request, long reported, long served) {
        return switch (request.path("method").asText()) {
            case "eth_blockNumber" -> Answer.ok(JsonRpcStub.result(request, "\"0x" + Long.toHexString(reported) + "\""));
            case "eth_getBlockByNumber" -> {
                long n = Long.decode(request.path("params").get(0).asText());
                yield Answer.ok(JsonRpcStub.result(request, n <= served ? block(n) : "null"));
            }
            default -> Answer.status(500, "unexpected " + request.path("method").asText());
        };
    }

    /** A node's answer to one call or to each call of a batch, as {@link #node} answers them. */
    private static Answer batchOf(JsonNode request, long reported, long served) {
        if (!request.isArray()) {
            return request.path("method").asText().equals("eth_chainId")
                    ? Answer.ok(JsonRpcStub.result(request, "\"0x7a69\"")) : node(request, reported, served);
        }
        List<String> items = new ArrayList<>();
        for (JsonNode call : request) {
            items.add(switch (call.path("method").asText()) {
                case "eth_chainId" -> JsonRpcStub.result(call, "\"0x7a69\"");
                case "eth_getBlockByNumber" -> call.path("params").get(0).asText().equals("latest")
                        ? JsonRpcStub.result(call, block(served)) : node(call, reported, served).body();
                default -> node(call, reported, served).body();
            });
        }
        return Answer.ok("[" + String.join(",", items) + "]");
    }

    @Test
    void shouldTakeTheHeadItsStartUpBatchFoundServedWithoutAskingAgain() throws Exception {
        try (var stub = new JsonRpcStub(request -> batchOf(request, 1877, 1877));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            RpcClient.StartUp startUp = client.startUp();
            assertThat(stub.requests()).singleElement().satisfies(request -> assertThat(request.size()).isEqualTo(3));
            assertThat(startUp.chainId()).isEqualTo(31337);
            assertThat(startUp.servedHead()).hasValue(1877);
            client.startFrom(startUp);
            assertThat(client.headBlock()).isEqualTo(1877);
            assertThat(stub.requests()).as("the first head is the start-up's").hasSize(1);
            assertThat(client.headBlock()).isEqualTo(1877);
            assertThat(stub.requests()).as("later heads are asked for").hasSizeGreaterThan(1);
        }
    }

    @Test
    void shouldAskForTheHeadWhenTheStartUpsNewestBlockIsBelowTheReportedHead() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        // the node that answered the batch serves up to 1875 only; later, the reported head's block is served
        try (var stub = new JsonRpcStub(request -> batchOf(request, 1877, asked.getAndIncrement() == 0 ? 1875 : 1877));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            RpcClient.StartUp startUp = client.startUp();
            assertThat(startUp.servedHead()).isEmpty();
            client.startFrom(startUp);
            assertThat(client.headBlock()).isEqualTo(1877);
            assertThat(stub.count("eth_blockNumber")).isPositive();
        }
    }

    @Test
    void shouldTrustTheHeadOnceItsBlockIsServed() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (var stub = new JsonRpcStub(request -> node(request, 1877,
                request.path("method").asText().equals("eth_getBlockByNumber") && asked.getAndIncrement() == 0 ? 1875 : 1877));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThat(client.headBlock()).isEqualTo(1877);
            assertThat(asked.get()).isEqualTo(2);
        }
    }

    @Test
    void shouldSettleForTheHighestBlockServedWhenTheReportedHeadNeverIs() throws Exception {
        try (var stub = new JsonRpcStub(request -> node(request, 1908, 1901));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThat(client.headBlock()).isEqualTo(1901);
            // three looks at the reported head, then down 1, 2, 4, 8 and a bisection: not a walk block by block
            assertThat(stub.count("eth_getBlockByNumber")).isLessThanOrEqualTo(3 + 4 + 3);
        }
    }

    @Test
    void shouldWaitForAToBlockAFewBlocksPastALaggingHead() throws Exception {
        AtomicLong head = new AtomicLong(1875);
        AtomicInteger requests = new AtomicInteger();
        try (var stub = new JsonRpcStub(request -> {
            if (requests.incrementAndGet() == 8) {
                head.set(1877); // the node catches up
            }
            return node(request, head.get(), head.get());
        }); var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThat(client.awaitHead(1877)).isEqualTo(1877);
            assertThat(requests.get()).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void shouldNotWaitForAToBlockFarPastTheHead() throws Exception {
        try (var stub = new JsonRpcStub(request -> node(request, 1875, 1875));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            long started = System.nanoTime();
            assertThat(client.awaitHead(1875 + RpcClient.HEAD_WAIT_BLOCKS + 1)).isEqualTo(1875);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(stub.requests()).hasSize(2);
        }
    }

    @Test
    void shouldAskAgainWhenTheNodeAnsweringLogsOrStateIsBehind() throws Exception {
        AtomicInteger logs = new AtomicInteger();
        AtomicInteger code = new AtomicInteger();
        try (var stub = new JsonRpcStub(request -> switch (request.path("method").asText()) {
            case "eth_getLogs" -> Answer.ok(logs.getAndIncrement() == 0
                    ? JsonRpcStub.error(request, -32602, "block range extends beyond current head block")
                    : JsonRpcStub.result(request, "[]"));
            case "eth_getCode" -> Answer.ok(switch (code.getAndIncrement()) {
                case 0 -> JsonRpcStub.error(request, -32602, "BlockOutOfRangeError: block height is 1875 but requested was 1877");
                case 1 -> JsonRpcStub.error(request, -32000, "header not found");
                default -> JsonRpcStub.result(request, "\"0x6080\"");
            });
            default -> Answer.status(500, "unexpected");
        }); var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThat(client.logs(1, 1870, 1877, List.of(), List.of())).isEmpty();
            assertThat(client.code("0x" + "12".repeat(20), 1877)).isEqualTo("0x6080");
            assertThat(stub.count("eth_getLogs")).isEqualTo(2);
            assertThat(stub.count("eth_getCode")).isEqualTo(3);
        }
    }
}
