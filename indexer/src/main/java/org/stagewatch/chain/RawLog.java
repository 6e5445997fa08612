package org.stagewatch.chain;

import java.util.Comparator;
import java.util.List;

/**
 * A log exactly as the node returned it: the record stored once (packed per block in
 * {@code raw_log_blocks}), from which every projected table can be rebuilt without refetching.
 *
 * <p>Hex strings are lower case with a {@code 0x} prefix; {@code address} is the emitter.
 *
 * @param topics topic0 first; 0 to 4 entries
 * @param data   the ABI-encoded non-indexed parameters ({@code 0x} when empty)
 */
public record RawLog(
        long chainId, long blockNumber, String blockHash, String txHash, int txIndex, int logIndex,
        String address, List<String> topics, String data) {

    public RawLog {
        topics = List.copyOf(topics);
    }

    public String topic0() {
        return topics.isEmpty() ? null : topics.get(0);
    }

    /** Orders logs the way the chain does: (block, logIndex). */
    public static final Comparator<RawLog> CHAIN_ORDER =
            Comparator.comparingLong(RawLog::blockNumber).thenComparingInt(RawLog::logIndex);
}
