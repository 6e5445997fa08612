package org.stagewatch.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.stagewatch.chain.RawLog;
import org.stagewatch.project.ProjectedBatch;

/**
 * The write side of the store: one indexed block range (raw logs, headers, projected rows, state
 * reads) and the checkpoint covering it go in one transaction, so a crash leaves either all of a
 * range or none of it. Rollback deletes everything above a fork point in every table.
 */
public final class Store {
    /** Every table whose rows carry (chain_id, block_number); a rollback clears them all above the fork point. */
    static final List<String> CHAIN_TABLES = List.of(
            "blocks", "raw_logs", "state_reads", "proposals", "proposal_events", "votes", "governor_settings",
            "delegations", "voting_power", "transfers", "delegates", "power_chunks", "power_snapshots",
            "safe_changes", "role_changes", "ownership_changes", "proxy_changes", "timelock_delays", "timelock_operations",
            "executor_calls", "council_changes");

    private final Database database;

    public Store(Database database) {
        this.database = database;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    public Database database() {
        return database;
    }

    public void writeRange(List<RawLog> logs, Collection<BlockHeader> headers, ProjectedBatch rows,
                           List<StateRead> reads, Checkpoint checkpoint) {
        try {
            write(logs, headers, rows, reads, checkpoint);
        } catch (SQLException e) {
            throw new StoreException("writing the range up to block %d of chain %d failed (nothing of it was kept): %s"
                    .formatted(checkpoint.blockNumber(), checkpoint.chainId(), e.getMessage()), e);
        }
    }

    private void write(List<RawLog> logs, Collection<BlockHeader> headers, ProjectedBatch rows,
                       List<StateRead> reads, Checkpoint checkpoint) throws SQLException {
        database.jdbi().useTransaction(handle -> {
            Connection connection = handle.getConnection();
            JdbcBatch.insert(connection, """
                    INSERT INTO raw_logs (chain_id, block_number, log_index, block_hash, tx_hash, tx_index, address,
                                          topic0, topic1, topic2, topic3, data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", logs, (statement, log) -> {
                statement.setLong(1, log.chainId());
                statement.setLong(2, log.blockNumber());
                statement.setInt(3, log.logIndex());
                statement.setString(4, log.blockHash());
                statement.setString(5, log.txHash());
                statement.setInt(6, log.txIndex());
                statement.setString(7, log.address());
                for (int topic = 0; topic < 4; topic++) {
                    JdbcBatch.setNullable(statement, 8 + topic, topic < log.topics().size() ? log.topics().get(topic) : null);
                }
                statement.setString(12, log.data());
            });
            SyncDao sync = handle.attach(SyncDao.class);
            sync.insertBlocks(List.copyOf(headers));
            writeTokenRows(connection, rows);
            ProjectionDao projection = handle.attach(ProjectionDao.class);
            projection.insertProposals(rows.proposals);
            projection.insertProposalEvents(rows.proposalEvents);
            projection.insertVotes(rows.votes);
            projection.insertGovernorSettings(rows.governorSettings);
            handle.attach(ControlDao.class).insert(rows.control);
            writeDelegates(connection, rows);
            packPowerHistory(connection, rows, checkpoint);
            handle.attach(StateReadDao.class).insert(reads);
            sync.saveCheckpoint(checkpoint, Instant.now().toString());
        });
    }

    /**
     * First sightings of delegates (V3 {@code delegates}): one row per (token, delegate) of the range at its
     * earliest block; a delegate already known keeps the earlier block.
     */
    private static void writeDelegates(Connection connection, ProjectedBatch rows) throws SQLException {
        java.util.Map<String, org.stagewatch.project.Rows.VotingPower> first = new java.util.LinkedHashMap<>();
        for (var row : rows.votingPower) {
            first.merge(row.chainId() + "/" + row.token() + "/" + row.delegate(), row,
                    (known, later) -> later.blockNumber() < known.blockNumber() ? later : known);
        }
        JdbcBatch.insert(connection, """
                INSERT INTO delegates (chain_id, token, delegate, block_number) VALUES (?, ?, ?, ?)
                ON CONFLICT (chain_id, token, delegate) DO UPDATE SET block_number = excluded.block_number
                WHERE excluded.block_number < delegates.block_number""", List.copyOf(first.values()), (statement, row) -> {
            statement.setLong(1, row.chainId());
            statement.setString(2, row.token());
            statement.setString(3, row.delegate());
            statement.setLong(4, row.blockNumber());
        });
    }

    /** Extends the packed copy of each token's power history that got checkpoints (V5) up to the range's end. */
    private static void packPowerHistory(Connection connection, ProjectedBatch rows, Checkpoint checkpoint) throws SQLException {
        java.util.Set<String> tokens = new java.util.TreeSet<>();
        for (var row : rows.votingPower) {
            if (row.chainId() == checkpoint.chainId()) {
                tokens.add(row.token());
            }
        }
        for (String token : tokens) {
            PowerHistoryWriter.pack(connection, checkpoint.chainId(), token, checkpoint.blockNumber());
        }
    }

    /** Delegations, power checkpoints and transfers: the high-volume rows, written with plain JDBC batches. */
    private static void writeTokenRows(Connection connection, ProjectedBatch rows) throws SQLException {
        JdbcBatch.insert(connection, """
                INSERT INTO delegations (chain_id, token, delegator, from_delegate, to_delegate, block_number, log_index, tx_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows.delegations, (statement, row) -> {
            statement.setLong(1, row.chainId());
            statement.setString(2, row.token());
            statement.setString(3, row.delegator());
            statement.setString(4, row.fromDelegate());
            statement.setString(5, row.toDelegate());
            statement.setLong(6, row.blockNumber());
            statement.setInt(7, row.logIndex());
            statement.setString(8, row.txHash());
        });
        JdbcBatch.insert(connection, """
                INSERT INTO voting_power (chain_id, token, delegate, previous_votes, new_votes, block_number, log_index, tx_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows.votingPower, (statement, row) -> {
            statement.setLong(1, row.chainId());
            statement.setString(2, row.token());
            statement.setString(3, row.delegate());
            statement.setString(4, row.previousVotes());
            statement.setString(5, row.newVotes());
            statement.setLong(6, row.blockNumber());
            statement.setInt(7, row.logIndex());
            statement.setString(8, row.txHash());
        });
        JdbcBatch.insert(connection, """
                INSERT INTO transfers (chain_id, token, from_address, to_address, value, block_number, log_index, tx_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows.transfers, (statement, row) -> {
            statement.setLong(1, row.chainId());
            statement.setString(2, row.token());
            statement.setString(3, row.fromAddress());
            statement.setString(4, row.toAddress());
            statement.setString(5, row.value());
            statement.setLong(6, row.blockNumber());
            statement.setInt(7, row.logIndex());
            statement.setString(8, row.txHash());
        });
    }

    /** Deletes every row of {@code chainId} above {@code forkBlock} and moves the checkpoint back to it. */
    public void rollbackAbove(long chainId, long forkBlock, String forkBlockHash) {
        database.jdbi().useTransaction(handle -> {
            for (String table : CHAIN_TABLES) {
                handle.createUpdate("DELETE FROM " + table + " WHERE chain_id = :chainId AND block_number > :block")
                        .bind("chainId", chainId).bind("block", forkBlock).execute();
            }
            handle.attach(SyncDao.class).saveCheckpoint(new Checkpoint(chainId, forkBlock, forkBlockHash),
                    Instant.now().toString());
        });
    }

    public java.util.Optional<Checkpoint> checkpoint(long chainId) {
        return withSync(sync -> sync.checkpoint(chainId));
    }

    public long rawLogCount(long chainId) {
        return withSync(sync -> sync.rawLogCount(chainId));
    }

    public <T> T withSync(java.util.function.Function<SyncDao, T> query) {
        return database.jdbi().withExtension(SyncDao.class, query::apply);
    }
}
