package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.store.TestDatabases;

/**
 * Several processes on one PostgreSQL database: an indexer per chain of two anvil chains ({@code index --chain}),
 * started together, and a third indexer of the first chain, refused with the first one's host and pid, while two
 * {@code serve} replicas answer from the same database. Afterwards every table equals what two runs one after the
 * other give in one SQLite file, and both replicas give the same answers. Runs in the PostgreSQL pass only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedPostgresIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> CHAINS = List.of("alpha", "beta");

    Path dir;
    Path config;
    final List<AnvilNode> nodes = new ArrayList<>();
    final List<Process> processes = new ArrayList<>();

    @BeforeAll
    void twoChains() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgres(), "runs in the PostgreSQL pass (-Dstagewatch.test.backend=postgresql)");
        TestDatabases.serverUrl(); // skips without a server
        dir = Files.createTempDirectory("stagewatch-shared-it");
        ObjectNode merged = YAML.createObjectNode();
        for (int i = 0; i < CHAINS.size(); i++) {
            String name = CHAINS.get(i);
            AnvilNode node = AnvilNode.start(31337 + i);
            nodes.add(node);
            DemoDao dao = DemoDaoDeployer.deploy(node);
            DemoScenario.play(node, dao, 11 + i, 120);
            Path one = dir.resolve(name + ".yml");
            DevnetConfigWriter.write(one, node.chainId(), node.rpcUrl(), dao);
            // the chain and the DAO renamed, so the two fit in one config; many small ranges make each backfill last
            String yaml = Files.readString(one).replace(DevnetConfigWriter.CHAIN, name)
                    .replace("\n  " + DevnetConfigWriter.DAO + ":", "\n  " + name + ":")
                    .replace("    chainId: " + node.chainId() + "\n", "    chainId: " + node.chainId() + "\n    maxBlockRange: 2\n");
            ObjectNode tree = (ObjectNode) YAML.readTree(yaml);
            merged.withObject("chains").setAll((ObjectNode) tree.get("chains"));
            merged.withObject("daos").setAll((ObjectNode) tree.get("daos"));
        }
        config = dir.resolve("shared.yml");
        Files.writeString(config, YAML.writeValueAsString(merged));
    }

    @AfterAll
    void stop() {
        processes.forEach(Process::destroyForcibly);
        nodes.forEach(AnvilNode::close);
    }

    @Test
    void shouldIndexTwoChainsSideBySideRefuseASecondIndexerOfOneAndServeWhileWriting() throws Exception {
        String shared = TestDatabases.target(dir, "shared.db");
        List<Long> heads = nodes.stream().map(node -> node.web3j()).map(web3j -> {
            try {
                return web3j.ethBlockNumber().send().getBlockNumber().longValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();

        // following, the first indexer of alpha holds its lock until stopped: a backfill alone could end before the
        // third indexer's JVM has started; with no new block, what it indexes is what index --to head indexes
        Process alpha = stagewatch("alpha", "index", "--config", config.toString(), "--db", shared, "--chain", "alpha", "--follow");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (checkpoint(shared, 31337) < 0 && alpha.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(alpha.isAlive()).as("the first indexer of alpha is still under way").isTrue();

        Process again = stagewatch("alpha-again", "index", "--config", config.toString(), "--db", shared, "--chain", "alpha");
        List<Integer> ports = List.of(freePort(), freePort());
        List<Process> replicas = new ArrayList<>();
        for (int port : ports) {
            replicas.add(stagewatch("serve-" + port, "serve", "--config", config.toString(), "--db", shared, "--port",
                    Integer.toString(port)));
        }

        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isEqualTo(2);
        assertThat(log("alpha-again")).contains("another stagewatch index is writing chain 31337 to ").contains("postgresql://")
                .contains("pid " + alpha.pid()).doesNotContain("currentSchema");

        // once both replicas answer, beta's indexer starts beside alpha's (which follows alpha's head, holding its lock)
        HttpClient http = HttpClient.newHttpClient();
        long up = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int port : ports) {
            while (get(http, port, "/api/v1/daos") == null && System.nanoTime() < up) {
                Thread.sleep(200);
            }
        }
        Process beta = stagewatch("beta", "index", "--config", config.toString(), "--db", shared, "--chain", "beta",
                "--to", heads.get(1).toString());
        // the replicas answer while the indexers write: never a server error
        List<String> statuses = new ArrayList<>();
        long writing = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (((checkpoint(shared, 31337) < heads.get(0) && alpha.isAlive()) || beta.isAlive()) && System.nanoTime() < writing) {
            for (int port : ports) {
                for (String chain : CHAINS) {
                    HttpResponse<String> answer = get(http, port, "/api/v1/daos/" + chain + "/proposals");
                    if (answer != null) {
                        statuses.add(answer.statusCode() + "");
                        assertThat(answer.statusCode()).as("%s on :%d: %s", chain, port, answer.body()).isLessThan(500);
                    }
                }
            }
            Thread.sleep(200);
        }
        assertThat(alpha.isAlive()).as(log("alpha")).isTrue();
        alpha.destroy(); // SIGTERM: the follower stops after its current range
        assertThat(alpha.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(beta.exitValue()).as(log("beta")).isZero();
        assertThat(statuses).as("the replicas answered while the indexers wrote").contains("200");

        String sequential = dir.resolve("sequential.db").toString();
        for (int i = 0; i < CHAINS.size(); i++) {
            Process run = stagewatch("sequential-" + CHAINS.get(i), "index", "--config", config.toString(), "--db", sequential,
                    "--chain", CHAINS.get(i), "--to", heads.get(i).toString());
            assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(log("sequential-" + CHAINS.get(i))).isZero();
        }
        try (Database postgres = Database.open(shared); Database sqlite = Database.open(sequential)) {
            Map<String, List<String>> expected = TableDump.of(new Store(sqlite));
            assertThat(expected.get("voting_power")).isNotEmpty();
            assertThat(expected.get("contracts")).anyMatch(row -> row.contains("chain_id=31337"))
                    .anyMatch(row -> row.contains("chain_id=31338"));
            assertThat(TableDump.of(new Store(postgres))).isEqualTo(expected);
        }
        for (String chain : CHAINS) {
            HttpResponse<String> first = get(http, ports.get(0), "/api/v1/daos/" + chain + "/metrics");
            HttpResponse<String> second = get(http, ports.get(1), "/api/v1/daos/" + chain + "/metrics");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(second.body()).isEqualTo(first.body());
        }
    }

    private HttpResponse<String> get(HttpClient http, int port, String path) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListeningYet) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A {@code stagewatch} child process on this test's class path, its output in {@code name.log}. */
    private Process stagewatch(String name, String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Dstagewatch.commitMillis=20", "-cp",
                System.getProperty("java.class.path"), "org.stagewatch.cli.StagewatchCommand"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static long checkpoint(String db, long chainId) {
        try (var connection = DriverManager.getConnection(db);
             var statement = connection.prepareStatement("SELECT block_number FROM sync_checkpoints WHERE chain_id = ?")) {
            statement.setLong(1, chainId);
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : -1;
            }
        } catch (SQLException notYet) {
            return -1;
        }
    }
}
