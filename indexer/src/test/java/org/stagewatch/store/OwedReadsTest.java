package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stagewatch.project.ProjectedBatch;

/**
 * The owed state reads (V10) go with the range whose commit records them: committed with it, dropped with it, moved
 * down to the fork point by a rollback, and cleared only at the block they were owed at — on SQLite, and on
 * PostgreSQL when {@value TestDatabases#POSTGRES_VARIABLE} names one.
 */
class OwedReadsTest {
    @TempDir
    Path dir;
    private TestDatabases databases;

    @BeforeEach
    void databases() {
        databases = new TestDatabases(dir);
    }

    @AfterEach
    void dropSchemas() throws Exception {
        databases.close();
    }

    private static void add(Store.RangeWriter writer, long block) {
        writer.add(EncodedLogs.of(List.of()), List.of(new BlockHeader(1, block, "0xb" + block, "0xb" + (block - 1), 1000 + block, null)),
                new ProjectedBatch(), List.of(), new Checkpoint(1, block, "0xb" + block));
    }

    private static Optional<OwedRead> owed(Store store) {
        return store.jdbi().withExtension(OwedReadDao.class, dao -> dao.owed(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void shouldOweTheReadsOfACommittedRangeUntilTheyAreSettledAtItsBlock(String kind) throws Exception {
        Store store = new Store(Database.open(databases.target(kind)));
        try (Store.RangeWriter writer = store.rangeWriter()) {
            add(writer, 10);
            writer.commit();
            assertThat(owed(store)).as("a plain commit owes nothing").isEmpty();
            add(writer, 20);
            writer.commitOwingReads(false);
            assertThat(owed(store)).contains(new OwedRead(1, 20, false));
            add(writer, 30);
            // closed without a commit: the range and what it would owe are dropped together
        }
        assertThat(owed(store)).contains(new OwedRead(1, 20, false));
        try (Store.RangeWriter writer = store.rangeWriter()) {
            add(writer, 30);
            add(writer, 40);
            writer.commitOwingReads(true);
        }
        assertThat(owed(store)).contains(new OwedRead(1, 40, true));

        store.rollbackAbove(1, 30, "0xb30");
        assertThat(owed(store)).as("owed at the fork point").contains(new OwedRead(1, 30, true));
        store.rollbackAbove(1, 35, "0xb35");
        assertThat(owed(store)).as("a rollback above it leaves it").contains(new OwedRead(1, 30, true));

        store.jdbi().useExtension(OwedReadDao.class, dao -> dao.settled(1, 40));
        assertThat(owed(store)).as("settled at another block").contains(new OwedRead(1, 30, true));
        store.jdbi().useExtension(OwedReadDao.class, dao -> dao.settled(1, 30));
        assertThat(owed(store)).isEmpty();
    }
}
