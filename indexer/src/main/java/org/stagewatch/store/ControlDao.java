package org.stagewatch.store;

import java.util.List;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.stagewatch.project.ControlBatch;
import org.stagewatch.project.ControlRows;

/**
 * Inserts the control rows of one range (V2__control.sql); the caller owns the transaction. A log
 * already stored is skipped rather than refused: one address configured under two kinds that both
 * project role events (a timelock listed as access-control too) yields the same fact twice.
 */
public interface ControlDao {

    default void insert(ControlBatch rows) {
        insertSafeChanges(rows.safeChanges);
        insertRoleChanges(rows.roleChanges);
        insertOwnershipChanges(rows.ownershipChanges);
        insertProxyChanges(rows.proxyChanges);
        insertTimelockDelays(rows.timelockDelays);
        insertTimelockOperations(rows.timelockOperations);
        insertExecutorCalls(rows.executorCalls);
        insertCouncilChanges(rows.councilChanges);
    }

    @SqlBatch("""
            INSERT INTO safe_changes (chain_id, safe, change, account, threshold, owners, encoding, block_number, log_index, tx_hash)
            VALUES (:chainId, :safe, :change, :account, :threshold, :owners, :encoding, :blockNumber, :logIndex, :txHash)
            ON CONFLICT DO NOTHING
            """)
    void insertSafeChanges(@BindMethods List<ControlRows.SafeChange> rows);

    @SqlBatch("""
            INSERT INTO role_changes (chain_id, contract, change, role, account, sender, block_number, log_index, tx_hash)
            VALUES (:chainId, :contract, :change, :role, :account, :sender, :blockNumber, :logIndex, :txHash)
            ON CONFLICT DO NOTHING
            """)
    void insertRoleChanges(@BindMethods List<ControlRows.RoleChange> rows);

    @SqlBatch("""
            INSERT INTO ownership_changes (chain_id, contract, change, previous_owner, new_owner, block_number, log_index, tx_hash)
            VALUES (:chainId, :contract, :change, :previousOwner, :newOwner, :blockNumber, :logIndex, :txHash)
            ON CONFLICT DO NOTHING
            """)
    void insertOwnershipChanges(@BindMethods List<ControlRows.OwnershipChange> rows);

    @SqlBatch("""
            INSERT INTO proxy_changes (chain_id, proxy, change, previous_value, new_value, block_number, log_index, tx_hash)
            VALUES (:chainId, :proxy, :change, :previousValue, :newValue, :blockNumber, :logIndex, :txHash)
            ON CONFLICT DO NOTHING
            """)
    void insertProxyChanges(@BindMethods List<ControlRows.ProxyChange> rows);

    @SqlBatch("""
            INSERT INTO timelock_delays (chain_id, timelock, old_delay, new_delay, block_number, log_index, tx_hash)
            VALUES (:chainId, :timelock, :oldDelay, :newDelay, :blockNumber, :logIndex, :txHash)
            ON CONFLICT DO NOTHING
            """)
    void insertTimelockDelays(@BindMethods List<ControlRows.TimelockDelay> rows);

    @SqlBatch("""
            INSERT INTO timelock_operations (chain_id, timelock, operation_id, call_index, change, target, value, signature,
                                             data, predecessor, delay, eta, block_number, log_index, tx_hash)
            VALUES (:chainId, :timelock, :operationId, :callIndex, :change, :target, :value, :signature,
                    :data, :predecessor, :delay, :eta, :blockNumber, :logIndex, :txHash)
            ON CONFLICT DO NOTHING
            """)
    void insertTimelockOperations(@BindMethods List<ControlRows.TimelockOperation> rows);

    @SqlBatch("""
            INSERT INTO executor_calls (chain_id, executor, change, target, value, data, block_number, log_index, tx_hash)
            VALUES (:chainId, :executor, :change, :target, :value, :data, :blockNumber, :logIndex, :txHash)
            ON CONFLICT DO NOTHING
            """)
    void insertExecutorCalls(@BindMethods List<ControlRows.ExecutorCall> rows);

    @SqlBatch("""
            INSERT INTO council_changes (chain_id, manager, change, member, new_member, cohort, members, block_number,
                                         log_index, tx_hash)
            VALUES (:chainId, :manager, :change, :member, :newMember, :cohort, :members, :blockNumber, :logIndex, :txHash)
            ON CONFLICT DO NOTHING
            """)
    void insertCouncilChanges(@BindMethods List<ControlRows.CouncilChange> rows);
}
