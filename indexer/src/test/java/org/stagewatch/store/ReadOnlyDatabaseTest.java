package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A store opened with {@link ReadOnlyDatabase} cannot write, by any statement, on SQLite and PostgreSQL, while it
 * reads what a writer stored; a missing SQLite file or a schema older than this Stagewatch's is refused, not
 * created or migrated.
 */
class ReadOnlyDatabaseTest {
    @TempDir
    Path dir;
    TestDatabases databases;

    @BeforeEach
    void databases() {
        databases = new TestDatabases(dir);
    }

    @AfterEach
    void drop() throws Exception {
        databases.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void shouldReadWhatWasWrittenAndRefuseEveryWrite(String kind) throws Exception {
        String target = databases.target(kind);
        Store writer = new Store(Database.open(target));
        writer.jdbi().useHandle(handle -> handle.execute(
                "INSERT INTO sync_checkpoints (chain_id, block_number, block_hash, updated_at) VALUES (7, 100, '0xab', 'now')"));
        Store reader = new Store(ReadOnlyDatabase.open(target));
        assertThat(reader.checkpoint(7)).contains(new Checkpoint(7, 100, "0xab"));
        for (String write : List.of(
                "UPDATE sync_checkpoints SET block_number = 101",
                "DELETE FROM sync_checkpoints",
                "INSERT INTO contracts (dao_id, chain_id, address, kind, label, start_block, critical, transfers) "
                        + "VALUES ('x', 7, '0x1', 'safe', 'x', 0, 0, 0)",
                "CREATE TABLE intruder (x INTEGER)",
                "DROP TABLE blocks")) {
            assertThatThrownBy(() -> reader.jdbi().useHandle(handle -> handle.execute(write))).as(write)
                    .hasMessageMatching("(?is).*(readonly|read-only).*");
            // also inside an explicit transaction, as a writer would
            assertThatThrownBy(() -> reader.jdbi().useTransaction(handle -> handle.execute(write))).as(write)
                    .hasMessageMatching("(?is).*(readonly|read-only).*");
        }
        assertThatThrownBy(() -> reader.rollbackAbove(7, 50, "0x00")).hasMessageMatching("(?is).*(readonly|read-only).*");
        assertThat(writer.checkpoint(7)).contains(new Checkpoint(7, 100, "0xab"));
        List<ContractRow> contracts = writer.withSync(sync -> sync.contracts());
        assertThat(contracts).isEmpty();
    }

    @Test
    void shouldRefuseAMissingFileInsteadOfCreatingOne() {
        Path missing = dir.resolve("missing.db");
        assertThatThrownBy(() -> ReadOnlyDatabase.open(missing.toString())).isInstanceOf(StoreException.class)
                .hasMessageContaining("no database at").hasMessageContaining("stagewatch index");
        assertThat(missing).doesNotExist();
    }

    @Test
    void shouldRefuseAnOlderSchemaRatherThanMigrateIt() throws Exception {
        String target = databases.target("sqlite");
        Database.open(target);
        new Store(Database.open(target)).jdbi().useHandle(handle -> handle.execute(
                "DELETE FROM flyway_schema_history WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)"));
        assertThatThrownBy(() -> ReadOnlyDatabase.open(target)).isInstanceOf(StoreException.class)
                .hasMessageContaining("and this Stagewatch reads version " + Database.SCHEMA_VERSION).hasMessageContaining("stagewatch index");
    }
}
