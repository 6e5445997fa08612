package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Arbitrum SecurityCouncilManager MemberAdded.
 *
 * @param cohort 0 = first cohort, 1 = second
 */
public record CouncilMemberAdded(RawLog log, String member, int cohort) implements DecodedEvent {
}
