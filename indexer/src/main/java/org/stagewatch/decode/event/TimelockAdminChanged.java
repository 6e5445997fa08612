package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Compound Timelock NewAdmin (pending = false) or NewPendingAdmin (pending = true).
 */
public record TimelockAdminChanged(RawLog log, String admin, boolean pending) implements DecodedEvent {
}
