package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.store.TestDatabases;

/**
 * kill -9 of a real {@code stagewatch index} process at random points of a backfill, restarted each
 * time: the final database must equal an uninterrupted run's; SIGKILL and SIGTERM right after the last
 * commit, before the state reads: the re-run reads them. Also checks the writer lock: a second
 * indexer on the same database is refused while the first runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashIT {
    AnvilNode node;
    Path dir;
    Path config;
    long head;

    @BeforeAll
    void deployAndPlay() throws Exception {
        dir = Files.createTempDirectory("stagewatch-crash-it");
        node = AnvilNode.start(31337);
        DemoDao dao = DemoDaoDeployer.deploy(node);
        DemoScenario.play(node, dao, 3, 120);
        node.mine(300);
        head = node.blockNumber();
        config = dir.resolve("demo.yml");
        DevnetConfigWriter.write(config, node.chainId(), node.rpcUrl(), dao);
        // one-block ranges: many small transactions, so a kill lands in the middle of the backfill
        Files.writeString(config, Files.readString(config).replace("    chainId: 31337\n", "    chainId: 31337\n    maxBlockRange: 1\n"));
    }

    /** Every indexer a case started: one a failed assertion left running (paused, or following) must not outlive it. */
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        started.clear();
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private Process index(String db) throws Exception {
        return index(db, "--to", Long.toString(head));
    }

    /** A {@code stagewatch index} child process on {@code db} with {@code until}: {@code --to N} or {@code --follow}. */
    private Process index(String db, String... until) throws Exception {
        return index(List.of(), db, until);
    }

    /** The same with extra JVM options ({@code -Dname=value}). */
    private Process index(List<String> jvmOptions, String db, String... until) throws Exception {
        // commits every 20 ms instead of every 2 s: the backfill takes a few seconds, and the kills must land
        // between commits, with ranges written into a transaction that is still open
        List<String> options = new ArrayList<>(List.of("-Dstagewatch.commitMillis=20"));
        options.addAll(jvmOptions);
        List<String> arguments = new ArrayList<>(List.of("index", "--config", config.toString(), "--db", db));
        arguments.addAll(List.of(until));
        Process process = stagewatch(options, arguments).redirectErrorStream(true)
                .redirectOutput(dir.resolve("index-" + System.nanoTime() + ".log").toFile()).start();
        started.add(process);
        return process;
    }

    /** A {@code stagewatch} child process on this test's class path. */
    private static ProcessBuilder stagewatch(List<String> jvmOptions, List<String> arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.stagewatch.cli.StagewatchCommand"));
        command.addAll(arguments);
        return new ProcessBuilder(command);
    }

    @Test
    void shouldEndIdenticalToAnUninterruptedRunAfterKillsAtRandomPoints() throws Exception {
        String db = TestDatabases.target(dir, "crashed.db");
        Random random = new Random(42);
        long[] killAt = random.longs(4, 30, head - 30).sorted().toArray();
        List<Long> checkpointsAtKill = new ArrayList<>();
        for (long target : killAt) {
            Process process = index(db);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (checkpoint(db) < target && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            process.waitFor(10, TimeUnit.SECONDS);
            checkpointsAtKill.add(checkpoint(db));
        }
        Process last = index(db);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();

        Store uninterrupted = new Store(Database.open(TestDatabases.target(dir, "uninterrupted.db")));
        new Indexer(uninterrupted, EventDecoder.standard(), SyncProgress.NONE).backfill(ConfigLoader.load(config), OptionalLong.of(head));

        assertThat(checkpointsAtKill).as("kills landed mid-backfill").anyMatch(block -> block > 0 && block < head);
        assertThat(TableDump.of(new Store(Database.open(db)))).isEqualTo(TableDump.of(uninterrupted));
        System.out.println("crash IT: checkpoints when killed " + checkpointsAtKill + " of " + head);
    }

    /**
     * Killed (SIGKILL) or stopped (SIGTERM) between the commit of the last range and the state reads that follow it —
     * held there by {@code stagewatch.pauseAfterLastCommit} — and run again with no new block: the re-run reads what
     * the first one owed, and {@code proposals --json} equals an uninterrupted run's, quorums and states included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"SIGKILL", "SIGTERM"})
    void shouldReadTheStateOwedByARunStoppedRightAfterItsLastCommit(String signal) throws Exception {
        String db = TestDatabases.target(dir, "owed-" + signal + ".db");
        // no time-based commit (a commit while the writer waits for the last range may still come before it): the
        // reads owed by the last commit, those of the run's last block among them, are owed when it stops
        Process first = index(List.of("-Dstagewatch.commitMillis=600000", "-Dstagewatch.pauseAfterLastCommit=true"), db);
        Path log = latestLog();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Files.readString(log).contains("paused after the last commit") && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(log)).as("the run paused after its last commit").contains("paused after the last commit, at block " + head);
        assertThat(checkpoint(db)).isEqualTo(head);
        assertThat(count(db, "SELECT COUNT(*) FROM owed_reads WHERE block_number = " + head + " AND run_end = 1")).isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM state_reads WHERE block_number = " + head))
                .as("nothing read at the run's last block yet").isZero();
        if (signal.equals("SIGKILL")) {
            first.destroyForcibly();
        } else {
            first.destroy(); // SIGTERM: the JVM runs its shutdown hooks and exits
        }
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isNotZero();

        Process rerun = index(db);
        assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).isZero();
        assertThat(Files.readString(latestLog())).contains("already up to date at block " + String.format("%,d", head));
        assertThat(count(db, "SELECT COUNT(*) FROM owed_reads")).isZero();

        String clean = uninterrupted();
        JsonNode expected = proposalsJson(clean);
        assertThat(expected.get("proposals")).as("proposals with a quorum read from the chain").isNotEmpty()
                .allSatisfy(proposal -> assertThat(proposal.get("quorum").isNull()).isFalse());
        assertThat(proposalsJson(db)).isEqualTo(expected);
        assertThat(TableDump.of(new Store(Database.open(db)))).isEqualTo(TableDump.of(new Store(Database.open(clean))));
    }

    /** A database indexed to the head in one run, nobody interrupting it (made once). */
    private synchronized String uninterrupted() {
        if (clean == null) {
            clean = TestDatabases.target(dir, "clean.db");
            new Indexer(new Store(Database.open(clean)), EventDecoder.standard(), SyncProgress.NONE)
                    .backfill(ConfigLoader.load(config), OptionalLong.of(head));
        }
        return clean;
    }

    private String clean;

    /** A JDBC URL for a --db: the SQLite file's, or the PostgreSQL URL itself. */
    private static String jdbc(String db) {
        return db.startsWith("jdbc:") ? db : "jdbc:sqlite:" + db;
    }

    /** What {@code stagewatch proposals --json} prints for the demo DAO, from a process of its own. */
    private static JsonNode proposalsJson(String db) throws Exception {
        Process process = stagewatch(List.of(), List.of("proposals", "--dao", DevnetConfigWriter.DAO, "--db", db, "--json"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new ObjectMapper().readTree(out);
    }

    private static long count(String db, String query) throws SQLException {
        try (var connection = DriverManager.getConnection(jdbc(db));
             var result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void shouldRefuseASecondIndexerOnTheSameDatabase() throws Exception {
        String db = TestDatabases.target(dir, "locked.db");
        // following, the first holds the lock until it is killed: a backfill alone could end (the devnet's is a
        // few seconds) before the second has started
        Process first = index(db, "--follow");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // SQLite: the lock file exists; PostgreSQL: the follower has committed a range, so it holds the lock (taken first)
            while ((TestDatabases.postgres() ? checkpoint(db) < 0 : !Files.exists(Path.of(db + ".lock")))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
            Process second = index(db);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(latestLog());
            assertThat(second.exitValue()).isEqualTo(2);
            assertThat(output).contains(TestDatabases.postgres() ? "another stagewatch index is writing chain 31337 to "
                    : "another stagewatch index is writing to " + db).contains("pid " + first.pid());
            if (TestDatabases.postgres()) {
                assertThat(output).as("the URL cut after the host").contains("postgresql://").doesNotContain("currentSchema");
            }
        } finally {
            first.destroyForcibly();
            first.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The checkpoint the child has committed, read over a plain connection (no migration, no lock). */
    private static long checkpoint(String db) {
        if (!db.startsWith("jdbc:") && !Files.exists(Path.of(db))) {
            return -1;
        }
        try (var connection = DriverManager.getConnection(jdbc(db));
             var result = connection.createStatement().executeQuery("SELECT block_number FROM sync_checkpoints")) {
            return result.next() ? result.getLong(1) : -1;
        } catch (SQLException notYet) {
            return -1;
        }
    }

    private Path latestLog() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("index-"))
                    .max(Comparator.comparing(Path::toString)).orElseThrow();
        }
    }
}
