package org.stagewatch.chain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's answer that it no longer holds the state of an old block: it prunes history (a full node,
 * not an archive node). Recognised from the error messages clients and providers send for a state read
 * (eth_getCode, eth_call, eth_getStorageAt) at a block they have pruned.
 */
public final class StateUnavailableException extends RpcException {
    /**
     * Phrases of "state pruned" answers: geth and its forks ("missing trie node …", path scheme
     * "historical state … is not available"), reth ("state at block #N is pruned"), OpenEthereum
     * ("running with state pruning"), providers without archive access ("… archive …").
     */
    private static final List<String> PHRASES = List.of("missing trie node", "historical state", "is pruned",
            "state pruning", "pruned history", "archive");

    /** anvil with --prune-history: "BlockOutOfRangeError: block height is 512 but requested was 5" (below the height). */
    private static final Pattern OUT_OF_RANGE = Pattern.compile("block height is (\\d+) but requested was (\\d+)");

    private final long block;

    public StateUnavailableException(String message, long block) {
        super(message);
        this.block = block;
    }

    /** The block whose state was asked for. */
    public long block() {
        return block;
    }

    /** Whether a JSON-RPC error message says the node does not hold the state of an old block. */
    public static boolean isStatePruned(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (PHRASES.stream().anyMatch(lower::contains)) {
            return true;
        }
        Matcher outOfRange = OUT_OF_RANGE.matcher(lower);
        return outOfRange.find() && Long.parseLong(outOfRange.group(2)) < Long.parseLong(outOfRange.group(1));
    }
}
