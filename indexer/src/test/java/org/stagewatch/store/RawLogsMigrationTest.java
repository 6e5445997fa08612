package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stagewatch.chain.RawLog;

/**
 * V7 turns the hex TEXT raw logs of older databases into bytes, and V8 packs them one row per block, without
 * losing or changing one — on SQLite, and on PostgreSQL when {@value TestDatabases#POSTGRES_VARIABLE} names one
 * (V7 is written once per database, V8 picks the blob type from the connection).
 */
class RawLogsMigrationTest {
    private static final int MANY_BLOCKS = 2_500;

    @TempDir
    Path dir;

    private TestDatabases databases;

    @BeforeEach
    void open() {
        databases = new TestDatabases(dir);
    }

    @AfterEach
    void drop() throws Exception {
        databases.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void shouldCarryEveryRawLogOfAVersion4DatabaseOverUnchanged(String kind) throws Exception {
        String target = databases.target(kind);
        String url = target.startsWith("jdbc:") ? target : "jdbc:sqlite:" + target;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("4").load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO blocks VALUES (1, 10, '0xb10', '0xb9', 1010, NULL)");
            statement.execute("INSERT INTO blocks VALUES (1, 11, '0xb11', '0xb10', 1022, NULL)");
            statement.execute("INSERT INTO raw_logs VALUES (1, 10, 0, '0xb10', '0x" + "ab".repeat(32) + "', 2, '0x" + "12".repeat(20)
                    + "', '0x" + "01".repeat(32) + "', '0x" + "02".repeat(32) + "', '0x" + "03".repeat(32) + "', '0x" + "04".repeat(32)
                    + "', '0x" + "ff".repeat(40) + "')");
            statement.execute("INSERT INTO raw_logs VALUES (1, 11, 5, '0xb11', '0x" + "cd".repeat(32) + "', 0, '0x" + "34".repeat(20)
                    + "', NULL, NULL, NULL, NULL, '0x')");
            statement.execute("INSERT INTO raw_logs VALUES (1, 11, 6, '0xb11', '0x" + "cd".repeat(32) + "', 0, '0x" + "34".repeat(20)
                    + "', '0x" + "0a".repeat(32) + "', NULL, NULL, NULL, '0x00')");
            // more blocks than V8 inserts in one batch, so it writes while it is still reading raw_logs
            for (int block = 100; block < 100 + MANY_BLOCKS; block++) {
                statement.addBatch("INSERT INTO blocks VALUES (1, %d, '0xb%d', '0xb%d', %d, NULL)".formatted(block, block, block - 1, block));
                statement.addBatch("INSERT INTO raw_logs VALUES (1, %d, 0, '0xb%d', '0x%064x', 0, '0x%s', '0x%064x', NULL, NULL, NULL, '0x')"
                        .formatted(block, block, block, "56".repeat(20), block));
            }
            statement.executeBatch();
        }

        Store store = new Store(Database.open(target));

        List<RawLog> many = store.rawLogs(1, 100, Long.MAX_VALUE);
        assertThat(many).hasSize(MANY_BLOCKS);
        assertThat(many.get(MANY_BLOCKS - 1)).isEqualTo(new RawLog(1, 99 + MANY_BLOCKS, "0xb" + (99 + MANY_BLOCKS),
                "0x%064x".formatted(99 + MANY_BLOCKS), 0, 0, "0x" + "56".repeat(20), List.of("0x%064x".formatted(99 + MANY_BLOCKS)), "0x"));
        assertThat(store.rawLogs(1, 0, 99)).containsExactly(
                new RawLog(1, 10, "0xb10", "0x" + "ab".repeat(32), 2, 0, "0x" + "12".repeat(20),
                        List.of("0x" + "01".repeat(32), "0x" + "02".repeat(32), "0x" + "03".repeat(32), "0x" + "04".repeat(32)),
                        "0x" + "ff".repeat(40)),
                new RawLog(1, 11, "0xb11", "0x" + "cd".repeat(32), 0, 5, "0x" + "34".repeat(20), List.of(), "0x"),
                new RawLog(1, 11, "0xb11", "0x" + "cd".repeat(32), 0, 6, "0x" + "34".repeat(20), List.of("0x" + "0a".repeat(32)), "0x00"));
        List<String> blocks = store.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT block_number || ':' || log_count FROM raw_log_blocks ORDER BY block_number").mapTo(String.class).list());
        assertThat(blocks).startsWith("10:1", "11:2", "100:1").hasSize(2 + MANY_BLOCKS);
        assertThatThrownBy(() -> store.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM raw_logs")
                .mapTo(Long.class).one())).as("raw_logs is dropped").hasMessageContaining("raw_logs");
        store.rollbackAbove(1, 10, "0xb10");
        assertThat(store.rawLogs(1, 0, Long.MAX_VALUE)).hasSize(1);
    }
}
