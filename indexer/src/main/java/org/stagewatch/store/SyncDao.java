package org.stagewatch.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Checkpoints, block headers, raw logs and configured contracts: what the sync stage owns. */
@RegisterConstructorMapper(Checkpoint.class)
@RegisterConstructorMapper(BlockHeader.class)
@RegisterConstructorMapper(ContractRow.class)
public interface SyncDao {

    @SqlQuery("""
            SELECT chain_id, block_number, block_hash FROM sync_checkpoints WHERE chain_id = :chainId
            """)
    Optional<Checkpoint> checkpoint(@Bind("chainId") long chainId);

    @SqlUpdate("""
            INSERT INTO sync_checkpoints (chain_id, block_number, block_hash, updated_at)
            VALUES (:chainId, :blockNumber, :blockHash, :updatedAt)
            ON CONFLICT (chain_id) DO UPDATE SET block_number = excluded.block_number,
                block_hash = excluded.block_hash, updated_at = excluded.updated_at
            """)
    void saveCheckpoint(@BindMethods Checkpoint checkpoint, @Bind("updatedAt") String updatedAt);

    @SqlBatch("""
            INSERT INTO blocks (chain_id, block_number, block_hash, parent_hash, block_time, l1_block_number)
            VALUES (:chainId, :number, :hash, :parentHash, :timestamp, :l1BlockNumber)
            ON CONFLICT (chain_id, block_number) DO NOTHING
            """)
    void insertBlocks(@BindMethods List<BlockHeader> blocks);

    @SqlQuery("""
            SELECT chain_id, block_number AS number, block_hash AS hash, parent_hash, block_time AS timestamp,
                   l1_block_number
            FROM blocks WHERE chain_id = :chainId AND block_number = :number
            """)
    Optional<BlockHeader> block(@Bind("chainId") long chainId, @Bind("number") long number);

    /** The last stored header at or below {@code number}: the block whose state a query at {@code number} sees. */
    @SqlQuery("""
            SELECT chain_id, block_number AS number, block_hash AS hash, parent_hash, block_time AS timestamp,
                   l1_block_number
            FROM blocks WHERE chain_id = :chainId AND block_number <= :number
            ORDER BY block_number DESC LIMIT 1
            """)
    Optional<BlockHeader> blockAtOrBefore(@Bind("chainId") long chainId, @Bind("number") long number);

    /** The first stored header at or above {@code number}: with {@link #blockAtOrBefore}, what brackets an unstored block. */
    @SqlQuery("""
            SELECT chain_id, block_number AS number, block_hash AS hash, parent_hash, block_time AS timestamp,
                   l1_block_number
            FROM blocks WHERE chain_id = :chainId AND block_number >= :number
            ORDER BY block_number LIMIT 1
            """)
    Optional<BlockHeader> blockAtOrAfter(@Bind("chainId") long chainId, @Bind("number") long number);

    /** Stored headers in [floor, from], highest first: the candidates for a fork point. */
    @SqlQuery("""
            SELECT chain_id, block_number AS number, block_hash AS hash, parent_hash, block_time AS timestamp,
                   l1_block_number
            FROM blocks WHERE chain_id = :chainId AND block_number <= :from AND block_number >= :floor
            ORDER BY block_number DESC LIMIT :limit
            """)
    List<BlockHeader> blocksDescending(@Bind("chainId") long chainId, @Bind("from") long from,
                                       @Bind("floor") long floor, @Bind("limit") int limit);

    /** The last block at or before a unix time, for {@code --at}. */
    @SqlQuery("""
            SELECT chain_id, block_number AS number, block_hash AS hash, parent_hash, block_time AS timestamp,
                   l1_block_number
            FROM blocks WHERE chain_id = :chainId AND block_time <= :time
            ORDER BY block_number DESC LIMIT 1
            """)
    Optional<BlockHeader> blockAtOrBeforeTime(@Bind("chainId") long chainId, @Bind("time") long unixTime);

    @SqlQuery("SELECT COALESCE(SUM(log_count), 0) FROM raw_log_blocks WHERE chain_id = :chainId")
    long rawLogCount(@Bind("chainId") long chainId);

    /**
     * The block of the {@code blocks}-th block with stored logs after {@code after} (at most {@code to}): where a
     * window of that many blocks' logs ends. Empty when fewer remain.
     */
    @SqlQuery("""
            SELECT block_number FROM raw_log_blocks WHERE chain_id = :chainId AND block_number > :after AND block_number <= :to
            ORDER BY block_number LIMIT 1 OFFSET :offset
            """)
    Optional<Long> rawLogWindowEnd(@Bind("chainId") long chainId, @Bind("after") long after, @Bind("to") long to,
                                   @Bind("offset") int offset);

    @SqlQuery("SELECT * FROM contracts ORDER BY dao_id, chain_id, address")
    List<ContractRow> contracts();

    @SqlQuery("SELECT * FROM contracts WHERE dao_id = :daoId ORDER BY chain_id, address")
    List<ContractRow> contracts(@Bind("daoId") String daoId);

    /**
     * The flags are INTEGER columns: PostgreSQL takes a bound boolean into one only through a cast. A row an
     * indexer of the same chain recorded meanwhile is kept (the writer lock makes that one with the same contracts).
     */
    @SqlBatch("""
            INSERT INTO contracts (dao_id, chain_id, address, kind, label, start_block, critical, transfers, proxy)
            VALUES (:daoId, :chainId, :address, :kind, :label, :startBlock, CAST(:critical AS INTEGER), CAST(:transfers AS INTEGER),
                    CAST(:proxy AS INTEGER))
            ON CONFLICT (dao_id, chain_id, address) DO NOTHING
            """)
    void insertContracts(@BindMethods List<ContractRow> contracts);

    /** A recorded contract's label and critical flag: how it is shown and rated, not what was indexed for it. */
    @SqlUpdate("""
            UPDATE contracts SET label = :label, critical = CAST(:critical AS INTEGER)
            WHERE dao_id = :daoId AND chain_id = :chainId AND address = :address
            """)
    void updatePresentation(@BindMethods ContractRow contract);
}
