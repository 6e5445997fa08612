package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * OZ TimelockController (v4.9+): the salt of a scheduled operation, when not zero.
 */
public record CallSalt(RawLog log, String id, String salt) implements DecodedEvent {
}
