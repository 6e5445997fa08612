package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * OZ TimelockController Cancelled: a pending operation was cancelled.
 */
public record OperationCancelled(RawLog log, String id) implements DecodedEvent {
}
