package org.stagewatch.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Stored eth_call readings. */
@RegisterConstructorMapper(StateRead.class)
public interface StateReadDao {

    @SqlBatch("""
            INSERT INTO state_reads (chain_id, address, name, args, value, block_number)
            VALUES (:chainId, :address, :name, :args, :value, :blockNumber)
            ON CONFLICT (chain_id, address, name, args, block_number) DO UPDATE SET value = excluded.value
            """)
    void insert(@BindMethods List<StateRead> reads);

    /** The latest reading of (address, name, args) made at or before {@code block}. */
    @SqlQuery("""
            SELECT chain_id, address, name, args, value, block_number FROM state_reads
            WHERE chain_id = :chainId AND address = :address AND name = :name AND args = :args
              AND block_number <= :block
            ORDER BY block_number DESC LIMIT 1
            """)
    Optional<StateRead> latest(@Bind("chainId") long chainId, @Bind("address") String address,
                               @Bind("name") String name, @Bind("args") String args, @Bind("block") long block);

    @SqlQuery("""
            SELECT chain_id, address, name, args, value, block_number FROM state_reads
            WHERE chain_id = :chainId AND address = :address AND name = :name ORDER BY args, block_number
            """)
    List<StateRead> all(@Bind("chainId") long chainId, @Bind("address") String address, @Bind("name") String name);
}
