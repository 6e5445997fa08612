package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stagewatch.chain.JsonRpcStub.Answer;

/** eth_getCode through the client, and the answers of nodes that no longer hold an old block's state. */
class StateUnavailableTest {
    private static final RpcSettings FAST = new RpcSettings(Duration.ofMillis(500), 2, 0, 4);
    private static final String ADDRESS = "0x912CE59144191C1204E64559FE8253a0e49E6548";

    /** Error messages of pruned nodes, as their clients word them. */
    private static final List<String> PRUNED = List.of(
            // geth (hash scheme) and its forks (bor, bsc), for a block older than the 128 it keeps
            "missing trie node b03d68ac51042467d7637d4ef9e1c52370abc410f263166965cb1e280b1f6d17 (path )",
            "missing trie node c6ebfa185e24077a555f06caaf4b78d9e0ae9dcb7a693ec753e856f49f55c85c (path ) state 0xc6eb is not available, not found",
            // geth (path scheme)
            "historical state not available in path scheme yet",
            // OpenEthereum
            "This request is not supported because your node is running with state pruning. Run with --pruning=archive.",
            // anvil --prune-history
            "BlockOutOfRangeError: block height is 512 but requested was 5");

    @Test
    void shouldRecogniseThePrunedStateAnswersOfCommonNodes() {
        assertThat(PRUNED).allSatisfy(message -> assertThat(StateUnavailableException.isStatePruned(message)).as(message).isTrue());
    }

    @Test
    void shouldNotTakeOtherErrorsForPrunedState() {
        assertThat(StateUnavailableException.isStatePruned("execution reverted")).isFalse();
        assertThat(StateUnavailableException.isStatePruned("invalid argument 0: hex string without 0x prefix")).isFalse();
        // a block above the head is not pruned state
        assertThat(StateUnavailableException.isStatePruned("BlockOutOfRangeError: block height is 512 but requested was 1048576")).isFalse();
    }

    @Test
    void shouldPassOtherJsonRpcErrorsOnAsTheyAre() throws Exception {
        try (var stub = new JsonRpcStub(request -> Answer.ok(JsonRpcStub.error(request, -32602, "invalid address")));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThatThrownBy(() -> client.code(ADDRESS, 5)).isInstanceOf(RpcException.class)
                    .isNotInstanceOf(StateUnavailableException.class).hasMessageContaining("invalid address");
        }
    }

    @Test
    void shouldReadCodeAtABlock() throws Exception {
        try (var stub = new JsonRpcStub(request -> Answer.ok(JsonRpcStub.result(request,
                request.path("params").path(1).asText().equals("0x64") ? "\"0x6080\"" : "\"0x\"")));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThat(client.code(ADDRESS, 100)).isEqualTo("0x6080");
            assertThat(client.code(ADDRESS, 99)).isEqualTo("0x");
            assertThat(stub.requests()).extracting(request -> request.path("method").asText()).containsOnly("eth_getCode");
        }
    }

    @Test
    void shouldRaiseStateUnavailableForAPrunedNodeWithoutRetrying() throws Exception {
        try (var stub = new JsonRpcStub(request -> Answer.ok(JsonRpcStub.error(request, -32000, PRUNED.get(0))));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThatThrownBy(() -> client.code(ADDRESS, 5))
                    .isInstanceOfSatisfying(StateUnavailableException.class, e -> assertThat(e.block()).isEqualTo(5))
                    .hasMessageContaining("missing trie node").hasMessageContaining("block 5").hasMessageNotContaining("SECRET-KEY");
            assertThat(stub.requests()).hasSize(1);
        }
    }
}
