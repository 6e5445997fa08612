package org.stagewatch.store;

/**
 * The state reads a committed range still owes (V10 {@code owed_reads}): the sync's eth_call readers have not yet
 * run at {@code blockNumber}, whose header is stored. Written in the transaction that commits the range, deleted
 * once the readings are stored, so a run stopped in between leaves the debt for the next run to settle.
 *
 * @param runEnd whether the block was the last of a run, whose end-of-run readings (a token's supply at its
 *               clock) are owed too
 */
public record OwedRead(long chainId, long blockNumber, boolean runEnd) {
}
