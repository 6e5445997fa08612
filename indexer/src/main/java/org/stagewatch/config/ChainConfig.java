package org.stagewatch.config;

import java.util.List;

/**
 * One chain as the config names it.
 *
 * @param name             the key under {@code chains:} (e.g. {@code arb1}); contracts refer to it
 * @param chainId          the id the RPC must report; a mismatch is refused before anything is written
 * @param rpcUrls          one or more endpoints, first preferred, the rest for failover
 * @param confirmations    blocks behind the head that a backfill stops at (0 = up to the head)
 * @param maxBlockRange    the eth_getLogs range a backfill starts from (adapted at run time)
 * @param finalityDepth    blocks behind the head after which a block is final when the node has no
 *                         {@code finalized} tag; null = the chain's default ({@link #finalityDepthOrDefault()})
 * @param pollIntervalMs   how often {@code --follow} asks for new blocks over HTTP
 * @param timeoutSeconds   per-request timeout
 * @param maxRetries       retries of a transient failure before the next endpoint is tried
 * @param requestsPerSecond per-endpoint rate limit (0 = none)
 * @param maxConcurrency   per-endpoint requests in flight to start from (adapted at run time)
 * @param parent           the key of the chain this one settles on (an L2's L1), or null; a contract A on the
 *                         parent acts on this chain as alias(A) (DESIGN.md §6)
 * @param probeInterval    the most blocks between two readings of a declared probe ({@code stage.probes}) on this
 *                         chain, besides the readings at the DAO's first block and at each of its control changes
 */
public record ChainConfig(String name, long chainId, List<String> rpcUrls, int confirmations, int maxBlockRange,
                          Integer finalityDepth, int pollIntervalMs, int timeoutSeconds, int maxRetries,
                          int requestsPerSecond, int maxConcurrency, String parent, long probeInterval) {
    public static final int DEFAULT_MAX_BLOCK_RANGE = 2_000;
    public static final int DEFAULT_POLL_INTERVAL_MS = 2_000;
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MAX_RETRIES = 6;
    public static final int DEFAULT_MAX_CONCURRENCY = 4;
    public static final long DEFAULT_PROBE_INTERVAL = 1_000;

    public ChainConfig {
        rpcUrls = List.copyOf(rpcUrls);
    }

    /** A chain with default sync and RPC settings. */
    public ChainConfig(String name, long chainId, List<String> rpcUrls, int confirmations, int maxBlockRange) {
        this(name, chainId, rpcUrls, confirmations, maxBlockRange, null, DEFAULT_POLL_INTERVAL_MS,
                DEFAULT_TIMEOUT_SECONDS, DEFAULT_MAX_RETRIES, 0, DEFAULT_MAX_CONCURRENCY, null);
    }

    /** A chain with the default probe interval. */
    public ChainConfig(String name, long chainId, List<String> rpcUrls, int confirmations, int maxBlockRange,
                       Integer finalityDepth, int pollIntervalMs, int timeoutSeconds, int maxRetries,
                       int requestsPerSecond, int maxConcurrency, String parent) {
        this(name, chainId, rpcUrls, confirmations, maxBlockRange, finalityDepth, pollIntervalMs, timeoutSeconds,
                maxRetries, requestsPerSecond, maxConcurrency, parent, DEFAULT_PROBE_INTERVAL);
    }

    /** A chain that settles on no other. */
    public ChainConfig(String name, long chainId, List<String> rpcUrls, int confirmations, int maxBlockRange,
                       Integer finalityDepth, int pollIntervalMs, int timeoutSeconds, int maxRetries,
                       int requestsPerSecond, int maxConcurrency) {
        this(name, chainId, rpcUrls, confirmations, maxBlockRange, finalityDepth, pollIntervalMs, timeoutSeconds,
                maxRetries, requestsPerSecond, maxConcurrency, null);
    }

    /**
     * Reorg depth to keep unfinalized headers for, when the node does not answer the {@code finalized}
     * tag: Ethereum 65 (two epochs), Arbitrum One 240, OP Mainnet 30, anything else 64.
     */
    public int finalityDepthOrDefault() {
        if (finalityDepth != null) {
            return finalityDepth;
        }
        return switch ((int) chainId) {
            case 1 -> 65;
            case 42161 -> 240;
            case 10 -> 30;
            default -> 64;
        };
    }
}
