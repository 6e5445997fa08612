package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * Compound Timelock QueueTransaction / ExecuteTransaction / CancelTransaction.
 *
 * @param action    "queued", "executed" or "cancelled"
 * @param signature the function signature; empty when {@code data} carries the selector
 */
public record TimelockTransaction(RawLog log, String action, String txHash, String target, BigInteger value,
        String signature, String data, BigInteger eta) implements DecodedEvent {
}
