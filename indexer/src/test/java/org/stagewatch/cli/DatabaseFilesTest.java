package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Database;
import org.stagewatch.store.FileFixtures;
import org.stagewatch.store.Store;
import picocli.CommandLine;

/**
 * A --db that is not a usable Stagewatch database: every command answers with one line naming what the file is
 * and what to do, exit 2, and leaves every byte of the file and its folder as it was. Queries read an indexed
 * database that cannot be written (immutable file, read-only folder).
 */
class DatabaseFilesTest {
    @TempDir
    Path root;
    private Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private final FileFixtures files = new FileFixtures();

    @BeforeEach
    void capture() throws Exception {
        dir = Files.createDirectory(root.resolve("data"));
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        files.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int run(String... args) {
        err.reset();
        out.reset();
        CommandLine commandLine = new CommandLine(new StagewatchCommand());
        commandLine.setErr(new PrintWriter(System.err, true));
        return StagewatchCommand.execute(commandLine, args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A config whose only endpoint is a closed port: index gets as far as connecting, and is refused there. */
    private Path config() throws Exception {
        Path config = root.resolve("closed-port.yml");
        Files.writeString(config, """
                chains:
                  devnet: { chainId: 31337, rpc: "http://127.0.0.1:1" }
                daos:
                  demo:
                    contracts:
                      - { kind: votes-token, chain: devnet, address: "0x0000000000000000000000000000000000000001", startBlock: 0 }
                """);
        return config;
    }

    /**
     * Runs a query and index on {@code db}: each exits 2 with one stderr line containing {@code message}, no stack
     * trace, and the folder holding the file is byte for byte as before.
     */
    private void assertRefusedUnchanged(Path db, String message) throws Exception {
        TreeMap<String, String> before = FileFixtures.fingerprint(dir);
        for (String[] command : List.of(
                new String[] {"proposals", "--dao", "demo", "--db", db.toString()},
                new String[] {"metrics", "--dao", "demo", "--json", "--db", db.toString()},
                new String[] {"index", "--config", config().toString(), "--db", db.toString()})) {
            assertThat(run(command)).as(String.join(" ", command)).isEqualTo(2);
            assertThat(stderr()).as(String.join(" ", command)).contains(message).doesNotContain("unexpected failure")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(stderr().strip().lines()).hasSize(1);
            assertThat(FileFixtures.fingerprint(dir)).as("the folder after " + command[0]).isEqualTo(before);
        }
    }

    @Test
    void shouldRefuseADirectory() throws Exception {
        Path db = Files.createDirectory(dir.resolve("a.db"));
        assertRefusedUnchanged(db, "database " + db + " is a directory, not a file: give a file path, e.g. --db " + db.resolve("stagewatch.db"));
    }

    @Test
    void shouldRefuseRandomBytes() throws Exception {
        byte[] bytes = new byte[20_000];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0; // never a text file by chance
        Path db = Files.write(dir.resolve("random.db"), bytes);
        assertRefusedUnchanged(db, "database " + db + " is not a SQLite database (it does not start with SQLite's header)");
    }

    @Test
    void shouldRefuseATextFile() throws Exception {
        Path db = Files.writeString(dir.resolve("notes.db"), "chains:\n  devnet: { chainId: 31337 }\n");
        assertRefusedUnchanged(db, "database " + db + " is a text file, not a SQLite database");
    }

    @Test
    void shouldRefuseATruncatedCopy() throws Exception {
        byte[] whole = Files.readAllBytes(indexed(root.resolve("whole.db")));
        Path halfPages = Files.write(dir.resolve("half.db"), Arrays.copyOf(whole, whole.length / 2 / 4096 * 4096));
        assertRefusedUnchanged(halfPages, "database " + halfPages + " is a truncated SQLite file");
        Path cut = Files.write(dir.resolve("cut.db"), Arrays.copyOf(whole, 10_000));
        assertRefusedUnchanged(cut, "database " + cut + " is a truncated SQLite file (10000 bytes where its header needs");
        Path headerOnly = Files.write(dir.resolve("header.db"), Arrays.copyOf(whole, 60));
        assertRefusedUnchanged(headerOnly, "database " + headerOnly + " is a truncated SQLite file");
    }

    @Test
    void shouldRefuseAnotherProgramsSqliteDatabaseWithoutConvertingIt() throws Exception {
        Path db = dir.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE people (name TEXT)");
            statement.execute("INSERT INTO people VALUES ('ada')");
        }
        assertThat(Files.readAllBytes(db)[18]).as("rollback journal, not WAL").isEqualTo((byte) 1);
        assertRefusedUnchanged(db, "database " + db + " belongs to another program (its tables: people), not to Stagewatch");
    }

    @Test
    void shouldRefuseToQueryAnEmptyFileAndLeaveItEmptyWhenIndexIsRefused() throws Exception {
        Path db = Files.createFile(dir.resolve("empty.db"));
        TreeMap<String, String> before = FileFixtures.fingerprint(dir);
        assertThat(run("proposals", "--dao", "demo", "--db", db.toString())).isEqualTo(2);
        assertThat(stderr()).contains("database " + db + " is an empty file (0 bytes): nothing was indexed into it; "
                + "run stagewatch index --config FILE --db " + db + " first");
        assertThat(FileFixtures.fingerprint(dir)).isEqualTo(before);

        assertThat(run("index", "--config", config().toString(), "--db", db.toString())).isEqualTo(2);
        assertThat(stderr()).contains("no RPC endpoint serves it").contains("Nothing was written");
        assertThat(FileFixtures.fingerprint(dir)).as("still one empty file, and no lock file").isEqualTo(before);
    }

    @Test
    void shouldLeaveNoDatabaseBehindWhenIndexIsRefusedBeforeIndexing() throws Exception {
        Path db = dir.resolve("new.db");
        assertThat(run("index", "--config", config().toString(), "--db", db.toString())).isEqualTo(2);
        assertThat(stderr()).contains("Nothing was written");
        assertThat(FileFixtures.fingerprint(dir)).containsOnlyKeys("");
    }

    @Test
    void shouldQueryAnImmutableDatabaseAndRefuseToIndexIntoIt() throws Exception {
        Path db = indexed(dir.resolve("frozen.db"));
        Assumptions.assumeTrue(files.makeImmutable(db), "chattr +i is not permitted here: the immutable-file case is skipped");
        String hash = FileFixtures.sha256(db);
        assertQueriesWork(db);
        assertIndexRefused(db, "database " + db + " cannot be written (its permissions, an immutable "
                + "attribute or a read-only mount): stagewatch index writes to it");
        assertThat(FileFixtures.sha256(db)).isEqualTo(hash);
        // a read-only reader of a WAL database keeps its shared-memory index in -shm, which SQLite leaves behind
        assertThat(FileFixtures.fingerprint(dir).keySet()).isSubsetOf("", "frozen.db", "frozen.db-shm", "frozen.db-wal");
        assertThat(Files.size(dir.resolve("frozen.db-wal"))).isZero();
    }

    @Test
    void shouldQueryADatabaseInAReadOnlyFolderAndRefuseToIndexIntoIt() throws Exception {
        Path db = indexed(dir.resolve("archive.db"));
        Assumptions.assumeTrue(files.makeImmutable(db, dir), "chattr +i is not permitted here: the read-only folder case is skipped");
        TreeMap<String, String> before = FileFixtures.fingerprint(dir);
        assertQueriesWork(db);
        assertIndexRefused(db, "database " + db + " cannot be written");
        assertThat(FileFixtures.fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void shouldLeaveNothingBehindWhenQueryingAWritableDatabase() throws Exception {
        Path db = indexed(dir.resolve("plain.db"));
        TreeMap<String, String> before = FileFixtures.fingerprint(dir);
        assertQueriesWork(db);
        assertThat(FileFixtures.fingerprint(dir)).isEqualTo(before);
    }

    private void assertQueriesWork(Path db) {
        assertThat(run("proposals", "--dao", "demo", "--db", db.toString(), "--json")).as(stderr()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"dao\" : \"demo\"");
        assertThat(run("delegates", "--dao", "demo", "--db", db.toString())).as(stderr()).isZero();
        assertThat(run("metrics", "--dao", "demo", "--db", db.toString())).as(stderr()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("block 10");
    }

    private void assertIndexRefused(Path db, String refusal) throws Exception {
        assertThat(run("index", "--config", config().toString(), "--db", db.toString())).isEqualTo(2);
        assertThat(stderr()).contains(refusal).doesNotContain("Exception");
    }

    /** A Stagewatch database with DAO 'demo' (a votes token) indexed up to block 10, closed (its WAL merged). */
    private static Path indexed(Path db) {
        Store store = new Store(Database.open(db.toString()));
        store.withSync(sync -> {
            sync.insertContracts(List.of(new ContractRow("demo", 1, "0x" + "1".repeat(40), "votes-token", "TOKEN", 0, false, true)));
            return null;
        });
        store.writeRange(List.of(), List.of(new BlockHeader(1, 10, "0xb10", "0xb9", 1000, null)),
                new ProjectedBatch(), List.of(), new Checkpoint(1, 10, "0xb10"));
        return db;
    }
}
