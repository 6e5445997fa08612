package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * Safe ChangedThreshold (same encoding in every version).
 */
public record ThresholdChanged(RawLog log, BigInteger threshold) implements DecodedEvent {
}
