package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Ownable2Step OwnershipTransferStarted: {@code newOwner} is pending until it accepts.
 */
public record OwnershipTransferStarted(RawLog log, String previousOwner, String newOwner) implements DecodedEvent {
}
