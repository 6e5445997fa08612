package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.store.BlockHeader;

/**
 * Headers of a real anvil run as Arbitrum One (chain id 42161), which sends {@code l1BlockNumber} as a JSON
 * number where Arbitrum's own nodes send a hex string: every header is read, and its numbers are the node's own.
 */
class ArbitrumHeaderIT {
    @Test
    void shouldReadTheHeadersOfANodeThatSendsL1BlockNumberAsAJsonNumber() {
        try (AnvilNode node = AnvilNode.start(42161); RpcClient client = new RpcClient(node.rpcUrl())) {
            node.mine(12);
            long head = client.headBlock();
            assertThat(head).isEqualTo(node.blockNumber());
            Map<Long, BlockHeader> headers = client.headers(42161, List.of(1L, 5L, head));
            for (long number : List.of(1L, 5L, head)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> raw = (Map<String, Object>) node.call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
                assertThat(raw.get("l1BlockNumber")).as("anvil's shape").isInstanceOf(Number.class);
                BlockHeader header = headers.get(number);
                assertThat(header.l1BlockNumber()).isEqualTo(((Number) raw.get("l1BlockNumber")).longValue());
                assertThat(header.timestamp()).isEqualTo(Long.decode((String) raw.get("timestamp")));
                assertThat(header.hash()).isEqualTo(raw.get("hash"));
                assertThat(header.parentHash()).isEqualTo(raw.get("parentHash"));
            }
        }
    }
}
