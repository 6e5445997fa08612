package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.sync.ContractRegistry;
import picocli.CommandLine;

/** Bad input gets one clear message on stderr, exit code 2, and leaves existing data as it was. */
class CommandErrorsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new StagewatchCommand());
        commandLine.setErr(new PrintWriter(System.err, true));
        return StagewatchCommand.execute(commandLine, args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseToQueryADatabaseThatDoesNotExist() {
        String db = dir.resolve("missing.db").toString();
        assertThat(run("proposals", "--dao", "demo", "--db", db)).isEqualTo(2);
        assertThat(stderr()).contains("no database at " + db).contains("stagewatch index");
        assertThat(Files.exists(Path.of(db))).isFalse();
    }

    @Test
    void shouldNameTheKnownDaosWhenAskedForAnUnknownOne() {
        String db = dir.resolve("empty.db").toString();
        Database.open(db);
        assertThat(run("delegates", "--dao", "nope", "--db", db)).isEqualTo(2);
        assertThat(stderr()).contains("no DAO 'nope'").contains("run stagewatch index first");
    }

    @Test
    void shouldRejectATopOutOfRange() {
        assertThat(run("delegates", "--dao", "demo", "--top", "0", "--db", dir.resolve("x.db").toString())).isEqualTo(2);
        assertThat(stderr()).contains("--top must be at least 1, got 0");
    }

    @Test
    void shouldReportEveryConfigProblemWithFileAndKey() throws Exception {
        Path config = dir.resolve("bad.yml");
        Files.writeString(config, """
                chains:
                  devnet: { chainId: 31337, rpc: "http://127.0.0.1:1" }
                daos:
                  demo:
                    contracts:
                      - { kind: govenor, chain: devnet, address: "0x0000000000000000000000000000000000000001" }
                      - { kind: votes-token, chain: mainnet, address: "0x12" }
                """);
        assertThat(run("index", "--config", config.toString(), "--db", dir.resolve("bad.db").toString())).isEqualTo(2);
        assertThat(stderr())
                .contains(config + ": daos.demo.contracts[0].kind: unknown kind 'govenor'")
                .contains("daos.demo.contracts[1].chain")
                .contains("daos.demo.contracts[1].address");
    }

    @Test
    void shouldFailFastOnAnUnreachableRpcAndWriteNothing() throws Exception {
        Path config = dir.resolve("down.yml");
        Files.writeString(config, """
                chains:
                  devnet: { chainId: 31337, rpc: "http://127.0.0.1:1" }
                daos:
                  demo:
                    contracts:
                      - { kind: votes-token, chain: devnet, address: "0x0000000000000000000000000000000000000001" }
                """);
        String db = dir.resolve("down.db").toString();
        assertThat(run("index", "--config", config.toString(), "--db", db)).isEqualTo(2);
        assertThat(stderr()).contains("chain 'devnet'").contains("no RPC endpoint serves it").contains("127.0.0.1:1")
                .contains("Nothing was written");
        assertThat(Files.exists(Path.of(db))).as("no empty database left behind").isFalse();
        assertThat(Files.exists(Path.of(db + ".lock"))).isFalse();
    }

    private static final String ONE_TOKEN = """
            chains:
              devnet: { chainId: 31337, rpc: "http://127.0.0.1:1" }
            daos:
              demo:
                contracts:
                  - { kind: votes-token, chain: devnet, address: "0x0000000000000000000000000000000000000001", startBlock: %d }
            """;

    @Test
    void shouldTellWhatToDoWhenTheConfigChangedUnderAnExistingDatabase() throws Exception {
        Path before = dir.resolve("before.yml");
        Files.writeString(before, ONE_TOKEN.formatted(10));
        String db = dir.resolve("indexed.db").toString();
        var store = new Store(Database.open(db));
        new ContractRegistry(store).record(ConfigLoader.load(before));
        store.jdbi().useHandle(handle -> handle.execute(
                "INSERT INTO sync_checkpoints VALUES (31337, 500, '0xabc', '2026-11-21T00:00:00Z')"));
        Path after = dir.resolve("after.yml");
        Files.writeString(after, ONE_TOKEN.formatted(5));

        assertThat(run("index", "--config", after.toString(), "--db", db)).isEqualTo(2);
        assertThat(stderr()).contains("differ from those " + db + " was indexed with")
                .contains("changed votes-token 0x0000000000000000000000000000000000000001 on chain 31337 in DAO 'demo': start block 10 → 5")
                .contains("Index into a fresh --db").contains("existing data was not changed");
        assertThat(store.checkpoint(31337).orElseThrow().blockNumber()).isEqualTo(500);
    }

    @Test
    void shouldRefuseADatabaseFromANewerSchemaThroughTheCli() throws Exception {
        String db = dir.resolve("newer.db").toString();
        Database.open(db).jdbi().useHandle(handle -> handle.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                    installed_by, installed_on, execution_time, success)
                VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 1, 'test', CURRENT_TIMESTAMP, 1, 1)"""));
        assertThat(run("proposals", "--dao", "demo", "--db", db)).isEqualTo(2);
        assertThat(stderr()).contains("schema version 99, written by a newer Stagewatch").contains("Nothing was changed");
    }

    @Test
    void shouldRejectAnInstantThatIsNotIso8601() {
        assertThat(run("proposals", "--dao", "demo", "--at", "yesterday", "--db", dir.resolve("y.db").toString())).isEqualTo(2);
        assertThat(stderr()).contains("--at 'yesterday' is not an ISO-8601 instant");
    }

    /** A database with DAO 'demo' (a votes token) indexed up to block 10. */
    private String indexedDatabase() {
        String db = dir.resolve("indexed.db").toString();
        if (Files.exists(Path.of(db))) {
            return db;
        }
        Store store = new Store(Database.open(db));
        store.withSync(sync -> {
            sync.insertContracts(List.of(new ContractRow("demo", 1, "0x" + "1".repeat(40),
                    "votes-token", "TOKEN", 0, false, true)));
            return null;
        });
        store.writeRange(List.of(), List.of(new BlockHeader(1, 10, "0xb10", "0xb9", 1000, null)),
                new ProjectedBatch(), List.of(), new Checkpoint(1, 10, "0xb10"));
        return db;
    }

    @Test
    void shouldNameTheKnownDaosWhenMetricsAreAskedForAnUnknownOne() {
        assertThat(run("metrics", "--dao", "nope", "--db", indexedDatabase())).isEqualTo(2);
        assertThat(stderr()).contains("no DAO 'nope'").contains("indexed DAOs: demo");
    }

    @Test
    void shouldRejectAMalformedSeriesStep() {
        assertThat(run("metrics", "--dao", "demo", "--series", "--every", "weekly", "--db", indexedDatabase())).isEqualTo(2);
        assertThat(stderr()).contains("--every 'weekly' is not a step").contains("<N>blocks");
    }

    @Test
    void shouldRejectABlockBeyondTheIndexedHead() {
        assertThat(run("metrics", "--dao", "demo", "--block", "11", "--db", indexedDatabase())).isEqualTo(2);
        assertThat(stderr()).contains("block 11 is outside the indexed range of chain 1 (0 … 10)");
        assertThat(run("metrics", "--dao", "demo", "--series", "--every", "2blocks", "--to", "99", "--db", indexedDatabase()))
                .isEqualTo(2);
        assertThat(stderr()).contains("--to 99 is beyond the indexed head of chain 1 (block 10)");
    }

    @Test
    void shouldNameTheBadRowOfALabelsFile() throws Exception {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "address,entity\n0xnothex,Fund\n");
        assertThat(run("metrics", "--dao", "demo", "--labels", labels.toString(), "--db", indexedDatabase())).isEqualTo(2);
        assertThat(stderr()).contains(labels + ":2: malformed address '0xnothex'");
    }

    @Test
    void shouldRefuseSeriesOptionsWithoutASeriesAndAChartOfAnotherFormat() {
        String db = indexedDatabase();
        assertThat(run("metrics", "--dao", "demo", "--every", "1d", "--db", db)).isEqualTo(2);
        assertThat(stderr()).contains("--every needs --series");
        assertThat(run("metrics", "--dao", "demo", "--series", "--every", "1d", "--chart", "x.jpg", "--db", db)).isEqualTo(2);
        assertThat(stderr()).contains("--chart x.jpg: the file name must end in .png or .svg");
    }

    @Test
    void shouldRefuseStageAndEqualizerOptionsThatDoNotGoTogether() {
        String db = dir.resolve("empty.db").toString();
        Database.open(db);
        assertThat(run("stage", "--dao", "demo", "--db", db, "--history", "--block", "5")).isEqualTo(2);
        assertThat(stderr()).contains("--history covers the whole indexed history");
        assertThat(run("equalizer", "--dao", "demo", "--db", db, "--every", "10blocks")).isEqualTo(2);
        assertThat(stderr()).contains("--every needs --series");
        assertThat(run("equalizer", "--dao", "demo", "--db", db, "--series", "--every", "ten")).isEqualTo(2);
        assertThat(stderr()).contains("--every 'ten' is not a step");
        assertThat(run("equalizer", "--dao", "demo", "--db", db, "--json", "--csv")).isEqualTo(2);
        assertThat(stderr()).contains("either --json or --csv");
        assertThat(run("stage", "--dao", "nope", "--db", db)).isEqualTo(2);
        assertThat(stderr()).contains("no DAO 'nope'");
    }

    @Test
    void shouldRefuseAnExportFormatOrDirectoryItCannotWrite() throws Exception {
        String db = dir.resolve("export.db").toString();
        Database.open(db);
        assertThat(run("export", "--dao", "demo", "--db", db, "--out", dir.resolve("out").toString(), "--format", "xlsx")).isEqualTo(2);
        assertThat(stderr()).contains("--format xlsx: give csv or parquet").doesNotContain("Exception");
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThat(run("export", "--dao", "demo", "--db", db, "--out", file.toString())).isEqualTo(2);
        assertThat(stderr()).contains("is a file: give a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
        assertThat(stderr().lines().count()).isEqualTo(2);
    }

    @Test
    void shouldRefuseJsonAndCsvTogether() {
        String db = dir.resolve("both.db").toString();
        Database.open(db);
        assertThat(run("proposals", "--dao", "demo", "--db", db, "--json", "--csv")).isEqualTo(2);
        assertThat(run("delegates", "--dao", "demo", "--db", db, "--json", "--csv")).isEqualTo(2);
        assertThat(stderr().lines().filter(line -> line.contains("give either --json or --csv, not both")).count()).isEqualTo(2);
    }
}
