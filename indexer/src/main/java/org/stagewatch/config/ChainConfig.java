package org.stagewatch.config;

import java.util.List;

/**
 * One chain as the config names it.
 *
 * @param name          the key under {@code chains:} (e.g. {@code arb1}); contracts refer to it
 * @param chainId       the id the RPC must report; a mismatch is refused before anything is written
 * @param rpcUrls       one or more endpoints, first preferred, the rest for failover
 * @param confirmations blocks behind the head that a backfill stops at (0 = up to the head)
 * @param maxBlockRange the eth_getLogs range a backfill starts from (adapted at run time)
 * @param parent        the key of the chain this one settles on (an L2's L1), or null; a contract A on the
 *                      parent acts on this chain as alias(A) (DESIGN.md §6)
 */
public record ChainConfig(String name, long chainId, List<String> rpcUrls, int confirmations, int maxBlockRange,
                          String parent) {
    public static final int DEFAULT_MAX_BLOCK_RANGE = 2_000;

    public ChainConfig {
        rpcUrls = List.copyOf(rpcUrls);
    }

    /** A chain that settles on no other. */
    public ChainConfig(String name, long chainId, List<String> rpcUrls, int confirmations, int maxBlockRange) {
        this(name, chainId, rpcUrls, confirmations, maxBlockRange, null);
    }
}
