package org.stagewatch.decode;

import org.stagewatch.chain.RawLog;

/**
 * The governor's timelock (its executor) changed.
 */
public record TimelockChange(RawLog log, String oldTimelock, String newTimelock) implements DecodedEvent {
}
