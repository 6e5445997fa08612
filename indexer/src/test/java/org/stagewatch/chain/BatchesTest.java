package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stagewatch.chain.JsonRpcStub.Answer;
import org.stagewatch.store.BlockHeader;

/**
 * Header batches against providers' limits, played by a scripted server: per-item rate limits, batch-size caps in
 * each format providers use, and nodes that do not serve a block yet.
 */
class BatchesTest {
    private static final RpcSettings FAST = new RpcSettings(Duration.ofMillis(800), 4, 0, 4);
    private static final String ALCHEMY_429 = "Your app has exceeded its compute units per second capacity. If you have retries "
            + "enabled, you can safely ignore this message. If not, check out https://docs.alchemy.com/reference/throughput";

    private static long number(JsonNode call) {
        return Long.decode(call.path("params").get(0).asText());
    }

    private static String block(long n) {
        return "{\"number\":\"0x" + Long.toHexString(n) + "\",\"hash\":\"0x" + "%064x".formatted(n) + "\",\"parentHash\":\"0x"
                + "%064x".formatted(n - 1) + "\",\"timestamp\":\"0x" + Long.toHexString(1_000 + n) + "\"}";
    }

    /** Answers each call with {@code item} (a whole JSON-RPC answer object), as one object or an array like the request. */
    private static Answer answer(JsonNode request, Function<JsonNode, String> item) {
        if (!request.isArray()) {
            return Answer.ok(item.apply(request));
        }
        List<String> items = new ArrayList<>();
        request.forEach(call -> items.add(item.apply(call)));
        return Answer.ok("[" + String.join(",", items) + "]");
    }

    private static String ok(JsonNode call) {
        return JsonRpcStub.result(call, block(number(call)));
    }

    private static List<Long> blocks(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static void assertAll(Map<Long, BlockHeader> headers, long from, long to) {
        assertThat(headers.keySet()).containsExactlyInAnyOrderElementsOf(blocks(from, to));
        headers.forEach((n, header) -> assertThat(header.timestamp()).isEqualTo(1_000 + n));
    }

    @Test
    void shouldCountEveryCallOfABatchAgainstTheRequestRate() throws Exception {
        List<long[]> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>(); // {when, calls}
        long elapsed;
        try (var stub = new JsonRpcStub(request -> {
            arrivals.add(new long[] {System.nanoTime(), request.isArray() ? request.size() : 1});
            return request.path("method").asText().equals("eth_chainId") ? Answer.ok(JsonRpcStub.result(request, "\"0x1\""))
                    : answer(request, BatchesTest::ok);
        }); var client = new RpcClient(List.of(stub.url()), new RpcSettings(Duration.ofSeconds(5), 4, 40, 4))) {
            // one call first, so that no batch's arrival is held up by the connection being opened (the stub would
            // see it late, closer to the next)
            assertThat(client.chainId()).isEqualTo(1);
            long started = System.nanoTime();
            assertAll(client.headers(1, blocks(1, 30)), 1, 30);
            elapsed = System.nanoTime() - started;
            // as Infura meters them: each call, and each batch as one more
            assertThat(client.callsSent()).isEqualTo(1 + 30 + 10);
        }
        arrivals.remove(0);
        // batches of 3 at 40/s (counting 4, a tenth of the rate), each holding the next back for what it counts: the ten
        // take ≈ 1 s (36 intervals of 26 ms after the first), where pacing each batch as one request would take 0.24 s
        assertThat(arrivals).hasSize(10).allSatisfy(arrival -> assertThat(arrival[1]).isEqualTo(3));
        assertThat(elapsed).isGreaterThan(900_000_000L);
        for (long[] first : arrivals) {
            long inSecond = arrivals.stream().filter(a -> a[0] >= first[0] && a[0] - first[0] < 1_000_000_000L).mapToLong(a -> a[1]).sum();
            assertThat(inSecond).as("calls within a second of the one at %d", first[0]).isLessThanOrEqualTo(40);
        }
    }

    @Test
    void shouldRetryOnlyTheItemsRateLimitedInsideABatchAndKeepTheRest() throws Exception {
        Set<Long> limitedOnce = ConcurrentHashMap.newKeySet();
        List<Integer> batchSizes = new ArrayList<>();
        try (var stub = new JsonRpcStub(request -> {
            batchSizes.add(request.isArray() ? request.size() : 1);
            return answer(request, call -> {
                long n = number(call);
                if ((n == 51 || n == 57) && limitedOnce.add(n)) {
                    return n == 51 ? JsonRpcStub.error(call, 429, ALCHEMY_429)
                            : JsonRpcStub.error(call, -32005, "project ID request rate exceeded");
                }
                return ok(call);
            });
        }); var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertAll(client.headers(1, blocks(50, 79)), 50, 79);
            assertThat(batchSizes).containsExactly(30, 2); // the second request asks the two limited items only
        }
    }

    @Test
    void shouldWaitAsLongAsAnItemsErrorAsksBeforeAskingAgain() throws Exception {
        AtomicInteger limited = new AtomicInteger();
        try (var stub = new JsonRpcStub(request -> answer(request, call -> number(call) == 5 && limited.getAndIncrement() == 0
                ? "{\"jsonrpc\":\"2.0\",\"id\":" + call.path("id") + ",\"error\":{\"code\":-32005,\"message\":\"daily request count "
                        + "exceeded, request rate limited\",\"data\":{\"rate\":{\"allowed_rps\":1,\"backoff_seconds\":1.2,\"current_rps\":1.4}}}}"
                : ok(call)));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            long started = System.nanoTime();
            assertAll(client.headers(1, List.of(4L, 5L, 6L)), 4, 6);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1_150));
            assertThat(stub.requests()).hasSize(2);
        }
    }

    @Test
    void shouldGiveUpOnAnItemLimitedEveryTimeAfterTheRetriesWithoutCallingItANetworkFailureOfTheWholeBatch() throws Exception {
        try (var stub = new JsonRpcStub(request -> answer(request, call -> number(call) == 51
                ? JsonRpcStub.error(call, 429, ALCHEMY_429) : ok(call)));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThatThrownBy(() -> client.headers(1, blocks(50, 52))).isInstanceOf(RpcException.class)
                    .hasMessageContaining("eth_getBlockByNumber(51)").hasMessageContaining("compute units")
                    .hasMessageNotContaining("SECRET-KEY");
            assertThat(stub.requests()).hasSize(FAST.maxRetries() + 1);
        }
    }

    /** The ways providers refuse a batch over their cap. */
    enum Refusal {
        ONE_ERROR_OBJECT, HTTP_413, HTTP_400, GETH_ARRAY, PER_ITEM
    }

    private static Answer refuse(JsonNode batch, Refusal refusal) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"batch size too large, max 5\"}}";
        return switch (refusal) {
            case ONE_ERROR_OBJECT -> Answer.ok(body);
            case HTTP_413 -> Answer.status(413, body);
            case HTTP_400 -> Answer.status(400, "{\"error\":\"Batch limit exceeded\"}");
            case GETH_ARRAY -> Answer.ok("[" + JsonRpcStub.error(batch.get(0), -32600, "batch too large") + "]");
            case PER_ITEM -> answer(batch, call -> JsonRpcStub.error(call, -32000, "too many requests in batch"));
        };
    }

    @Test
    void shouldSplitABatchOverTheProvidersCapAndStartLaterBatchesAtTheLearnedSize() throws Exception {
        for (Refusal refusal : Refusal.values()) {
            AtomicInteger refused = new AtomicInteger();
            try (var stub = new JsonRpcStub(request -> {
                if (request.isArray() && request.size() > 5) {
                    refused.incrementAndGet();
                    return refuse(request, refusal);
                }
                return answer(request, BatchesTest::ok);
            }); var client = new RpcClient(List.of(stub.url()), FAST)) {
                assertAll(client.headers(1, blocks(1, 40)), 1, 40);
                int refusedFirst = refused.get();
                assertThat(refusedFirst).as(refusal.name()).isBetween(1, 4); // 40 → 20 → 10 → 5
                int before = stub.requests().size();
                assertAll(client.headers(1, blocks(41, 80)), 41, 80);
                assertThat(refused.get()).as(refusal + ": later batches start at the learned size").isEqualTo(refusedFirst);
                assertThat(stub.requests().size() - before).as(refusal.name()).isEqualTo(8);
            }
        }
    }

    @Test
    void shouldAnswerStateReadsInOneBatchWithARevertAsItsCallsOwnAnswer() throws Exception {
        try (var stub = new JsonRpcStub(request -> answer(request, call -> call.path("params").get(0).path("to").asText().equals("0xbad")
                ? JsonRpcStub.error(call, 3, "execution reverted: ERC5805FutureLookup")
                : JsonRpcStub.result(call, "\"0x" + "%064x".formatted(call.path("params").get(1).asText().length()) + "\"")));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            List<RpcClient.Answer> answers = client.answers(List.of(RpcClient.Query.call("0x01", "0x313ce567", null),
                    RpcClient.Query.call("0xbad", "0x8e539e8c", null), RpcClient.Query.storage("0x02", "0x" + "0".repeat(63) + "1", 7)));
            assertThat(stub.requests()).singleElement().satisfies(request -> assertThat(request.size()).isEqualTo(3));
            assertThat(answers.get(0).failed()).isFalse();
            assertThat(answers.get(0).result()).isEqualTo("0x" + "%064x".formatted("latest".length()));
            assertThat(answers.get(1).failed()).isTrue();
            assertThat(answers.get(1).error()).contains("ERC5805FutureLookup").doesNotContain("SECRET-KEY");
            assertThat(answers.get(2).result()).isEqualTo("0x" + "%064x".formatted("0x7".length()));
        }
    }

    @Test
    void shouldCutBatchesBuiltBeforeTheCapWasLearnedInsteadOfSendingThem() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        // one request in flight at a time: the three batches of 100 built for 250 headers wait their turn one by one
        try (var stub = new JsonRpcStub(request -> {
            if (request.isArray() && request.size() > 5) {
                refused.incrementAndGet();
                return refuse(request, Refusal.ONE_ERROR_OBJECT);
            }
            return answer(request, BatchesTest::ok);
        }); var client = new RpcClient(List.of(stub.url()), new RpcSettings(Duration.ofMillis(800), 4, 0, 1))) {
            assertAll(client.headers(1, blocks(1, 250)), 1, 250);
            assertThat(refused.get()).as("only the first batch of 100 went out; the others were cut to the cap it named").isEqualTo(1);
            assertThat(stub.requests()).hasSize(1 + 50);
        }
    }

    @Test
    void shouldKeepWhatACappedBatchDidAnswer() throws Exception {
        // geth's response-size cap: the first items are answered, the rest get "response too large"
        List<Integer> sizes = new ArrayList<>();
        try (var stub = new JsonRpcStub(request -> {
            sizes.add(request.isArray() ? request.size() : 1);
            AtomicInteger index = new AtomicInteger();
            return answer(request, call -> index.getAndIncrement() < 6 ? ok(call)
                    : JsonRpcStub.error(call, -32003, "response too large"));
        }); var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertAll(client.headers(1, blocks(1, 10)), 1, 10);
            assertThat(sizes).containsExactly(10, 4);
        }
    }

    @Test
    void shouldSendSingleRequestsToAProviderWithoutBatches() throws Exception {
        try (var stub = new JsonRpcStub(request -> request.isArray()
                ? Answer.ok("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"batch requests are not supported\"}}")
                : Answer.ok(ok(request)));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertAll(client.headers(1, blocks(1, 6)), 1, 6);
            assertThat(stub.requests().stream().filter(JsonNode::isArray)).hasSizeLessThanOrEqualTo(3); // 6 → 3 → (1)
        }
    }

    @Test
    void shouldAskAgainForABlockTheAnsweringNodeDoesNotServeYet() throws Exception {
        AtomicInteger nulls = new AtomicInteger();
        try (var stub = new JsonRpcStub(request -> answer(request, call -> number(call) == 9 && nulls.getAndIncrement() < 2
                ? JsonRpcStub.result(call, "null") : ok(call)));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertAll(client.headers(1, blocks(5, 9)), 5, 9);
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void shouldNotRetryAnItemsOwnError() throws Exception {
        try (var stub = new JsonRpcStub(request -> answer(request, call -> number(call) == 7
                ? JsonRpcStub.error(call, -32602, "invalid argument 0: hex number with leading zero digits") : ok(call)));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThatThrownBy(() -> client.headers(1, blocks(5, 9))).isInstanceOf(RpcException.class)
                    .hasMessageContaining("eth_getBlockByNumber(7)").hasMessageContaining("leading zero");
            assertThat(stub.requests()).hasSize(1);
        }
    }
}
