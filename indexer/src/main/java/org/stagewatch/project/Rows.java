package org.stagewatch.project;

/**
 * The rows projectors produce: append-only facts keyed by log position (chain, block, logIndex).
 * Addresses are lower case; uint256 values are decimal strings; JSON arrays are strings.
 * Nothing here is updated after it is written, so a reorg rollback is a DELETE above the fork point.
 */
public final class Rows {
    private Rows() {
    }

    public record Proposal(
            long chainId, String governor, String proposalId, String variant, String proposer,
            String targets, String amounts, String signatures, String calldatas,
            long voteStart, long voteEnd, String description,
            String votingModule, String proposalData, Integer proposalType,
            long blockNumber, int logIndex, String txHash) {
    }

    /** event: queued (value = eta), executed, canceled, extended or deadline_updated (value = new deadline). */
    public record ProposalEvent(
            long chainId, String governor, String proposalId, String event, String value,
            long blockNumber, int logIndex, String txHash) {
    }

    public record Vote(
            long chainId, String governor, String proposalId, String voter, int support, String weight,
            String reason, String params, long blockNumber, int logIndex, String txHash) {
    }

    public record GovernorSetting(
            long chainId, String governor, String setting, String oldValue, String newValue,
            long blockNumber, int logIndex) {
    }

    public record Delegation(
            long chainId, String token, String delegator, String fromDelegate, String toDelegate,
            long blockNumber, int logIndex, String txHash) {
    }

    public record VotingPower(
            long chainId, String token, String delegate, String previousVotes, String newVotes,
            long blockNumber, int logIndex, String txHash) {
    }

    public record Transfer(
            long chainId, String token, String fromAddress, String toAddress, String value,
            long blockNumber, int logIndex, String txHash) {
    }
}
