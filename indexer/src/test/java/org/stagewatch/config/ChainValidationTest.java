package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.config.ConfigFixture.validWith;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks on each chain: RPC endpoints, chain ids and the block counts. */
class ChainValidationTest {
    private static final String URL_REMEDY = "(expected an http://, https://, ws:// or wss:// URL, e.g. http://localhost:8545)";

    @TempDir
    Path directory;
    ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(directory);
    }

    @Test
    void rejectsAChainWithoutRpc() {
        assertThat(fixture.problems(validWith("    rpc: https://arb1.example/rpc\n", ""))).containsExactly(
                "chains.arb1.rpc: missing required key 'rpc' (an RPC URL or a list of them, e.g. rpc: ${ARBITRUM_RPC_URL})");
    }

    @Test
    void rejectsAnRpcKeyWithNoValue() {
        assertThat(fixture.problems(validWith("rpc: https://arb1.example/rpc", "rpc:"))).containsExactly(
                "chains.arb1.rpc: missing required key 'rpc' (an RPC URL or a list of them, e.g. rpc: ${ARBITRUM_RPC_URL})");
    }

    @Test
    void rejectsAnEmptyRpcString() {
        assertThat(fixture.problems(validWith("rpc: https://arb1.example/rpc", "rpc: \"\""))).containsExactly(
                "chains.arb1.rpc: empty rpc (give an RPC URL, e.g. rpc: ${ARBITRUM_RPC_URL}, or a list of them)");
    }

    @Test
    void rejectsAnEmptyRpcList() {
        assertThat(fixture.problems(validWith("rpc: https://arb1.example/rpc", "rpc: []"))).containsExactly(
                "chains.arb1.rpc: empty rpc (give an RPC URL, e.g. rpc: ${ARBITRUM_RPC_URL}, or a list of them)");
    }

    @Test
    void rejectsAnRpcUrlThatIsNotHttpOrWebSocket() {
        assertThat(fixture.problems(validWith("rpc: https://arb1.example/rpc", "rpc: ftp://arb1.example/rpc")))
                .containsExactly("chains.arb1.rpc: unsupported RPC URL 'ftp://arb1.example/…' " + URL_REMEDY);
    }

    @Test
    void namesTheListIndexOfABadFailoverUrl() {
        assertThat(fixture.problems(validWith("wss://eth-b.example/ws", "tcp://eth-b.example:8546")))
                .containsExactly("chains.eth.rpc[1]: unsupported RPC URL 'tcp://eth-b.example:8546' " + URL_REMEDY);
    }

    @Test
    void rejectsAnRpcUrlWithoutScheme() {
        assertThat(fixture.problems(validWith("rpc: https://arb1.example/rpc", "rpc: localhost:8545")))
                .containsExactly("chains.arb1.rpc: unsupported RPC URL 'localhost:8545' " + URL_REMEDY);
    }

    @Test
    void keepsApiKeysInTheUrlOutOfTheMessage() {
        String yaml = validWith("rpc: https://arb1.example/rpc", "rpc: \"htps://user:pa55@arb1.example/v2/s3cr3t-key?x=1\"");
        assertThat(fixture.problems(yaml)).containsExactly("chains.arb1.rpc: unsupported RPC URL 'htps://…@arb1.example/…' " + URL_REMEDY);
    }

    @Test
    void rejectsNegativeConfirmations() {
        assertThat(fixture.problems(validWith("confirmations: 2", "confirmations: -1"))).containsExactly(
                "chains.eth.confirmations: negative confirmations -1 (expected a whole number of blocks ≥ 0 to stay behind the head; omit it for 0)");
    }

    @Test
    void rejectsAZeroMaxBlockRange() {
        assertThat(fixture.problems(validWith("confirmations: 2", "maxBlockRange: 0"))).containsExactly(
                "chains.eth.maxBlockRange: non-positive maxBlockRange 0"
                        + " (expected a whole number of blocks > 0 for the first eth_getLogs range; omit it for 2000)");
    }

    @Test
    void rejectsANegativeMaxBlockRange() {
        assertThat(fixture.problems(validWith("confirmations: 2", "maxBlockRange: -500"))).containsExactly(
                "chains.eth.maxBlockRange: negative maxBlockRange -500"
                        + " (expected a whole number of blocks > 0 for the first eth_getLogs range; omit it for 2000)");
    }

    @Test
    void rejectsAZeroChainId() {
        assertThat(fixture.problems(validWith("chainId: 1", "chainId: 0")))
                .containsExactly("chains.eth.chainId: non-positive chainId 0 (expected a positive chain id, e.g. 42161 for Arbitrum One)");
    }

    @Test
    void rejectsTheSameChainIdUnderTwoKeys() {
        assertThat(fixture.problems(validWith("chainId: 1", "chainId: 42161"))).containsExactly(
                "chains.eth.chainId: duplicate chainId 42161, also under chains.arb1"
                        + " (declare each chain once; list several URLs under rpc for failover)");
    }

    @Test
    void rejectsAChainKeyWithASpace() {
        String yaml = validWith("  eth:\n", "  eth mainnet:\n").replace("chain: eth", "chain: eth mainnet");
        assertThat(fixture.problems(yaml))
                .containsExactly("chains.eth mainnet: invalid chain key 'eth mainnet' (use letters, digits, '-' and '_')");
    }
}
