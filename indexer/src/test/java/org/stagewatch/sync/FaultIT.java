package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;

/**
 * A backfill through a provider that fails a quarter of all requests (429s, 500s, stalls past the
 * timeout, truncated bodies, "too many results") must end with exactly the database a clean run builds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultIT {
    AnvilNode node;
    Path dir;
    StagewatchConfig written;

    @BeforeAll
    void deployAndPlay() throws Exception {
        dir = Files.createTempDirectory("stagewatch-fault-it");
        node = AnvilNode.start(31337);
        DemoDao dao = DemoDaoDeployer.deploy(node);
        DemoScenario.play(node, dao, 11);
        node.mine(400); // a longer chain: more ranges, more requests to fail
        Path file = dir.resolve("demo.yml");
        DevnetConfigWriter.write(file, node.chainId(), node.rpcUrl(), dao);
        written = ConfigLoader.load(file);
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private StagewatchConfig through(String url) {
        ChainConfig chain = written.chain("devnet");
        ChainConfig viaProxy = new ChainConfig(chain.name(), chain.chainId(), List.of(url), 0, 3, null, 100,
                1, 10, 0, 2);
        return new StagewatchConfig(written.source(), Map.of("devnet", viaProxy), written.daos());
    }

    @Test
    void shouldBuildTheSameDatabaseThroughAFaultyProviderAsThroughAClean() throws Exception {
        long head = node.blockNumber();
        Store clean = new Store(Database.open(dir.resolve("clean.db").toString()));
        new Indexer(clean, EventDecoder.standard(), SyncProgress.NONE).backfill(through(node.rpcUrl()), OptionalLong.of(head));

        try (FaultyRpcProxy proxy = new FaultyRpcProxy(node.rpcUrl(), 20261121, 0.25, Duration.ofMillis(1_200))) {
            Store faulty = new Store(Database.open(dir.resolve("faulty.db").toString()));
            new Indexer(faulty, EventDecoder.standard(), SyncProgress.NONE).backfill(through(proxy.url()), OptionalLong.of(head));

            assertThat(proxy.injectedByKind()).containsOnlyKeys(FaultyRpcProxy.Fault.values());
            assertThat(proxy.injected()).isGreaterThan(30);
            assertThat(TableDump.of(faulty)).isEqualTo(TableDump.of(clean));
            System.out.printf("fault IT: %d faults injected %s, %d requests forwarded%n", proxy.injected(),
                    proxy.injectedByKind(), proxy.forwarded());
        }
    }
}
