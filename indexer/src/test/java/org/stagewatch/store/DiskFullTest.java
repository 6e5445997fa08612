package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.chain.RawLog;
import org.stagewatch.project.ProjectedBatch;

/**
 * Indexing onto a disk that fills up, on a real full file system: a 3 MiB tmpfs (skipped, and said so, where this
 * machine does not allow mounting one). The failure names the disk-full condition and the file, and the database
 * is intact up to the last committed checkpoint.
 */
class DiskFullTest {
    @TempDir
    Path dir;
    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }

    @Test
    void shouldSayTheDiskIsFullWhichFileAndThatTheCommittedRangesAreIntact() throws Exception {
        Path point = Files.createDirectory(dir.resolve("small-disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", point.toString()),
                "mounting a tmpfs is not permitted here: the full-disk case is skipped");
        mount = point;
        Path db = point.resolve("full.db");
        Store store = new Store(Database.open(db.toString()));

        long committed = -1;
        String data = "0x" + "5a".repeat(4096);
        StoreException failure = null;
        for (long block = 1; block < 10_000 && failure == null; block++) {
            List<RawLog> logs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                logs.add(new RawLog(1, block, "0xb" + block, "0x%064x".formatted(block * 100 + i), i, i, "0x" + "7e".repeat(20),
                        List.of("0x%064x".formatted(block * 1000 + i)), data));
            }
            try {
                store.writeRange(logs, List.of(new BlockHeader(1, block, "0xb" + block, "0xb" + (block - 1), 1000 + block, null)),
                        new ProjectedBatch(), List.of(), new Checkpoint(1, block, "0xb" + block));
                committed = block;
            } catch (StoreException e) {
                failure = e;
            }
        }

        assertThat(failure).as("the 3 MiB disk filled up").isNotNull();
        assertThat(committed).as("some ranges fitted").isPositive();
        assertThat(failure.getMessage()).startsWith("the disk holding database " + db + " is full: ")
                .contains("of chain 1 failed, and none of it was kept; the database is intact up to its checkpoint at block "
                        + committed + " of chain 1. Free space on that disk and run stagewatch index again");
        Database reader = Database.openReadOnly(db.toString());
        assertThat(new Store(reader).checkpoint(1)).contains(new Checkpoint(1, committed, "0xb" + committed));
        String integrity = reader.jdbi().withHandle(handle -> handle.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
        assertThat(integrity).isEqualTo("ok");
        assertThat(new Store(reader).rawLogs(1, 0, Long.MAX_VALUE)).hasSize((int) committed * 20);
        long finalCommitted = committed;
        assertThatThrownBy(() -> new Store(reader).rawLogs(1, finalCommitted + 1, Long.MAX_VALUE).get(0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
