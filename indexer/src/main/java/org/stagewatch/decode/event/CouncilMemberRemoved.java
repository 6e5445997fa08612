package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Arbitrum SecurityCouncilManager MemberRemoved.
 *
 * @param cohort 0 = first cohort, 1 = second
 */
public record CouncilMemberRemoved(RawLog log, String member, int cohort) implements DecodedEvent {
}
