package org.stagewatch.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.stagewatch.chain.RawLog;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.project.Rows;

/**
 * The write side of the store: one indexed block range (raw logs, headers, projected rows, state
 * reads) and the checkpoint covering it go in one transaction, so a crash leaves either all of a
 * range or none of it; the sync's commits record in that transaction too the state reads the range
 * still owes ({@link OwedRead}). Rollback deletes everything above a fork point in every table.
 */
public final class Store {
    /** Every table whose rows carry (chain_id, block_number); a rollback clears them all above the fork point. */
    static final List<String> CHAIN_TABLES = List.of(
            "blocks", "raw_log_blocks", "state_reads", "proposals", "proposal_events", "votes", "governor_settings",
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

    /**
     * Runs {@code work} (its Jdbi calls on this thread share one connection) in one transaction that first takes,
     * on PostgreSQL, a transaction-scoped advisory lock on the schema's registry: so indexers of different chains
     * sharing the database replace the rows they all write (the declarations) one after the other, never interleaved.
     * SQLite lets one transaction write at a time anyway.
     */
    public void underRegistryLock(Runnable work) {
        database.jdbi().useTransaction(handle -> {
            if (!database.isSqlite()) {
                handle.createQuery("SELECT pg_advisory_xact_lock(hashtextextended('stagewatch registry ' || current_schema(), 0))")
                        .mapToMap().one();
            }
            work.run();
        });
    }

    /** Writes one range and its checkpoint in a transaction of its own (see {@link RangeWriter}). */
    public void writeRange(List<RawLog> logs, Collection<BlockHeader> headers, ProjectedBatch rows,
                           List<StateRead> reads, Checkpoint checkpoint) {
        try (RangeWriter writer = rangeWriter()) {
            writer.add(EncodedLogs.of(logs), headers, rows, reads, checkpoint);
            writer.commit();
        }
    }

    /** A writer for consecutive ranges of one chain that commits when told to; close it to drop what is not committed. */
    public RangeWriter rangeWriter() {
        Handle handle = database.jdbi().open();
        if (database.isSqlite()) {
            // the writer's own connection: a page cache that holds a backfill commit's index pages, and reads
            // of pages it evicted through a memory map instead of a system call each (both cut its CPU ~5-10%)
            handle.execute("PRAGMA cache_size = " + -WRITER_CACHE_KIB);
            handle.execute("PRAGMA mmap_size = " + WRITER_MMAP_BYTES);
        }
        return new RangeWriter(handle, database.location());
    }

    /** SQLite page cache of the range writer's connection, in KiB (other connections keep the 64 MiB default). */
    static final long WRITER_CACHE_KIB = 256 * 1024;
    /** How much of the SQLite file the range writer may map into memory. */
    static final long WRITER_MMAP_BYTES = 2L << 30;
    /** How many written delegates a range writer remembers, at most (≈ 100 bytes each). */
    static final int WRITTEN_DELEGATES_KEPT = 200_000;

    /**
     * Consecutive ranges of one chain written into one open transaction, each with the checkpoint that
     * covers it, and committed together. A backfill far from the head commits every few hundred thousand
     * rows instead of every range: each commit writes every page the transaction touched to the WAL, and
     * the indexes in delegate and delegator order are touched all over at every commit, so fewer commits
     * write far fewer pages. A crash still leaves whole ranges only: the last commit's, with its checkpoint.
     */
    public static final class RangeWriter implements AutoCloseable {
        private final Handle handle;
        private final String location;
        private Checkpoint pending;
        private long pendingLogs;
        /** Delegates this writer has written (see {@link #writeDelegates}); dropped with the writer. */
        private final Set<DelegateKey> writtenDelegates = new HashSet<>();
        /** Tokens of the pending checkpoint's chain that got power checkpoints since the last commit. */
        private final Set<String> pendingTokens = new TreeSet<>();
        private long begunNanos;

        private RangeWriter(Handle handle, String location) {
            this.handle = handle;
            this.location = location;
        }

        /** Adds a range's rows and moves the (uncommitted) checkpoint to its end. */
        public void add(EncodedLogs logs, Collection<BlockHeader> headers, ProjectedBatch rows,
                        List<StateRead> reads, Checkpoint checkpoint) {
            try {
                if (!handle.isInTransaction()) {
                    handle.begin();
                    begunNanos = System.nanoTime();
                }
                write(handle, logs, headers, rows, reads, checkpoint, writtenDelegates);
            } catch (SQLException | RuntimeException e) {
                if (SqliteFailures.isDiskFull(e)) {
                    throw diskFull("writing the range up to block %d".formatted(checkpoint.blockNumber()), checkpoint.chainId(), e);
                }
                String uncommitted = pending == null ? "" : " nor of the ranges up to block %d, not yet committed,"
                        .formatted(pending.blockNumber());
                throw new StoreException("writing the range up to block %d of chain %d failed (nothing of it%s was kept): %s"
                        .formatted(checkpoint.blockNumber(), checkpoint.chainId(), uncommitted, e.getMessage()), e);
            }
            pending = checkpoint;
            pendingLogs += logs.size();
            for (var row : rows.votingPower) {
                if (row.chainId() == checkpoint.chainId()) {
                    pendingTokens.add(row.token());
                }
            }
        }

        /**
         * Deletes, inside this writer's transaction (begun here if none is open), the rows derived from the raw logs of
         * {@code chainId} — of every contract when {@code contracts} is null, else of those addresses — so that
         * {@link #add} can write them again from the stored logs: both commit together or not at all.
         */
        public void clearDerived(long chainId, Collection<String> contracts) {
            try {
                if (!handle.isInTransaction()) {
                    handle.begin();
                    begunNanos = System.nanoTime();
                }
                DerivedTables.clear(handle.getConnection(), chainId, contracts);
            } catch (SQLException | RuntimeException e) {
                throw new StoreException("clearing the derived rows of chain %d failed (nothing was changed): %s"
                        .formatted(chainId, e.getMessage()), e);
            }
        }

        /** Logs added since the last commit. */
        public long pendingLogs() {
            return pendingLogs;
        }

        /** Nanoseconds since the open transaction began (0 when none is open). */
        public long pendingNanos() {
            return pending == null ? 0 : System.nanoTime() - begunNanos;
        }

        /** Commits what was added; returns the checkpoint now stored (empty when nothing was pending). */
        public Optional<Checkpoint> commit() {
            return commit(null);
        }

        /**
         * Commits what was added together with an {@link OwedRead} at the checkpoint: the sync's state reads are
         * owed from the moment the range is stored until the readers settle them (see {@link OwedReadDao}).
         *
         * @param runEnd whether the checkpoint is the last block of the run
         */
        public Optional<Checkpoint> commitOwingReads(boolean runEnd) {
            return commit(runEnd);
        }

        private Optional<Checkpoint> commit(Boolean owedRunEnd) {
            if (pending == null) {
                return Optional.empty();
            }
            Checkpoint committed = pending;
            try {
                // the packed copy of each touched token's power history (V5) is extended up to the checkpoint in
                // the same transaction, once per commit: rows, packed copy and checkpoint commit together
                for (String token : pendingTokens) {
                    PowerHistoryWriter.pack(handle.getConnection(), committed.chainId(), token, committed.blockNumber());
                }
                if (owedRunEnd != null) {
                    handle.attach(OwedReadDao.class).owe(committed.chainId(), committed.blockNumber(), owedRunEnd ? 1 : 0);
                }
                handle.commit();
            } catch (SQLException | RuntimeException e) {
                if (SqliteFailures.isDiskFull(e)) {
                    throw diskFull("committing the ranges up to block %d".formatted(committed.blockNumber()), committed.chainId(), e);
                }
                throw new StoreException("committing the ranges up to block %d of chain %d failed (none of them was kept): %s"
                        .formatted(committed.blockNumber(), committed.chainId(), e.getMessage()), e);
            }
            pending = null;
            pendingLogs = 0;
            pendingTokens.clear();
            return Optional.of(committed);
        }

        /**
         * A full disk, told as such: which file, that the open transaction was rolled back, and where the database
         * stands — its checkpoint, read back after the rollback (reading needs no free space).
         */
        private StoreException diskFull(String what, long chainId, Exception cause) {
            String kept;
            try {
                if (handle.isInTransaction()) {
                    handle.rollback();
                }
                kept = handle.attach(SyncDao.class).checkpoint(chainId)
                        .map(at -> "the database is intact up to its checkpoint at block %d of chain %d".formatted(at.blockNumber(), chainId))
                        .orElse("the database is intact and holds no range of chain %d yet".formatted(chainId));
            } catch (RuntimeException unreadable) {
                kept = "what was committed before is intact (SQLite commits whole transactions only)";
            }
            pending = null;
            pendingLogs = 0;
            pendingTokens.clear();
            return new StoreException(("the disk holding database %s is full: %s of chain %d failed, and none of it was kept; "
                    + "%s. Free space on that disk and run stagewatch index again: it goes on from there.")
                    .formatted(location, what, chainId, kept), cause);
        }

        /** Rolls back what was not committed and releases the connection. */
        @Override
        public void close() {
            try {
                if (handle.isInTransaction()) {
                    handle.rollback();
                }
            } finally {
                handle.close();
            }
        }
    }

    private static void write(Handle handle, EncodedLogs logs, Collection<BlockHeader> headers,
                              ProjectedBatch rows, List<StateRead> reads, Checkpoint checkpoint,
                              Set<DelegateKey> writtenDelegates) throws SQLException {
        Connection connection = handle.getConnection();
        JdbcBatch.insert(connection, """
                INSERT INTO raw_log_blocks (chain_id, block_number, log_count, logs) VALUES (?, ?, ?, ?)""",
                logs.blocks(), (statement, i) -> {
                    statement.setLong(1, logs.chainId(i));
                    statement.setLong(2, logs.blockNumber(i));
                    statement.setInt(3, logs.count(i));
                    statement.setBytes(4, logs.blob(i));
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
        writeDelegates(connection, rows, writtenDelegates);
        handle.attach(StateReadDao.class).insert(reads);
        sync.saveCheckpoint(checkpoint, Instant.now().toString());
    }

    /** A delegate of a token, as the {@code delegates} table keys it. */
    private record DelegateKey(long chainId, String token, String delegate) {
    }

    /**
     * First sightings of delegates (V3 {@code delegates}): one row per (token, delegate) of the range at its
     * earliest block; a delegate already known keeps the earlier block.
     *
     * @param written delegates this writer already wrote, at an earlier or the same block (ranges come in block
     *                order): their upsert would change nothing, so it is skipped — a busy token reports the same
     *                few thousand delegates in every range
     */
    private static void writeDelegates(Connection connection, ProjectedBatch rows, Set<DelegateKey> written)
            throws SQLException {
        Map<DelegateKey, Rows.VotingPower> first = new LinkedHashMap<>();
        for (var row : rows.votingPower) {
            DelegateKey key = new DelegateKey(row.chainId(), row.token(), row.delegate());
            if (!written.contains(key)) {
                first.merge(key, row, (known, later) -> later.blockNumber() < known.blockNumber() ? later : known);
            }
        }
        if (written.size() + first.size() > WRITTEN_DELEGATES_KEPT) {
            written.clear(); // a bound on the heap; forgetting only costs upserts that change nothing
        }
        written.addAll(first.keySet());
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

    /**
     * Deletes every row of {@code chainId} above {@code forkBlock} and moves the checkpoint back to it; reads owed
     * above it are owed at the fork point instead (those due up to it are still unread).
     */
    public void rollbackAbove(long chainId, long forkBlock, String forkBlockHash) {
        database.jdbi().useTransaction(handle -> {
            for (String table : CHAIN_TABLES) {
                handle.createUpdate("DELETE FROM " + table + " WHERE chain_id = :chainId AND block_number > :block")
                        .bind("chainId", chainId).bind("block", forkBlock).execute();
            }
            handle.createUpdate("UPDATE owed_reads SET block_number = :block WHERE chain_id = :chainId AND block_number > :block")
                    .bind("chainId", chainId).bind("block", forkBlock).execute();
            handle.attach(SyncDao.class).saveCheckpoint(new Checkpoint(chainId, forkBlock, forkBlockHash),
                    Instant.now().toString());
        });
    }

    public Optional<Checkpoint> checkpoint(long chainId) {
        return withSync(sync -> sync.checkpoint(chainId));
    }

    /**
     * The raw logs of {@code chainId} in [from, to], in chain order, as the node gave them: what the projected
     * tables can be rebuilt from. The block hash comes from the log's header in {@code blocks}.
     */
    public List<RawLog> rawLogs(long chainId, long from, long to) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT r.block_number, b.block_hash, r.logs
                        FROM raw_log_blocks r JOIN blocks b ON b.chain_id = r.chain_id AND b.block_number = r.block_number
                        WHERE r.chain_id = :chainId AND r.block_number BETWEEN :from AND :to
                        ORDER BY r.block_number""")
                .bind("chainId", chainId).bind("from", from).bind("to", to)
                .map((rs, context) -> RawLogCodec.unpack(chainId, rs.getLong(1), rs.getString(2), rs.getBytes(3)))
                .list().stream().flatMap(List::stream).toList());
    }

    public long rawLogCount(long chainId) {
        return withSync(sync -> sync.rawLogCount(chainId));
    }

    public <T> T withSync(Function<SyncDao, T> query) {
        return database.jdbi().withExtension(SyncDao.class, query::apply);
    }
}
