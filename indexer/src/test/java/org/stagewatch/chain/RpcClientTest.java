package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stagewatch.chain.JsonRpcStub.Answer;

/** How the client treats a provider that misbehaves, played by a scripted JSON-RPC server on loopback. */
class RpcClientTest {
    private static final RpcSettings FAST = new RpcSettings(Duration.ofMillis(500), 3, 0, 4);

    private static Answer chainId(JsonNode request) {
        return Answer.ok(JsonRpcStub.result(request, "\"0x7a69\""));
    }

    /** Answers the first {@code failures} requests with {@code failure}, then correctly. */
    private static Function<JsonNode, Answer> failingFirst(int failures, Answer failure) {
        AtomicInteger seen = new AtomicInteger();
        return request -> seen.getAndIncrement() < failures ? failure : chainId(request);
    }

    @Test
    void shouldRetryHttp429AndHonourRetryAfter() throws Exception {
        try (var stub = new JsonRpcStub(failingFirst(1, new Answer(429, Map.of("Retry-After", "1"), "rate limited", 0)));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            long started = System.nanoTime();
            assertThat(client.chainId()).isEqualTo(31337);
            assertThat(stub.requests()).hasSize(2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void shouldRetryServerErrorsTruncatedBodiesAndStalls() throws Exception {
        for (Answer failure : List.of(Answer.status(502, "bad gateway"), Answer.ok("{\"jsonrpc\":\"2.0\",\"id\":1,\"res"),
                new Answer(200, Map.of(), "{}", 2_000))) {
            try (var stub = new JsonRpcStub(failingFirst(2, failure)); var client = new RpcClient(List.of(stub.url()), FAST)) {
                assertThat(client.chainId()).as("after %s", failure).isEqualTo(31337);
                assertThat(stub.requests()).hasSize(3);
            }
        }
    }

    @Test
    void shouldNotRetryAnUnauthorisedEndpointAndShouldHideTheApiKey() throws Exception {
        try (var stub = new JsonRpcStub(request -> Answer.status(401, "{\"error\":\"invalid api key\"}"));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThatThrownBy(client::chainId).isInstanceOf(RpcException.class)
                    .hasMessageContaining("HTTP 401").hasMessageNotContaining("SECRET-KEY");
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void shouldGiveUpAfterTheRetryBudgetWithAMessageNamingTheEndpoint() throws Exception {
        try (var stub = new JsonRpcStub(request -> Answer.status(503, "down"));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThatThrownBy(client::headBlock).isInstanceOf(RpcException.class)
                    .hasMessageContaining("eth_blockNumber").hasMessageContaining("HTTP 503")
                    .hasMessageContaining("127.0.0.1");
            assertThat(stub.requests()).hasSize(FAST.maxRetries() + 1);
        }
    }

    @Test
    void shouldFailOverToTheNextEndpointAndStayThere() throws Exception {
        try (var down = new JsonRpcStub(request -> Answer.status(503, "down"));
             var up = new JsonRpcStub(RpcClientTest::chainId);
             var client = new RpcClient(List.of(down.url(), up.url()), FAST)) {
            assertThat(client.chainId()).isEqualTo(31337);
            assertThat(client.chainId()).isEqualTo(31337);
            assertThat(down.requests()).hasSize(FAST.maxRetries() + 1);
            assertThat(up.requests()).hasSize(2);
        }
    }

    @Test
    void shouldNotRetryAJsonRpcErrorAnswer() throws Exception {
        try (var stub = new JsonRpcStub(request -> Answer.ok(JsonRpcStub.error(request, -32000, "execution reverted")));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThatThrownBy(() -> client.ethCall("0x0000000000000000000000000000000000000001", "0x", null))
                    .isInstanceOf(RpcException.class).hasMessageContaining("execution reverted");
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void shouldReadARangeErrorSentWithAnHttpErrorStatus() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32614,\"message\":\"eth_getLogs is limited to a 10,000 range\"}}";
        try (var stub = new JsonRpcStub(request -> Answer.status(413, body));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThatThrownBy(() -> client.logs(1, 0, 20_000, List.of(), List.of()))
                    .isInstanceOfSatisfying(RangeTooLargeException.class,
                            e -> assertThat(e.suggestedBlocks()).hasValue(10_000));
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void shouldMatchBatchAnswersByIdWhenTheServerReordersThem() throws Exception {
        try (var stub = new JsonRpcStub(batch -> {
            StringBuilder answers = new StringBuilder("[");
            for (int i = batch.size() - 1; i >= 0; i--) {
                JsonNode request = batch.get(i);
                String number = request.path("params").get(0).asText();
                long n = Long.decode(number);
                answers.append(JsonRpcStub.result(request, "{\"number\":\"" + number + "\",\"hash\":\"0x" + "%064x".formatted(n)
                        + "\",\"parentHash\":\"0x" + "%064x".formatted(n - 1) + "\",\"timestamp\":\"0x" + Long.toHexString(1000 + n) + "\"}"));
                answers.append(i > 0 ? "," : "]");
            }
            return Answer.ok(answers.toString());
        }); var client = new RpcClient(List.of(stub.url()), FAST)) {
            var headers = client.headers(1, List.of(5L, 6L, 7L));
            assertThat(headers.get(5L).timestamp()).isEqualTo(1005);
            assertThat(headers.get(7L).hash()).endsWith("7");
            assertThat(headers.get(6L).parentHash()).endsWith("5");
        }
    }
}
