package org.stagewatch.project;

import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.DelegateChanged;
import org.stagewatch.decode.event.DelegateVotesChanged;
import org.stagewatch.decode.event.Transfer;

/**
 * Projects ERC20Votes / Comp events. Voting power is taken from {@code newVotes} of each
 * DelegateVotesChanged, never recomputed from deltas: that is exactly what getPastVotes returns,
 * whatever mix of delegations and transfers one transaction contains. A no-op DelegateChanged
 * (A→A) is kept as a fact; it changes no power because the token emits no DelegateVotesChanged for it.
 */
public final class VotesTokenProjector implements Projector {
    @Override
    public ContractKind kind() {
        return ContractKind.VOTES_TOKEN;
    }

    @Override
    public void project(DecodedEvent event, ContractOptions options, ProjectedBatch out) {
        RawLog log = event.log();
        switch (event) {
            case DelegateChanged changed -> out.delegations.add(new Rows.Delegation(
                    log.chainId(), log.address(), changed.delegator(), changed.fromDelegate(), changed.toDelegate(),
                    log.blockNumber(), log.logIndex(), log.txHash()));
            case DelegateVotesChanged votes -> out.votingPower.add(new Rows.VotingPower(
                    log.chainId(), log.address(), votes.delegate(), votes.previousVotes().toString(),
                    votes.newVotes().toString(), log.blockNumber(), log.logIndex(), log.txHash()));
            case Transfer transfer when options.transfers() -> out.transfers.add(new Rows.Transfer(
                    log.chainId(), log.address(), transfer.from(), transfer.to(), transfer.value().toString(),
                    log.blockNumber(), log.logIndex(), log.txHash()));
            default -> {
                // Transfer without transfers: true, or events of no interest: raw_logs only
            }
        }
    }
}
