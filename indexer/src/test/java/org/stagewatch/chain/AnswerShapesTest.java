package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagewatch.chain.JsonRpcStub.Answer;
import org.stagewatch.store.BlockHeader;

/**
 * Every quantity of the answers Stagewatch reads — block number, timestamp, Arbitrum's l1BlockNumber, a log's
 * blockNumber, transactionIndex and logIndex, the chain id and eth_blockNumber — as a hex string, a decimal
 * string and a JSON number; and a field that cannot be read, which fails at once with its name, never retried.
 */
class AnswerShapesTest {
    private static final RpcSettings FAST = new RpcSettings(Duration.ofMillis(500), 3, 0, 4);
    private static final String HASH = "0x" + "ab".repeat(32);
    private static final String PARENT = "0x" + "cd".repeat(32);
    private static final String TX = "0x" + "ef".repeat(32);
    private static final String TOPIC = "0x" + "12".repeat(32);
    private static final String ADDRESS = "0x" + "34".repeat(20);

    /** How a node spells a quantity. */
    enum Shape {
        HEX(value -> "\"0x" + Long.toHexString(value) + "\""),
        DECIMAL(value -> "\"" + value + "\""),
        NUMBER(String::valueOf);

        final Function<Long, String> spell;

        Shape(Function<Long, String> spell) {
            this.spell = spell;
        }

        String of(long value) {
            return spell.apply(value);
        }
    }

    private static String block(long number, String numberJson, String timestampJson, String l1Json) {
        return "{\"number\":" + numberJson + ",\"hash\":\"" + HASH + "\",\"parentHash\":\"" + PARENT + "\",\"timestamp\":"
                + timestampJson + (l1Json == null ? "" : ",\"l1BlockNumber\":" + l1Json) + ",\"transactions\":[]}";
    }

    private static String log(String blockNumber, String txIndex, String logIndex) {
        return "{\"address\":\"" + ADDRESS + "\",\"topics\":[\"" + TOPIC + "\"],\"data\":\"0x\",\"blockNumber\":" + blockNumber
                + ",\"blockHash\":\"" + HASH + "\",\"transactionHash\":\"" + TX + "\",\"transactionIndex\":" + txIndex
                + ",\"logIndex\":" + logIndex + ",\"removed\":false}";
    }

    /** Answers every call of a request or batch with {@code result} of its method. */
    private static Function<JsonNode, Answer> answering(Function<JsonNode, String> result) {
        return request -> {
            if (!request.isArray()) {
                return Answer.ok(JsonRpcStub.result(request, result.apply(request)));
            }
            StringBuilder batch = new StringBuilder("[");
            for (JsonNode call : request) {
                batch.append(batch.length() > 1 ? "," : "").append(JsonRpcStub.result(call, result.apply(call)));
            }
            return Answer.ok(batch.append(']').toString());
        };
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void shouldReadEveryQuantityOfAHeaderInAnyShape(Shape shape) throws Exception {
        try (var stub = new JsonRpcStub(answering(call -> {
            long number = Long.decode(call.path("params").get(0).asText());
            return block(number, shape.of(number), shape.of(1_700_000_000L + number), shape.of(19_000_000L + number));
        })); var client = new RpcClient(List.of(stub.url()), FAST)) {
            var headers = client.headers(42161, List.of(51L, 52L));
            assertThat(headers.get(51L)).isEqualTo(new BlockHeader(42161, 51, HASH, PARENT, 1_700_000_051L, 19_000_051L));
            assertThat(headers.get(52L).timestamp()).isEqualTo(1_700_000_052L);
            assertThat(headers.get(52L).l1BlockNumber()).isEqualTo(19_000_052L);
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void shouldReadEveryQuantityOfALogInAnyShape(Shape shape) throws Exception {
        try (var stub = new JsonRpcStub(answering(call -> "[" + log(shape.of(51), shape.of(3), shape.of(7)) + ","
                + log(shape.of(50), shape.of(0), shape.of(300)) + "]"));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            List<RawLog> logs = client.logs(1, 40, 60, List.of(ADDRESS), List.of(TOPIC));
            assertThat(logs).extracting(RawLog::blockNumber, RawLog::txIndex, RawLog::logIndex)
                    .containsExactly(Tuple.tuple(50L, 0, 300), Tuple.tuple(51L, 3, 7));
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void shouldReadTheChainIdAndTheHeadInAnyShape(Shape shape) throws Exception {
        try (var stub = new JsonRpcStub(answering(call -> switch (call.path("method").asText()) {
            case "eth_chainId" -> shape.of(42161);
            case "eth_blockNumber" -> shape.of(1877);
            default -> block(1877, shape.of(1877), shape.of(1_700_000_000L), null);
        })); var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThat(client.chainId()).isEqualTo(42161);
            assertThat(client.headBlock()).isEqualTo(1877);
            assertThat(client.finalizedBlock()).hasValue(1877);
        }
    }

    @Test
    void shouldNameAnUnreadableL1BlockNumberAndNotAskAgainNorAnotherEndpoint() throws Exception {
        for (String bad : new String[] {"\"0xZZ\"", "\"block 5\"", "-5", "1.5", "{\"n\":5}", "true"}) {
            try (var stub = new JsonRpcStub(answering(call -> block(51, "\"0x33\"", "\"0x10\"", bad)));
                 var spare = new JsonRpcStub(answering(call -> block(51, "\"0x33\"", "\"0x10\"", "\"0x1\"")));
                 var client = new RpcClient(List.of(stub.url(), spare.url()), FAST)) {
                assertThatThrownBy(() -> client.headers(42161, List.of(51L))).as(bad)
                        .isInstanceOf(UnreadableFieldException.class)
                        .hasMessageContaining("eth_getBlockByNumber").hasMessageContaining("l1BlockNumber")
                        .hasMessageContaining("block 51").hasMessageContaining("127.0.0.1")
                        .hasMessageNotContaining("SECRET-KEY").hasMessageNotContaining("after retries");
                assertThat(stub.requests()).as(bad).hasSize(1);
                assertThat(spare.requests()).as(bad).isEmpty();
            }
        }
    }

    @Test
    void shouldNameAMissingOrUnreadableHeaderFieldOnTheFirstAttempt() throws Exception {
        String noTimestamp = "{\"number\":\"0x33\",\"hash\":\"" + HASH + "\",\"parentHash\":\"" + PARENT + "\"}";
        String numberedHash = "{\"number\":\"0x33\",\"hash\":51,\"parentHash\":\"" + PARENT + "\",\"timestamp\":\"0x10\"}";
        String otherBlock = block(52, "\"0x34\"", "\"0x10\"", null);
        for (String[] bad : new String[][] {{noTimestamp, "no timestamp of block 51"}, {numberedHash, "hash of block 51"},
                {otherBlock, "number of block 51"}}) {
            try (var stub = new JsonRpcStub(answering(call -> bad[0])); var client = new RpcClient(List.of(stub.url()), FAST)) {
                assertThatThrownBy(() -> client.headers(1, List.of(51L))).isInstanceOf(UnreadableFieldException.class)
                        .hasMessageContaining(bad[1]);
                assertThat(stub.requests()).hasSize(1);
            }
        }
    }

    @Test
    void shouldNameAnUnreadableLogFieldOnTheFirstAttempt() throws Exception {
        for (String[] bad : new String[][] {{log("\"0x33\"", "\"0x0\"", "\"index seven\""), "logIndex of a log of block 51"},
                {log("\"0x33\"", "-1", "\"0x0\""), "transactionIndex of a log of block 51"},
                {log("\"0x33\"", "\"0x0\"", "null"), "no logIndex of a log of block 51"},
                {log("[51]", "\"0x0\"", "\"0x0\""), "blockNumber of a log"}}) {
            try (var stub = new JsonRpcStub(answering(call -> "[" + bad[0] + "]"));
                 var client = new RpcClient(List.of(stub.url()), FAST)) {
                assertThatThrownBy(() -> client.logs(1, 40, 60, List.of(ADDRESS), List.of(TOPIC))).as(bad[1])
                        .isInstanceOf(UnreadableFieldException.class)
                        .hasMessageContaining("eth_getLogs [40, 60]").hasMessageContaining(bad[1])
                        .hasMessageContaining("127.0.0.1").hasMessageNotContaining("after retries");
                assertThat(stub.requests()).as(bad[1]).hasSize(1);
            }
        }
    }

    @Test
    void shouldNameAnUnreadableChainIdAndHead() throws Exception {
        try (var stub = new JsonRpcStub(answering(call -> "{\"id\":42161}")); var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThatThrownBy(client::chainId).isInstanceOf(UnreadableFieldException.class)
                    .hasMessageContaining("eth_chainId").hasMessageContaining("chain id");
            assertThatThrownBy(client::headBlock).isInstanceOf(UnreadableFieldException.class)
                    .hasMessageContaining("eth_blockNumber");
            assertThat(stub.requests()).hasSize(2);
        }
    }

    @Test
    void shouldStillRetryABodyCutShort() throws Exception {
        String full = JsonRpcStub.result(JsonRpcStub.JSON.readTree("{\"id\":1}"), "[" + log("\"0x33\"", "\"0x0\"", "\"0x1\"") + "]");
        AtomicInteger seen = new AtomicInteger();
        try (var stub = new JsonRpcStub(request -> seen.getAndIncrement() == 0
                ? Answer.ok(full.substring(0, full.length() / 2))
                : Answer.ok(JsonRpcStub.result(request, "[" + log("\"0x33\"", "\"0x0\"", "\"0x1\"") + "]")));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThat(client.logs(1, 40, 60, List.of(ADDRESS), List.of(TOPIC))).hasSize(1);
            assertThat(stub.requests()).hasSize(2);
        }
    }
}
