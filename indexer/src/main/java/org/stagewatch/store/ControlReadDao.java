package org.stagewatch.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.stagewatch.project.ControlRows;

/**
 * Read queries over the control tables, each "as of block B" (every fact with block_number ≤ B, in
 * chain order), and the config's control declarations, which are replaced as a whole per run.
 */
@RegisterConstructorMapper(ControlRows.SafeChange.class)
@RegisterConstructorMapper(ControlRows.RoleChange.class)
@RegisterConstructorMapper(ControlRows.OwnershipChange.class)
@RegisterConstructorMapper(ControlRows.ProxyChange.class)
@RegisterConstructorMapper(ControlRows.TimelockDelay.class)
@RegisterConstructorMapper(ControlRows.CouncilChange.class)
@RegisterConstructorMapper(ControlDeclaration.class)
public interface ControlReadDao {

    @SqlQuery("""
            SELECT * FROM safe_changes WHERE chain_id = :chainId AND safe = :address AND block_number <= :block
            ORDER BY block_number, log_index""")
    List<ControlRows.SafeChange> safeChanges(@Bind("chainId") long chainId, @Bind("address") String safe, @Bind("block") long block);

    @SqlQuery("""
            SELECT * FROM role_changes WHERE chain_id = :chainId AND contract = :address AND block_number <= :block
            ORDER BY block_number, log_index""")
    List<ControlRows.RoleChange> roleChanges(@Bind("chainId") long chainId, @Bind("address") String contract, @Bind("block") long block);

    @SqlQuery("""
            SELECT * FROM ownership_changes WHERE chain_id = :chainId AND contract = :address AND block_number <= :block
            ORDER BY block_number, log_index""")
    List<ControlRows.OwnershipChange> ownershipChanges(@Bind("chainId") long chainId, @Bind("address") String contract,
                                                      @Bind("block") long block);

    @SqlQuery("""
            SELECT * FROM proxy_changes WHERE chain_id = :chainId AND proxy = :address AND block_number <= :block
            ORDER BY block_number, log_index""")
    List<ControlRows.ProxyChange> proxyChanges(@Bind("chainId") long chainId, @Bind("address") String proxy, @Bind("block") long block);

    @SqlQuery("""
            SELECT * FROM timelock_delays WHERE chain_id = :chainId AND timelock = :address AND block_number <= :block
            ORDER BY block_number, log_index""")
    List<ControlRows.TimelockDelay> timelockDelays(@Bind("chainId") long chainId, @Bind("address") String timelock,
                                                  @Bind("block") long block);

    @SqlQuery("""
            SELECT * FROM council_changes WHERE chain_id = :chainId AND manager = :address AND block_number <= :block
            ORDER BY block_number, log_index""")
    List<ControlRows.CouncilChange> councilChanges(@Bind("chainId") long chainId, @Bind("address") String manager,
                                                  @Bind("block") long block);

    /** The value of the latest reading of {@code name} (whatever its arguments) at or before the block, e.g. a governor's last quorum read. */
    @SqlQuery("""
            SELECT value FROM state_reads WHERE chain_id = :chainId AND address = :address AND name = :name
              AND block_number <= :block ORDER BY block_number DESC, args DESC LIMIT 1""")
    Optional<String> latestReadingOfAnyArgs(@Bind("chainId") long chainId, @Bind("address") String address,
                                                      @Bind("name") String name, @Bind("block") long block);

    @SqlQuery("SELECT * FROM control_declarations WHERE dao_id = :daoId ORDER BY declaration, chain_id, address")
    List<ControlDeclaration> declarations(@Bind("daoId") String daoId);

    /** Replaces every declaration with the config's current ones: they describe the config, not the chain. */
    @Transaction
    default void replaceDeclarations(List<ControlDeclaration> declarations) {
        deleteDeclarations();
        insertDeclarations(declarations);
    }

    @SqlUpdate("DELETE FROM control_declarations")
    void deleteDeclarations();

    @SqlBatch("""
            INSERT INTO control_declarations (dao_id, declaration, chain_id, address, other_chain_id, other_address,
                                              delay_seconds, label)
            VALUES (:daoId, :declaration, :chainId, :address, :otherChainId, :otherAddress, :delaySeconds, :label)""")
    void insertDeclarations(@BindMethods List<ControlDeclaration> declarations);
}
