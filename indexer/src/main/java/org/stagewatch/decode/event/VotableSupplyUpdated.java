package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * Optimism's VotableSupplyOracle: the supply OP quorum is computed from.
 *
 * @param checkpointBlock null for VotableSupplyUpdated (a new checkpoint at this log's block); the corrected
 *                        checkpoint's block for VotableSupplyCheckpointUpdated
 */
public record VotableSupplyUpdated(RawLog log, BigInteger checkpointBlock, BigInteger previousSupply,
        BigInteger newSupply) implements DecodedEvent {
}
