package org.stagewatch.store;

import java.util.List;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.stagewatch.project.Rows;

/** Inserts projected rows. Every statement is a batch; the caller owns the transaction. */
public interface ProjectionDao {

    @SqlBatch("""
            INSERT INTO proposals (chain_id, governor, proposal_id, variant, proposer, targets, amounts, signatures,
                                   calldatas, vote_start, vote_end, description, voting_module, proposal_data,
                                   proposal_type, block_number, log_index, tx_hash)
            VALUES (:chainId, :governor, :proposalId, :variant, :proposer, :targets, :amounts, :signatures,
                    :calldatas, :voteStart, :voteEnd, :description, :votingModule, :proposalData,
                    :proposalType, :blockNumber, :logIndex, :txHash)
            """)
    void insertProposals(@BindMethods List<Rows.Proposal> rows);

    @SqlBatch("""
            INSERT INTO proposal_events (chain_id, governor, proposal_id, event, value, block_number, log_index, tx_hash)
            VALUES (:chainId, :governor, :proposalId, :event, :value, :blockNumber, :logIndex, :txHash)
            """)
    void insertProposalEvents(@BindMethods List<Rows.ProposalEvent> rows);

    @SqlBatch("""
            INSERT INTO votes (chain_id, governor, proposal_id, voter, support, weight, reason, params,
                               block_number, log_index, tx_hash)
            VALUES (:chainId, :governor, :proposalId, :voter, :support, :weight, :reason, :params,
                    :blockNumber, :logIndex, :txHash)
            """)
    void insertVotes(@BindMethods List<Rows.Vote> rows);

    @SqlBatch("""
            INSERT INTO governor_settings (chain_id, governor, setting, old_value, new_value, block_number, log_index)
            VALUES (:chainId, :governor, :setting, :oldValue, :newValue, :blockNumber, :logIndex)
            """)
    void insertGovernorSettings(@BindMethods List<Rows.GovernorSetting> rows);

    @SqlBatch("""
            INSERT INTO delegations (chain_id, token, delegator, from_delegate, to_delegate, block_number, log_index, tx_hash)
            VALUES (:chainId, :token, :delegator, :fromDelegate, :toDelegate, :blockNumber, :logIndex, :txHash)
            """)
    void insertDelegations(@BindMethods List<Rows.Delegation> rows);

    @SqlBatch("""
            INSERT INTO voting_power (chain_id, token, delegate, previous_votes, new_votes, block_number, log_index, tx_hash)
            VALUES (:chainId, :token, :delegate, :previousVotes, :newVotes, :blockNumber, :logIndex, :txHash)
            """)
    void insertVotingPower(@BindMethods List<Rows.VotingPower> rows);

    /** First sightings of delegates (V3): a delegate already known keeps the earlier of the two blocks. */
    @SqlBatch("""
            INSERT INTO delegates (chain_id, token, delegate, block_number)
            VALUES (:chainId, :token, :delegate, :blockNumber)
            ON CONFLICT (chain_id, token, delegate) DO UPDATE SET block_number = excluded.block_number
            WHERE excluded.block_number < delegates.block_number
            """)
    void insertDelegates(@BindMethods List<Rows.VotingPower> rows);

    @SqlBatch("""
            INSERT INTO transfers (chain_id, token, from_address, to_address, value, block_number, log_index, tx_hash)
            VALUES (:chainId, :token, :fromAddress, :toAddress, :value, :blockNumber, :logIndex, :txHash)
            """)
    void insertTransfers(@BindMethods List<Rows.Transfer> rows);
}
