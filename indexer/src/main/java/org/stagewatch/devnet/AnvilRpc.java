package org.stagewatch.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/**
 * Untyped JSON-RPC to one anvil node, for the methods web3j has no type for (anvil_*, evm_*), and the
 * startup handshake. Results come back as Jackson decoded them: String, Boolean, Map or List.
 */
final class AnvilRpc {
    /** web3j needs a concrete class per response shape; {@code Object} takes any JSON result. */
    public static final class RawResponse extends Response<Object> {
    }

    private final Web3jService service;

    AnvilRpc(Web3jService service) {
        this.service = service;
    }

    Object call(String method, Object... params) {
        try {
            RawResponse response = new Request<>(method, Arrays.asList(params), service, RawResponse.class).send();
            if (response.hasError()) {
                throw new DevnetException(method + " failed: " + response.getError().getMessage());
            }
            return response.getResult();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " failed", e);
        }
    }

    long blockNumber() {
        return Numeric.decodeQuantity((String) call("eth_blockNumber")).longValueExact();
    }

    /**
     * Waits until the node answers {@code eth_chainId} with {@code expected}. Fails fast when anvil
     * exits, and on a different id (another node answers on the port), quoting anvil's log.
     */
    void awaitChainId(long expected, Duration timeout, Process process, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DevnetException("anvil exited with code " + process.exitValue() + " before answering;"
                        + " end of " + log + ":\n" + TempFiles.tail(log, 20));
            }
            try {
                RawResponse response = new Request<>("eth_chainId", List.of(), service, RawResponse.class).send();
                long actual = Numeric.decodeQuantity((String) response.getResult()).longValueExact();
                if (actual != expected) {
                    throw new DevnetException("the node on " + service + " answered chain id " + actual
                            + ", not " + expected + ": another node holds the port");
                }
                return;
            } catch (IOException notListeningYet) {
                sleep();
            }
        }
        throw new DevnetException("anvil did not answer eth_chainId within " + timeout.toSeconds() + " s;"
                + " end of " + log + ":\n" + TempFiles.tail(log, 20));
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevnetException("interrupted while waiting for anvil");
        }
    }
}
