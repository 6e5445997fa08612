package org.stagewatch.store;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What each RPC endpoint taught about its limits (table {@code rpc_limits}, V14), one row per chain and endpoint
 * (scheme, host and port only), overwritten as a backfill learns more.
 */
public interface RpcLimitsDao {
    /** One endpoint's row; caps of 0 mean none known. */
    record Row(String endpoint, long rangeBlocks, long blockCap, long resultCap, long largestCount, int batchSize) {
    }

    @SqlQuery("""
            SELECT endpoint, range_blocks, block_cap, result_cap, largest_count, batch_size
            FROM rpc_limits WHERE chain_id = :chainId ORDER BY endpoint
            """)
    @RegisterConstructorMapper(Row.class)
    List<Row> limits(@Bind("chainId") long chainId);

    @SqlUpdate("""
            INSERT INTO rpc_limits (chain_id, endpoint, range_blocks, block_cap, result_cap, largest_count, batch_size, updated_at)
            VALUES (:chainId, :endpoint, :rangeBlocks, :blockCap, :resultCap, :largestCount, :batchSize, :updatedAt)
            ON CONFLICT (chain_id, endpoint) DO UPDATE SET range_blocks = excluded.range_blocks,
                block_cap = excluded.block_cap, result_cap = excluded.result_cap,
                largest_count = excluded.largest_count, batch_size = excluded.batch_size, updated_at = excluded.updated_at
            """)
    void save(@Bind("chainId") long chainId, @Bind("endpoint") String endpoint, @Bind("rangeBlocks") long rangeBlocks,
              @Bind("blockCap") long blockCap, @Bind("resultCap") long resultCap, @Bind("largestCount") long largestCount,
              @Bind("batchSize") int batchSize, @Bind("updatedAt") String updatedAt);
}
