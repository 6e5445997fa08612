package org.stagewatch.store;

/**
 * The position of a chain's sync: every log up to and including {@code blockNumber} (whose hash was
 * {@code blockHash}) is indexed. Written in the same transaction as the rows it covers. Stored as
 * one row of {@code sync_checkpoints}, e.g. {@code (42161, 250000123, 0xab…, 2026-11-21T09:00:00Z)}.
 */
public record Checkpoint(long chainId, long blockNumber, String blockHash) {
}
