package org.stagewatch.store;

/**
 * A block header as stored: number, hash, parent hash, timestamp (seconds) and, on Arbitrum, the
 * L1 block number the RPC reports for it ({@code null} elsewhere).
 */
public record BlockHeader(long chainId, long number, String hash, String parentHash, long timestamp, Long l1BlockNumber) {
}
