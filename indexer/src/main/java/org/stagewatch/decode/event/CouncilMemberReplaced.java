package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Arbitrum SecurityCouncilManager MemberReplaced: a different person takes the seat.
 */
public record CouncilMemberReplaced(RawLog log, String replacedMember, String newMember, int cohort
        ) implements DecodedEvent {
}
