package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * OZ TimelockController scheduled one call of operation {@code id} ({@code index} within a batch).
 */
public record CallScheduled(RawLog log, String id, BigInteger index, String target, BigInteger value, String data,
        String predecessor, BigInteger delay) implements DecodedEvent {
}
