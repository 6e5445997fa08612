package org.stagewatch.store;

/**
 * A value read from the chain with eth_call (e.g. a governor's {@code quorum(snapshot)}), stored with
 * the block it describes so that {@code analyze} never calls the chain.
 *
 * @param args  the call's arguments as text ("" when none), part of the key
 * @param value the decoded result as text (decimal for integers, lower-case hex for addresses)
 */
public record StateRead(long chainId, String address, String name, String args, String value, long blockNumber) {
}
