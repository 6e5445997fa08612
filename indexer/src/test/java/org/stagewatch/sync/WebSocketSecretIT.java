package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.stagewatch.devnet.AnvilNode;

/**
 * A chain whose ws:// URL holds secrets in its user info, path and query, and whose WebSocket endpoint is dead:
 * `index --follow` reconnects again and again, and not one byte it prints (stdout and stderr, every logger, every
 * library) carries any part of the URL after the host.
 */
class WebSocketSecretIT {
    @Test
    void shouldPrintNothingOfAWebSocketUrlAfterItsHostWhileReconnecting() throws Exception {
        Path dir = Files.createTempDirectory("stagewatch-ws-secret-it");
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort(); // closed again: connections to it are refused
        }
        try (AnvilNode node = AnvilNode.start(31337)) {
            Path config = dir.resolve("secret.yml");
            Files.writeString(config, """
                    chains:
                      devnet:
                        chainId: 31337
                        rpc: ["%s", "ws://alice:PASSWORDSECRET@127.0.0.1:%d/ws/KEYSECRET?token=TOKENSECRET&x=QUERYSECRET"]
                    daos:
                      demo:
                        contracts:
                          - { kind: votes-token, chain: devnet, address: "0x0000000000000000000000000000000000000001", startBlock: 0 }
                    """.formatted(node.rpcUrl(), deadPort));
            Path printed = dir.resolve("printed.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process index = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "org.stagewatch.cli.StagewatchCommand", "index", "--follow", "--config", config.toString(),
                    "--db", dir.resolve("secret.db").toString()))
                    .redirectErrorStream(true).redirectOutput(printed.toFile()).start();
            try {
                // reconnects after 0.5, 1, 2 and 4 s: wait for the third attempt to have been reported
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (count(Files.readString(printed), "dropped") < 3 && index.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            } finally {
                index.destroy(); // SIGTERM: the follower stops as it would on Ctrl-C
                index.waitFor(20, TimeUnit.SECONDS);
                index.destroyForcibly();
            }
            String output = new String(Files.readAllBytes(printed), StandardCharsets.UTF_8);
            assertThat(count(output, "newHeads subscription at ws://…@127.0.0.1:" + deadPort + "/… dropped")).as(output)
                    .isGreaterThanOrEqualTo(3);
            assertThat(output.toUpperCase(Locale.ROOT)).as(output).doesNotContain("SECRET");
            assertThat(output).as(output).doesNotContain("alice").doesNotContain("/ws").doesNotContain("token=")
                    .doesNotContain("\tat ");
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
