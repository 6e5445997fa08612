package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * Arbitrum UpgradeExecutor (v1.1+): a target was called.
 */
public record TargetCallExecuted(RawLog log, String target, BigInteger value, String data) implements DecodedEvent {
}
