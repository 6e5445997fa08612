package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Safe ChangedGuard (transaction guard), or v1.5 ChangedModuleGuard; 0x0…0 removes it.
 *
 * @param safeVersion  "1.3" (guard in data) or "1.4" (indexed)
 * @param moduleGuard true for ChangedModuleGuard (v1.5), which guards module transactions
 */
public record GuardChanged(RawLog log, String safeVersion, String guard, boolean moduleGuard) implements DecodedEvent {
}
