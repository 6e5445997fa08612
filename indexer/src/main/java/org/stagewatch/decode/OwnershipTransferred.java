package org.stagewatch.decode;

import org.stagewatch.chain.RawLog;

/**
 * Ownable OwnershipTransferred.
 */
public record OwnershipTransferred(RawLog log, String previousOwner, String newOwner) implements DecodedEvent {
}
