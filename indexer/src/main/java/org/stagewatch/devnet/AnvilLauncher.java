package org.stagewatch.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds anvil's command line and starts the binary, its output going to a log file in its folder. */
final class AnvilLauncher {
    private AnvilLauncher() {
    }

    static Process launch(Path binary, long chainId, int port, Path folder, AnvilOptions options) {
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Long.toString(chainId),
                "--hardfork", "cancun",
                // Inside our folder, deleted on close: the default ~/.foundry/anvil/tmp grew to tens of GB.
                "--cache-path", folder.resolve("cache").toString(),
                // Arrival order inside a block, not fees: a replayed scenario builds the same blocks.
                "--order", "fifo"));
        if (!options.extraArgs().contains("--prune-history")) {
            // Keep old states unless the caller prunes (anvil refuses both): the indexer's tests eth_call old blocks.
            command.addAll(List.of("--max-persisted-states", Integer.toString(options.maxPersistedStates())));
        }
        if (options.blockGasLimit() != null) {
            command.addAll(List.of("--gas-limit", options.blockGasLimit().toString()));
        }
        command.addAll(options.extraArgs());
        try {
            return new ProcessBuilder(command).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("anvil.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + binary, e);
        }
    }

    /** Binds port 0 to let the kernel pick; the chain-id handshake catches the rare race for it. */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free loopback port", e);
        }
    }
}
