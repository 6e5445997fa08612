package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * The governor's timelock (its executor) changed.
 */
public record TimelockChange(RawLog log, String oldTimelock, String newTimelock) implements DecodedEvent {
}
