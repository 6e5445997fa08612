package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Safe DisabledModule.
 *
 * @param safeVersion "1.3" (module in data) or "1.4" (indexed)
 */
public record ModuleDisabled(RawLog log, String safeVersion, String module) implements DecodedEvent {
}
