package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * A timelock's delay changed: OZ MinDelayChange, or Compound NewDelay.
 *
 * @param oldDelay null for Compound's NewDelay, which does not carry it
 */
public record MinDelayChanged(RawLog log, BigInteger oldDelay, BigInteger newDelay) implements DecodedEvent {
}
