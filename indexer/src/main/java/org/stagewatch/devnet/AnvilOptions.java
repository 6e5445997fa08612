package org.stagewatch.devnet;

import java.time.Duration;
import java.util.List;

/**
 * How {@link AnvilNode} starts anvil.
 *
 * @param blockGasLimit        {@code --gas-limit}; null keeps anvil's default (30M)
 * @param maxPersistedStates   old states anvil keeps on disk, so {@code eth_call} at old blocks keeps working
 * @param blockIntervalSeconds each block's timestamp = its parent's + this (anvil_setBlockTimestampInterval), so
 *                             timestamps strictly increase as on a real chain even when many blocks are mined in
 *                             a second; null keeps anvil's wall-clock timestamps
 * @param startupTimeout       how long to wait for {@code eth_chainId}
 * @param extraArgs            appended to anvil's command line as they are
 */
public record AnvilOptions(Long blockGasLimit, int maxPersistedStates, Integer blockIntervalSeconds,
                           Duration startupTimeout, List<String> extraArgs) {
    public AnvilOptions {
        extraArgs = List.copyOf(extraArgs);
    }

    /** anvil's gas limit, 100k persisted states, 12 s blocks, 30 s to start. */
    public static AnvilOptions defaults() {
        return new AnvilOptions(null, 100_000, 12, Duration.ofSeconds(30), List.of());
    }

    public AnvilOptions withBlockGasLimit(long gasLimit) {
        return new AnvilOptions(gasLimit, maxPersistedStates, blockIntervalSeconds, startupTimeout, extraArgs);
    }

    public AnvilOptions withBlockIntervalSeconds(Integer seconds) {
        return new AnvilOptions(blockGasLimit, maxPersistedStates, seconds, startupTimeout, extraArgs);
    }

    public AnvilOptions withExtraArgs(String... args) {
        return new AnvilOptions(blockGasLimit, maxPersistedStates, blockIntervalSeconds, startupTimeout, List.of(args));
    }
}
