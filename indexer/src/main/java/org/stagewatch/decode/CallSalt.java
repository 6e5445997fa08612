package org.stagewatch.decode;

import org.stagewatch.chain.RawLog;

/**
 * OZ TimelockController (v4.9+): the salt of a scheduled operation, when not zero.
 */
public record CallSalt(RawLog log, String id, String salt) implements DecodedEvent {
}
