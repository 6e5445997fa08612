package org.stagewatch.devnet;

import java.math.BigInteger;

/**
 * A proposal a scenario made, and where the scenario meant to leave it.
 *
 * @param id             the governor's proposal id (a uint256 hash)
 * @param proposer       lower-case address
 * @param createdBlock   block of the ProposalCreated event
 * @param intended       the state {@code state(id)} must report after the scenario
 * @param lateQuorum     whether the scenario made quorum arrive late enough to extend the deadline
 */
public record ScenarioProposal(
        String title, BigInteger id, String proposer, long createdBlock, ProposalState intended, boolean lateQuorum) {
}
