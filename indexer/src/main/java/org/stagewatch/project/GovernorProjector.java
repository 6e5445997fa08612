package org.stagewatch.project;

import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.GovernorSettingChanged;
import org.stagewatch.decode.event.ProposalCanceled;
import org.stagewatch.decode.event.ProposalCreated;
import org.stagewatch.decode.event.ProposalDeadlineUpdated;
import org.stagewatch.decode.event.ProposalExecuted;
import org.stagewatch.decode.event.ProposalExtended;
import org.stagewatch.decode.event.ProposalQueued;
import org.stagewatch.decode.event.TimelockChange;
import org.stagewatch.decode.event.VoteCast;

/**
 * Projects governor events (OZ v4/v5, Bravo, Agora variants) into proposals, lifecycle facts,
 * votes and settings history. Proposal ids are stored as decimal text (OZ ids are uint256 hashes).
 */
public final class GovernorProjector implements Projector {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ContractKind kind() {
        return ContractKind.GOVERNOR;
    }

    @Override
    public void project(DecodedEvent event, ContractOptions options, ProjectedBatch out) {
        RawLog log = event.log();
        switch (event) {
            case ProposalCreated created -> out.proposals.add(new Rows.Proposal(
                    log.chainId(), log.address(), created.proposalId().toString(), created.variant(),
                    created.proposer(), json(created.targets()),
                    json(created.values().stream().map(BigInteger::toString).toList()),
                    json(created.signatures()), json(created.calldatas()),
                    Numbers.toLong(created.voteStart(), "voteStart", log),
                    Numbers.toLong(created.voteEnd(), "voteEnd", log),
                    created.description(), created.votingModule(), created.proposalData(), created.proposalType(),
                    log.blockNumber(), log.logIndex(), log.txHash()));
            case ProposalQueued queued -> lifecycle(out, log, queued.proposalId(), "queued", queued.eta().toString());
            case ProposalExecuted executed -> lifecycle(out, log, executed.proposalId(), "executed", null);
            case ProposalCanceled canceled -> lifecycle(out, log, canceled.proposalId(), "canceled", null);
            case ProposalExtended extended ->
                    lifecycle(out, log, extended.proposalId(), "extended", extended.extendedDeadline().toString());
            case ProposalDeadlineUpdated updated ->
                    lifecycle(out, log, updated.proposalId(), "deadline_updated", updated.deadline().toString());
            case VoteCast vote -> out.votes.add(new Rows.Vote(
                    log.chainId(), log.address(), vote.proposalId().toString(), vote.voter(), vote.support(),
                    vote.weight().toString(), vote.reason() == null ? "" : vote.reason(), vote.params(),
                    log.blockNumber(), log.logIndex(), log.txHash()));
            case GovernorSettingChanged setting -> out.governorSettings.add(new Rows.GovernorSetting(
                    log.chainId(), log.address(), setting.setting(), setting.oldValue().toString(),
                    setting.newValue().toString(), log.blockNumber(), log.logIndex()));
            case TimelockChange change -> out.governorSettings.add(new Rows.GovernorSetting(
                    log.chainId(), log.address(), "timelock", change.oldTimelock(), change.newTimelock(),
                    log.blockNumber(), log.logIndex()));
            default -> {
                // other governor events (e.g. ProposalTypeUpdated) stay in raw_logs only
            }
        }
    }

    private static void lifecycle(ProjectedBatch out, RawLog log, BigInteger proposalId, String event, String value) {
        out.proposalEvents.add(new Rows.ProposalEvent(log.chainId(), log.address(), proposalId.toString(),
                event, value, log.blockNumber(), log.logIndex(), log.txHash()));
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
