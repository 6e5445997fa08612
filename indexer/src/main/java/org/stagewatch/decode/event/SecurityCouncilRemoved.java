package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * Arbitrum SecurityCouncilManager: a council Safe left the set kept in sync.
 */
public record SecurityCouncilRemoved(RawLog log, String securityCouncil, String updateAction,
        BigInteger securityCouncilsLength) implements DecodedEvent {
}
