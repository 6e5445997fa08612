package org.stagewatch.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.stagewatch.analyze.power.ConcentrationTimelines;
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
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;

/**
 * The demo DAO deployed and played on a real anvil, indexed into SQLite, and {@code stagewatch serve} started on
 * it (a free port, the devnet config with the chain's settings the test needs): what the API tests ask.
 */
final class ServedDemo implements AutoCloseable {
    final AnvilNode node;
    final DemoDao dao;
    final Path dir;
    final Path config;
    final String db;
    final ConfigurableApplicationContext context;
    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param mine          empty blocks mined after the deployment (and the scenario), before serving
     * @param chainSettings YAML lines added to the devnet chain (e.g. "finalityDepth: 3")
     * @param index         serve --index
     */
    ServedDemo(long chainId, boolean play, long mine, boolean backfillFirst, boolean index, String... chainSettings) throws Exception {
        dir = Files.createTempDirectory("stagewatch-serve-it");
        node = AnvilNode.start(chainId);
        dao = DemoDaoDeployer.deploy(node);
        if (play) {
            DemoScenario.play(node, dao, 42);
        }
        if (mine > 0) {
            node.mine(mine);
        }
        config = dir.resolve("demo.yml");
        DevnetConfigWriter.write(config, node.chainId(), node.rpcUrl(), dao);
        String yaml = Files.readString(config);
        StringBuilder settings = new StringBuilder();
        for (String line : chainSettings) {
            settings.append("\n    ").append(line);
        }
        Files.writeString(config, yaml.replaceFirst("(\n    chainId: [0-9]+)", "$1" + settings));
        db = TestDatabases.target(dir, "demo.db");
        if (backfillFirst) {
            Store store = new Store(Database.open(db));
            new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(ConfigLoader.load(config), OptionalLong.empty());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("stagewatch.serve.db", db);
        properties.put("stagewatch.serve.config", config.toString());
        properties.put("stagewatch.serve.index", index);
        long started = System.nanoTime();
        context = StagewatchServer.start(properties);
        System.out.printf("server started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        base = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        if (!index) {
            // the concentration timelines are recorded in the background; the tests ask once they answer /metrics
            ConcentrationTimelines timelines = context.getBean(ConcentrationTimelines.class);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!timelines.caughtUp() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            node.close();
        }
    }
}
