package org.stagewatch.store;

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
            "delegations", "voting_power", "transfers", "delegates");

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
        database.jdbi().useTransaction(handle -> {
            SyncDao sync = handle.attach(SyncDao.class);
            sync.insertRawLogs(logs.stream().map(SyncDao.StoredLog::of).toList());
            sync.insertBlocks(List.copyOf(headers));
            ProjectionDao projection = handle.attach(ProjectionDao.class);
            projection.insertProposals(rows.proposals);
            projection.insertProposalEvents(rows.proposalEvents);
            projection.insertVotes(rows.votes);
            projection.insertGovernorSettings(rows.governorSettings);
            projection.insertDelegations(rows.delegations);
            projection.insertVotingPower(rows.votingPower);
            projection.insertDelegates(rows.votingPower);
            projection.insertTransfers(rows.transfers);
            handle.attach(StateReadDao.class).insert(reads);
            sync.saveCheckpoint(checkpoint, Instant.now().toString());
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

    public <T> T withSync(java.util.function.Function<SyncDao, T> query) {
        return database.jdbi().withExtension(SyncDao.class, query::apply);
    }
}
