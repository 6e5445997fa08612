package org.stagewatch.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * One anvil process on a free loopback port, with its temporary folder (state cache and log).
 * Owns the process: {@link #close()} (or the JVM's shutdown hook, if the caller forgets) kills anvil
 * itself by its own PID and deletes the folder. An instance is only handed out once
 * {@code eth_chainId} answered with the requested id, so nothing is ever sent to a stranger's node.
 */
public final class AnvilNode implements AutoCloseable {
    private final long chainId;
    private final Process process;
    private final Path tempDir;
    private final String rpcUrl;
    private final Web3j web3j;
    private final AnvilRpc rpc;
    private final Thread shutdownHook;

    private AnvilNode(long chainId, Process process, Path tempDir, int port) {
        this.chainId = chainId;
        this.process = process;
        this.tempDir = tempDir;
        this.rpcUrl = "http://127.0.0.1:" + port;
        // okhttp's 10 s default read timeout is too short for anvil_mine of a few thousand blocks (~250/s).
        HttpService service = new HttpService(rpcUrl, HttpService.getOkHttpClientBuilder()
                .readTimeout(Duration.ofMinutes(10)).build());
        this.web3j = Web3j.build(service);
        this.rpc = new AnvilRpc(service);
        this.shutdownHook = new Thread(this::stopProcess, "anvil-" + process.pid() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static AnvilNode start(long chainId) {
        return start(chainId, AnvilOptions.defaults());
    }

    public static AnvilNode start(long chainId, AnvilOptions options) {
        Path binary = AnvilBinary.locate();
        Path folder;
        try {
            folder = Files.createTempDirectory("stagewatch-anvil-");
        } catch (IOException e) {
            throw new UncheckedIOException("creating anvil's temporary folder", e);
        }
        int port = AnvilLauncher.freeLoopbackPort();
        Process process;
        try {
            process = AnvilLauncher.launch(binary, chainId, port, folder, options);
        } catch (RuntimeException e) {
            TempFiles.deleteRecursively(folder);
            throw e;
        }
        AnvilNode node = new AnvilNode(chainId, process, folder, port);
        try {
            node.rpc.awaitChainId(chainId, options.startupTimeout(), process, node.logFile());
            if (options.blockIntervalSeconds() != null) {
                node.call("anvil_setBlockTimestampInterval", options.blockIntervalSeconds());
            }
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    public long chainId() {
        return chainId;
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    public Web3j web3j() {
        return web3j;
    }

    /** anvil's output; deleted with its folder on {@link #close()}. */
    public Path logFile() {
        return tempDir.resolve("anvil.log");
    }

    /** anvil's own process id (not a wrapper's). */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Raw JSON-RPC for methods web3j does not know (anvil_*, evm_*). */
    public Object call(String method, Object... params) {
        return rpc.call(method, params);
    }

    /** Mines {@code blocks} blocks at once (anvil_mine); the first includes pending transactions. */
    public void mine(long blocks) {
        call("anvil_mine", Numeric.toHexStringWithPrefix(BigInteger.valueOf(blocks)));
    }

    /** Moves the clock forward; ignored by anvil while a block timestamp interval is set (use {@link #setNextBlockTimestamp}). */
    public void increaseTime(long seconds) {
        call("evm_increaseTime", seconds);
    }

    /** The timestamp of the next mined block (then the interval, if any, continues from it). */
    public void setNextBlockTimestamp(long epochSeconds) {
        call("evm_setNextBlockTimestamp", epochSeconds);
    }

    /** The latest block's timestamp, in seconds. */
    public long latestTimestamp() {
        @SuppressWarnings("unchecked")
        Map<String, Object> block = (Map<String, Object>) call("eth_getBlockByNumber", "latest", false);
        return Numeric.decodeQuantity((String) block.get("timestamp")).longValueExact();
    }

    public void setAutomine(boolean automine) {
        call("evm_setAutomine", automine);
    }

    public String snapshot() {
        return (String) call("evm_snapshot");
    }

    public boolean revert(String snapshotId) {
        return Boolean.TRUE.equals(call("evm_revert", snapshotId));
    }

    public void setBalance(String address, BigInteger wei) {
        call("anvil_setBalance", address, Numeric.toHexStringWithPrefix(wei));
    }

    public long blockNumber() {
        return rpc.blockNumber();
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: nothing left to unregister
        }
        web3j.shutdown();
        TempFiles.deleteRecursively(tempDir);
    }

    private void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
