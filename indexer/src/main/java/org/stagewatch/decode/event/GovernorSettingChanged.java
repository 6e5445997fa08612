package org.stagewatch.decode.event;

import java.math.BigInteger;
import org.stagewatch.chain.RawLog;

/**
 * A governor setting changed: QuorumNumeratorUpdated, VotingDelaySet, VotingPeriodSet,
 * ProposalThresholdSet or LateQuorumVoteExtensionSet.
 *
 * @param setting "quorumNumerator", "votingDelay", "votingPeriod", "proposalThreshold" or "lateQuorumVoteExtension"
 */
public record GovernorSettingChanged(RawLog log, String setting, BigInteger oldValue, BigInteger newValue
        ) implements DecodedEvent {
}
