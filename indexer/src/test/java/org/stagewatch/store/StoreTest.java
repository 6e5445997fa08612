package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.chain.RawLog;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.project.Rows;

class StoreTest {
    @TempDir
    Path dir;

    private static RawLog log(long block, int index) {
        return new RawLog(1, block, "0xb" + block, "0x%064x".formatted(block), 0, index, "0x" + "7e".repeat(20),
                List.of("0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724"), "0x");
    }

    private static ProjectedBatch powerAt(long block, String votes) {
        ProjectedBatch batch = new ProjectedBatch();
        batch.votingPower.add(new Rows.VotingPower(1, "0xtoken", "0xalice", "0", votes, block, 0, "0xt" + block));
        return batch;
    }

    /** Alice's power at {@code block}, from the packed history. */
    private static long powerAt(Store store, long block) {
        return new PowerQueries(store.database()).powerAt(1, "0xtoken", "0xalice", block).longValueExact();
    }

    private void write(Store store, long block, String votes) {
        store.writeRange(List.of(log(block, 0)), List.of(new BlockHeader(1, block, "0xb" + block, "0xb" + (block - 1), 1000 + block, null)),
                powerAt(block, votes), List.of(), new Checkpoint(1, block, "0xb" + block));
    }

    private static Optional<Checkpoint> checkpoint(Store store) {
        return store.jdbi().onDemand(SyncDao.class).checkpoint(1);
    }

    private static long rawLogCount(Store store) {
        return store.jdbi().onDemand(SyncDao.class).rawLogCount(1);
    }

    private static Optional<BlockHeader> block20(Store store) {
        return store.jdbi().onDemand(SyncDao.class).block(1, 20);
    }

    @Test
    void shouldWriteRowsAndCheckpointTogetherAndReadPowerAtAnyBlock() {
        Store store = new Store(Database.open(dir.resolve("a.db").toString()));
        write(store, 10, "5");
        write(store, 20, "7");

        assertThat(checkpoint(store)).contains(new Checkpoint(1, 20, "0xb20"));
        assertThat(powerAt(store, 9)).isZero();
        assertThat(powerAt(store, 15)).isEqualTo(5);
        assertThat(powerAt(store, 20)).isEqualTo(7);
        assertThat(new PowerQueries(store.database()).powersAt(1, "0xtoken", 19))
                .containsExactly(new PowerQueries.DelegatePower("0xalice", BigInteger.valueOf(5)));
        assertThat(new PowerQueries(store.database()).powersAt(1, "0xtoken", 9)).isEmpty();
    }

    @Test
    void shouldDeleteEverythingAboveTheForkPointOnRollback() {
        Store store = new Store(Database.open(dir.resolve("b.db").toString()));
        write(store, 10, "5");
        write(store, 20, "7");

        store.rollbackAbove(1, 15, "0xb15");

        assertThat(checkpoint(store)).contains(new Checkpoint(1, 15, "0xb15"));
        assertThat(rawLogCount(store)).isEqualTo(1);
        assertThat(powerAt(store, 100)).isEqualTo(5);
        assertThat(block20(store)).isEmpty();
    }

    @Test
    void shouldLeaveNothingBehindWhenARangeFailsMidWrite() {
        Store store = new Store(Database.open(dir.resolve("c.db").toString()));
        write(store, 10, "5");
        // the same log position again violates the primary key inside the transaction
        assertThatThrownBy(() -> write(store, 10, "9")).isInstanceOf(RuntimeException.class);

        assertThat(rawLogCount(store)).isEqualTo(1);
        assertThat(powerAt(store, 100)).isEqualTo(5);
    }

    @Test
    void shouldKeepOnlyWhatTheRangeWriterCommitted() {
        Store store = new Store(Database.open(dir.resolve("d.db").toString()));
        try (Store.RangeWriter writer = store.rangeWriter()) {
            writer.add(EncodedLogs.of(List.of(log(10, 0))), List.of(header(10)), powerAt(10, "5"), List.of(), new Checkpoint(1, 10, "0xb10"));
            writer.add(EncodedLogs.of(List.of(log(20, 0))), List.of(header(20)), powerAt(20, "7"), List.of(), new Checkpoint(1, 20, "0xb20"));
            assertThat(writer.pendingLogs()).isEqualTo(2);
            assertThat(checkpoint(store)).as("nothing is visible before the commit").isEmpty();
            assertThat(writer.commit()).contains(new Checkpoint(1, 20, "0xb20"));
            assertThat(writer.pendingLogs()).isZero();
            writer.add(EncodedLogs.of(List.of(log(30, 0))), List.of(header(30)), powerAt(30, "9"), List.of(), new Checkpoint(1, 30, "0xb30"));
            // closed without a commit: block 30 is dropped, as a crash would drop it
        }
        assertThat(checkpoint(store)).contains(new Checkpoint(1, 20, "0xb20"));
        assertThat(rawLogCount(store)).isEqualTo(2);
        assertThat(powerAt(store, 100)).isEqualTo(7);
    }

    @Test
    void shouldDropTheUncommittedRangesWhenOneFailsAndSaySo() {
        Store store = new Store(Database.open(dir.resolve("e.db").toString()));
        write(store, 10, "5");
        try (Store.RangeWriter writer = store.rangeWriter()) {
            writer.add(EncodedLogs.of(List.of(log(20, 0))), List.of(header(20)), powerAt(20, "7"), List.of(), new Checkpoint(1, 20, "0xb20"));
            // block 10's log position again: the primary key refuses it
            assertThatThrownBy(() -> writer.add(EncodedLogs.of(List.of(log(10, 0))), List.of(header(30)), powerAt(30, "9"),
                    List.of(), new Checkpoint(1, 30, "0xb30")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("up to block 30")
                    .hasMessageContaining("nor of the ranges up to block 20");
        }
        assertThat(checkpoint(store)).contains(new Checkpoint(1, 10, "0xb10"));
        assertThat(rawLogCount(store)).isEqualTo(1);
    }

    @Test
    void shouldGiveBackRawLogsExactlyAsWritten() {
        Store store = new Store(Database.open(dir.resolve("f.db").toString()));
        RawLog threeTopics = new RawLog(1, 10, "0xb10", "0x" + "ab".repeat(32), 3, 7, "0x" + "12".repeat(20),
                List.of("0x" + "01".repeat(32), "0x" + "02".repeat(32), "0x" + "03".repeat(32)), "0x" + "ff".repeat(64));
        RawLog noTopicsNoData = new RawLog(1, 10, "0xb10", "0x" + "cd".repeat(32), 4, 8, "0x" + "34".repeat(20), List.of(), "0x");
        store.writeRange(List.of(threeTopics, noTopicsNoData), List.of(header(10)), new ProjectedBatch(), List.of(),
                new Checkpoint(1, 10, "0xb10"));

        assertThat(store.rawLogs(1, 0, 100)).containsExactly(threeTopics, noTopicsNoData);
        assertThat(store.rawLogs(1, 11, 100)).isEmpty();
    }

    private static BlockHeader header(long block) {
        return new BlockHeader(1, block, "0xb" + block, "0xb" + (block - 1), 1000 + block, null);
    }

    @Test
    void shouldRefuseADatabaseWrittenByANewerSchemaWithoutTouchingIt() {
        String file = dir.resolve("newer.db").toString();
        Store store = new Store(Database.open(file));
        write(store, 10, "5");
        store.jdbi().useHandle(handle -> handle.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                    installed_by, installed_on, execution_time, success)
                VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 1, 'test', CURRENT_TIMESTAMP, 1, 1)"""));

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer Stagewatch")
                .hasMessageContaining(file);
        assertThat(rawLogCount(store)).isEqualTo(1);
    }

    @Test
    void shouldNameTheMissingFolderOfADatabasePath() {
        String file = dir.resolve("no/such/folder/x.db").toString();
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
    }
}
