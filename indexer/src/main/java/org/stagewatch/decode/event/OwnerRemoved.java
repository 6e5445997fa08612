package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Safe RemovedOwner.
 *
 * @param safeVersion the encoding the log used: "1.3" (owner in data) or "1.4" (indexed)
 */
public record OwnerRemoved(RawLog log, String safeVersion, String owner) implements DecodedEvent {
}
