package org.stagewatch.project;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows projected from one fetched block range, handed to the store to be written in the
 * same transaction as the raw logs and the checkpoint that covers them.
 */
public final class ProjectedBatch {
    public final List<Rows.Proposal> proposals = new ArrayList<>();
    public final List<Rows.ProposalEvent> proposalEvents = new ArrayList<>();
    public final List<Rows.Vote> votes = new ArrayList<>();
    public final List<Rows.GovernorSetting> governorSettings = new ArrayList<>();
    public final List<Rows.Delegation> delegations = new ArrayList<>();
    public final List<Rows.VotingPower> votingPower = new ArrayList<>();
    public final List<Rows.Transfer> transfers = new ArrayList<>();
    /** Safe, role, ownership, proxy, timelock, executor and council rows (V2__control.sql). */
    public final ControlBatch control = new ControlBatch();

    public int size() {
        return proposals.size() + proposalEvents.size() + votes.size() + governorSettings.size()
                + delegations.size() + votingPower.size() + transfers.size() + control.size();
    }
}
