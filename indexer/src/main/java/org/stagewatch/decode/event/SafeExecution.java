package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * Safe ExecutionSuccess / ExecutionFailure of an owner-signed transaction.
 *
 * @param safeVersion "1.3" (txHash in data) or "1.4" (indexed)
 */
public record SafeExecution(RawLog log, String safeVersion, String txHash, BigInteger payment, boolean success
        ) implements DecodedEvent {
}
