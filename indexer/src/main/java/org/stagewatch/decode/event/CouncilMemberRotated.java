package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Arbitrum SecurityCouncilManager MemberRotated: the same member moves to a new address.
 */
public record CouncilMemberRotated(RawLog log, String replacedAddress, String newAddress, int cohort
        ) implements DecodedEvent {
}
