package org.stagewatch.store;

import java.util.List;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.stagewatch.project.Rows;

/** Inserts governor rows (the token's high-volume rows go through {@link JdbcBatch} in {@link Store}). The caller owns the transaction. */
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

}
