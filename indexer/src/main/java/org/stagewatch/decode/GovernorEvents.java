package org.stagewatch.decode;

import java.util.List;

import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.GovernorSettingChanged;
import org.stagewatch.decode.event.ProposalCanceled;
import org.stagewatch.decode.event.ProposalCreated;
import org.stagewatch.decode.event.ProposalDeadlineUpdated;
import org.stagewatch.decode.event.ProposalExecuted;
import org.stagewatch.decode.event.ProposalExtended;
import org.stagewatch.decode.event.ProposalQueued;
import org.stagewatch.decode.event.ProposalTypeUpdated;
import org.stagewatch.decode.event.TimelockChange;
import org.stagewatch.decode.event.VotableSupplyUpdated;
import org.stagewatch.decode.event.VoteCast;

/**
 * Maps governor events (OZ v4/v5, Bravo, Alpha, Agora, Optimism's votable-supply oracle) to records.
 * Which ProposalCreated variant a log is follows from its declaration, never from guessing at data.
 */
final class GovernorEvents {
    private GovernorEvents() {
    }

    /** The record for this event, or null when the event is not a governor event. */
    static DecodedEvent map(LogValues v) {
        var log = v.log();
        return switch (v.event().name()) {
            case "ProposalCreated" -> proposalCreated(v);
            case "ProposalQueued" -> new ProposalQueued(log, v.uint(0), v.uint(1));
            case "ProposalExecuted" -> new ProposalExecuted(log, v.uint(0));
            case "ProposalCanceled" -> new ProposalCanceled(log, v.uint(0));
            case "ProposalExtended" -> new ProposalExtended(log, v.uint(0), v.uint(1));
            case "ProposalDeadlineUpdated" -> new ProposalDeadlineUpdated(log, v.uint(0), v.uint(1));
            case "ProposalTypeUpdated" -> new ProposalTypeUpdated(log, v.uint(0), v.smallInt(1));
            case "VoteCast" -> v.type(2).equals("bool")
                    // GovernorAlpha: (voter, proposalId, bool support, votes), no reason.
                    ? new VoteCast(log, v.address(0), v.uint(1), v.bool(2) ? 1 : 0, v.uint(3), "", null)
                    : new VoteCast(log, v.address(0), v.uint(1), v.smallInt(2), v.uint(3), v.string(4), null);
            case "VoteCastWithParams" ->
                    new VoteCast(log, v.address(0), v.uint(1), v.smallInt(2), v.uint(3), v.string(4), v.hex(5));
            case "QuorumNumeratorUpdated" -> setting(v, "quorumNumerator");
            case "VotingDelaySet" -> setting(v, "votingDelay");
            case "VotingPeriodSet" -> setting(v, "votingPeriod");
            case "ProposalThresholdSet" -> setting(v, "proposalThreshold");
            case "LateQuorumVoteExtensionSet" -> setting(v, "lateQuorumVoteExtension");
            case "TimelockChange" -> new TimelockChange(log, v.address(0), v.address(1));
            case "VotableSupplyUpdated" -> new VotableSupplyUpdated(log, null, v.uint(0), v.uint(1));
            case "VotableSupplyCheckpointUpdated" -> new VotableSupplyUpdated(log, v.uint(0), v.uint(1), v.uint(2));
            default -> null;
        };
    }

    private static GovernorSettingChanged setting(LogValues v, String setting) {
        return new GovernorSettingChanged(v.log(), setting, v.uint(0), v.uint(1));
    }

    /**
     * A: (id, proposer, targets, values, signatures, calldatas, start, end, description);
     * C: A + proposalType; B: (id, proposer, module, proposalData, start, end, description); D: B + proposalType.
     */
    private static ProposalCreated proposalCreated(LogValues v) {
        boolean module = v.type(2).equals("address");
        boolean typed = v.type(v.size() - 1).equals("uint8");
        Integer proposalType = typed ? v.smallInt(v.size() - 1) : null;
        if (module) {
            return new ProposalCreated(v.log(), typed ? "D" : "B", v.uint(0), v.address(1), List.of(), List.of(),
                    List.of(), List.of(), v.uint(4), v.uint(5), v.string(6), v.address(2), v.hex(3), proposalType);
        }
        return new ProposalCreated(v.log(), typed ? "C" : "A", v.uint(0), v.address(1), v.list(2), v.list(3),
                v.list(4), v.list(5), v.uint(6), v.uint(7), v.string(8), null, null, proposalType);
    }
}
