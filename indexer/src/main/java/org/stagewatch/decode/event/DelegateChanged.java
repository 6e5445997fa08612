package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * A delegator's delegate changed (also emitted for no-op A→A redelegations).
 */
public record DelegateChanged(RawLog log, String delegator, String fromDelegate, String toDelegate
        ) implements DecodedEvent {
}
