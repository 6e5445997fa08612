package org.stagewatch.analyze;

import java.math.BigInteger;

/**
 * One proposal as seen at a block: identity, schedule in the governor's clock, tallies (exact),
 * quorum (null when not read yet) and the derived state.
 *
 * @param stateNote why the state is UNKNOWN when the block's time (or L1 block) is unknown and the state depends on
 *                  it; null otherwise
 */
public record ProposalSummary(
        long chainId, String governor, String proposalId, String proposer, String title, String variant,
        long voteStart, long voteEnd, BigInteger forVotes, BigInteger againstVotes, BigInteger abstainVotes,
        int forVoters, int againstVoters, int abstainVoters, BigInteger quorum, ProposalState state,
        long createdBlock, String createdTx, String eta, Long queuedBlock, Long executedBlock, Long canceledBlock,
        String stateNote) {

    public BigInteger castWeight() {
        return forVotes.add(againstVotes).add(abstainVotes);
    }
}
