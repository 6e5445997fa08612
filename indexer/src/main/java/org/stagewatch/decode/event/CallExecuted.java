package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * OZ TimelockController executed one call of operation {@code id}.
 */
public record CallExecuted(RawLog log, String id, BigInteger index, String target, BigInteger value, String data
        ) implements DecodedEvent {
}
