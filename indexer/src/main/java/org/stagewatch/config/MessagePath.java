package org.stagewatch.config;

/**
 * An L2→L1 message path (Arbitrum's outbox, Optimism's portal): what contract {@code from} on chain
 * {@code fromChain} sends arrives on {@code toChain} with {@code msg.sender} = {@code sender}, no
 * earlier than {@code delaySeconds} later (the challenge period or proof maturity).
 *
 * @param from   EIP-55 checksummed address of the sending contract (a configured contract of the DAO)
 * @param sender EIP-55 checksummed address the message arrives as (Arbitrum: the Bridge, whose
 *               {@code l2ToL1Sender} the receiving timelock checks)
 */
public record MessagePath(String fromChain, String from, String toChain, String sender, long delaySeconds,
                          String label) {
}
