package org.stagewatch.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The milestone declarations ({@link MilestoneDeclaration} as JSON), replaced as a whole per run like the stage declarations. */
public interface MilestoneDao {

    @Transaction
    default void replace(List<String> daoIds, List<String> declarations) {
        deleteAll();
        insert(daoIds, declarations);
    }

    @SqlUpdate("DELETE FROM milestone_declarations")
    void deleteAll();

    @SqlBatch("INSERT INTO milestone_declarations (dao_id, declaration) VALUES (:daoId, :declaration)")
    void insert(@Bind("daoId") List<String> daoIds, @Bind("declaration") List<String> declarations);

    @SqlQuery("SELECT declaration FROM milestone_declarations WHERE dao_id = :daoId")
    Optional<String> declaration(@Bind("daoId") String daoId);

    /** The declaration of a DAO; an empty one when its config declared none (or was recorded before V12). */
    default MilestoneDeclaration of(String daoId) {
        return declaration(daoId).map(MilestoneDeclaration::fromJson).orElse(MilestoneDeclaration.NONE);
    }
}
