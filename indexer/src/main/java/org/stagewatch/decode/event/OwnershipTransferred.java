package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Ownable OwnershipTransferred.
 */
public record OwnershipTransferred(RawLog log, String previousOwner, String newOwner) implements DecodedEvent {
}
