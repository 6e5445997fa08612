package org.stagewatch.decode;

import org.stagewatch.chain.RawLog;

/**
 * Ownable2Step OwnershipTransferStarted: {@code newOwner} is pending until it accepts.
 */
public record OwnershipTransferStarted(RawLog log, String previousOwner, String newOwner) implements DecodedEvent {
}
