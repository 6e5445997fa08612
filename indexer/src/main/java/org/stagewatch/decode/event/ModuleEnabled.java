package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Safe EnabledModule: the module can now act as the Safe alone.
 *
 * @param safeVersion "1.3" (module in data) or "1.4" (indexed)
 */
public record ModuleEnabled(RawLog log, String safeVersion, String module) implements DecodedEvent {
}
