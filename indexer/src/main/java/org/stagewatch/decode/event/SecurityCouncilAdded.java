package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * Arbitrum SecurityCouncilManager: a council Safe joined the set kept in sync.
 */
public record SecurityCouncilAdded(RawLog log, String securityCouncil, String updateAction,
        BigInteger securityCouncilsLength) implements DecodedEvent {
}
