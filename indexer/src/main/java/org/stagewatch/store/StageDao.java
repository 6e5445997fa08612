package org.stagewatch.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The stage declarations (replaced as a whole per run, like the control declarations) and the one
 * query the stage history needs: every indexed fact that can change who controls what — Safe,
 * role, ownership, proxy, timelock-delay and council-manager changes, and control readings — of some
 * contracts on one chain, in chain order, each with a short description of what it did.
 */
@RegisterConstructorMapper(StageDao.ControlEvent.class)
public interface StageDao {

    /**
     * One fact of the control history.
     *
     * @param txHash      null for a reading (eth_call or storage slot), which has no transaction
     * @param description e.g. "threshold 10", "owner_added 0x…", "getThreshold read 9"
     */
    record ControlEvent(long chainId, long blockNumber, int logIndex, String txHash, String address, String description) {
    }

    @Transaction
    default void replace(List<String> daoIds, List<String> stages) {
        deleteAll();
        insert(daoIds, stages);
    }

    @SqlUpdate("DELETE FROM stage_declarations")
    void deleteAll();

    @SqlBatch("INSERT INTO stage_declarations (dao_id, stage) VALUES (:daoId, :stage)")
    void insert(@Bind("daoId") List<String> daoIds, @Bind("stage") List<String> stages);

    @SqlQuery("SELECT stage FROM stage_declarations WHERE dao_id = :daoId")
    Optional<String> stage(@Bind("daoId") String daoId);

    @SqlQuery("""
            SELECT chain_id, block_number, log_index, tx_hash, safe AS address,
                   change || COALESCE(' ' || account, '') || COALESCE(' ' || threshold, '') AS description
              FROM safe_changes WHERE chain_id = :chainId AND safe IN (<addresses>)
            UNION ALL
            SELECT chain_id, block_number, log_index, tx_hash, contract, 'role ' || change || ' ' || role || ' ' || account
              FROM role_changes WHERE chain_id = :chainId AND contract IN (<addresses>)
            UNION ALL
            SELECT chain_id, block_number, log_index, tx_hash, contract, 'ownership ' || change || ' ' || new_owner
              FROM ownership_changes WHERE chain_id = :chainId AND contract IN (<addresses>)
            UNION ALL
            SELECT chain_id, block_number, log_index, tx_hash, proxy, 'proxy ' || change || ' ' || new_value
              FROM proxy_changes WHERE chain_id = :chainId AND proxy IN (<addresses>)
            UNION ALL
            SELECT chain_id, block_number, log_index, tx_hash, timelock, 'min delay ' || new_delay || ' s'
              FROM timelock_delays WHERE chain_id = :chainId AND timelock IN (<addresses>)
            UNION ALL
            SELECT chain_id, block_number, log_index, tx_hash, manager,
                   'council ' || change || COALESCE(' ' || member, '') || COALESCE(' → ' || new_member, '')
              FROM council_changes WHERE chain_id = :chainId AND manager IN (<addresses>)
            UNION ALL
            SELECT chain_id, block_number, -1, NULL, address, name || ' read ' || value
              FROM state_reads WHERE chain_id = :chainId AND address IN (<probed>) AND name IN (<readings>)
            ORDER BY block_number, log_index""")
    List<ControlEvent> controlEvents(@Bind("chainId") long chainId, @BindList("addresses") List<String> addresses,
                                     @BindList("probed") List<String> probed, @BindList("readings") List<String> readings);
}
