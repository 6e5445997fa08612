package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * Arbitrum UpgradeExecutor: an upgrade action was delegatecalled.
 */
public record UpgradeExecuted(RawLog log, String upgrade, BigInteger value, String data) implements DecodedEvent {
}
