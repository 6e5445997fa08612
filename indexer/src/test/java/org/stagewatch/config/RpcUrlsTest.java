package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** URLs as logs and messages show them: cut after the host, wherever they stand in a line. */
class RpcUrlsTest {
    @Test
    void shouldCutAUrlAfterItsHost() {
        assertThat(RpcUrls.redact("https://arb-mainnet.g.alchemy.com/v2/KEY")).isEqualTo("https://arb-mainnet.g.alchemy.com/…");
        assertThat(RpcUrls.redact("wss://user:pass@node.example:8546/ws?token=t")).isEqualTo("wss://…@node.example:8546/…");
        assertThat(RpcUrls.redact("http://127.0.0.1:8545")).isEqualTo("http://127.0.0.1:8545");
    }

    @Test
    void shouldCutEveryUrlInALine() {
        assertThat(RpcUrls.redactAll("connection to ws://a:b@h:1/ws/KEY?token=T failed; retrying https://x.io/v3/K2 (\"http://y/Z\")"))
                .isEqualTo("connection to ws://…@h:1/… failed; retrying https://x.io/… (\"http://y/…\")");
        assertThat(RpcUrls.redactAll("no url here")).isEqualTo("no url here");
    }
}
