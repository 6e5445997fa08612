package org.stagewatch.store;

import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The owed state reads of each chain (see {@link OwedRead}): at most one row per chain. */
@RegisterConstructorMapper(OwedRead.class)
public interface OwedReadDao {

    /** Records the reads owed at a block being committed; it replaces a row the readers have already settled. */
    @SqlUpdate("""
            INSERT INTO owed_reads (chain_id, block_number, run_end) VALUES (:chainId, :block, :runEnd)
            ON CONFLICT (chain_id) DO UPDATE SET block_number = excluded.block_number, run_end = excluded.run_end
            """)
    void owe(@Bind("chainId") long chainId, @Bind("block") long blockNumber, @Bind("runEnd") int runEnd);

    @SqlQuery("SELECT chain_id, block_number, run_end <> 0 AS run_end FROM owed_reads WHERE chain_id = :chainId")
    Optional<OwedRead> owed(@Bind("chainId") long chainId);

    /** Marks the reads owed at {@code block} as done (a row for another block is left alone). */
    @SqlUpdate("DELETE FROM owed_reads WHERE chain_id = :chainId AND block_number = :block")
    void settled(@Bind("chainId") long chainId, @Bind("block") long blockNumber);
}
