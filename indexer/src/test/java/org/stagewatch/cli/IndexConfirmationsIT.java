package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.devnet.AnvilNode;
import picocli.CommandLine;

/**
 * {@code index} on a chain with {@code confirmations} says where it stopped and how far below the head, so a
 * devnet's last blocks are not skipped in silence; with {@code --to} below that point it says nothing of it.
 */
class IndexConfirmationsIT {
    @TempDir
    Path dir;

    @Test
    void shouldSayHowManyBlocksItLeftForConfirmations() throws Exception {
        try (AnvilNode node = AnvilNode.start(31_347)) {
            node.mine(20);
            Path config = dir.resolve("confirmations.yml");
            Files.writeString(config, """
                    chains:
                      local:
                        chainId: 31347
                        rpc: %s
                        confirmations: 12
                    daos:
                      dao:
                        contracts:
                          - {kind: ownable, chain: local, address: "0x00000000000000000000000000000000000000aa", startBlock: 0}
                    """.formatted(node.rpcUrl()));
            String db = dir.resolve("c.db").toString();
            long head = node.blockNumber();
            String err = index("index", "--config", config.toString(), "--db", db);
            assertThat(err).contains("local: stopped at block %,d, 12 blocks below the head %,d (confirmations: 12)"
                    .formatted(head - 12, head));

            String below = index("index", "--config", config.toString(), "--db", dir.resolve("d.db").toString(), "--to", "3");
            assertThat(below).doesNotContain("blocks below the head");
        }
    }

    private static String index(String... args) {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = new CommandLine(new StagewatchCommand());
            assertThat(StagewatchCommand.execute(commandLine, args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setErr(originalErr);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
