package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Safe AddedOwner.
 *
 * @param safeVersion the encoding the log used: "1.3" (owner in data, v1.1–v1.3) or "1.4" (indexed, v1.4–v1.5)
 */
public record OwnerAdded(RawLog log, String safeVersion, String owner) implements DecodedEvent {
}
