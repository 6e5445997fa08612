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
import org.stagewatch.store.TestDatabases;

/**
 * A backfill through a provider that fails a quarter of all requests (429s, 500s, stalls past the
 * timeout, truncated bodies, "too many results") must end with exactly the database a clean run builds;
 * so must one through a provider that rate-limits single items of a batch, one that caps the batch size
 * (in each format providers refuse with), and one whose load balancer mixes in a node a few blocks behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultIT {
    AnvilNode node;
    Path dir;
    StagewatchConfig written;
    long head;
    Map<String, List<String>> clean;

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
        head = node.blockNumber();
        Store store = new Store(Database.open(TestDatabases.target(dir, "clean.db")));
        new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(through(node.rpcUrl()), OptionalLong.of(head));
        clean = TableDump.of(store);
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private StagewatchConfig through(String url) {
        return through(url, 3);
    }

    /** The devnet config with {@code url} as its only RPC, short timeouts, many retries and ranges of at most {@code maxBlockRange}. */
    private StagewatchConfig through(String url, int maxBlockRange) {
        ChainConfig chain = written.chain("devnet");
        ChainConfig viaProxy = new ChainConfig(chain.name(), chain.chainId(), List.of(url), 0, maxBlockRange, null, 100,
                1, 10, 0, 2);
        return new StagewatchConfig(written.source(), Map.of("devnet", viaProxy), written.daos());
    }

    /** Backfills a fresh database through {@code proxy} up to the head a clean run went to. */
    private Map<String, List<String>> backfillThrough(FaultyRpcProxy proxy, String name) {
        return backfillThrough(proxy, name, 3);
    }

    private Map<String, List<String>> backfillThrough(FaultyRpcProxy proxy, String name, int maxBlockRange) {
        Store store = new Store(Database.open(TestDatabases.target(dir, name + ".db")));
        new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(through(proxy.url(), maxBlockRange), OptionalLong.of(head));
        return TableDump.of(store);
    }

    @Test
    void shouldBuildTheSameDatabaseThroughAFaultyProviderAsThroughAClean() throws Exception {
        try (FaultyRpcProxy proxy = new FaultyRpcProxy(node.rpcUrl(), 20261121, 0.25, Duration.ofMillis(1_200))) {
            Map<String, List<String>> faulty = backfillThrough(proxy, "faulty");

            assertThat(proxy.injectedByKind()).containsOnlyKeys(FaultyRpcProxy.Fault.values());
            assertThat(proxy.injected()).isGreaterThan(30);
            assertThat(faulty).isEqualTo(clean);
            System.out.printf("fault IT: %d faults injected %s, %d requests forwarded%n", proxy.injected(),
                    proxy.injectedByKind(), proxy.forwarded());
        }
    }

    @Test
    void shouldRetryOnlyTheItemsOfABatchThatWereRateLimited() throws Exception {
        try (FaultyRpcProxy proxy = new FaultyRpcProxy(node.rpcUrl(), 429, 0, Duration.ZERO,
                FaultyRpcProxy.Quirks.itemRateLimits(0.1))) {
            Map<String, List<String>> limited = backfillThrough(proxy, "item-limits");

            FaultyRpcProxy.QuirkCounts counts = proxy.quirkCounts();
            assertThat(counts.itemsRateLimited()).isGreaterThan(10);
            assertThat(counts.batchesTaken()).isPositive();
            assertThat(limited).isEqualTo(clean);
            System.out.printf("fault IT, per-item rate limits: %s%n", counts);
        }
    }

    @Test
    void shouldSplitBatchesOverTheProvidersCapAndKeepTheLearnedSize() throws Exception {
        for (FaultyRpcProxy.BatchRefusal refusal : FaultyRpcProxy.BatchRefusal.values()) {
            try (FaultyRpcProxy proxy = new FaultyRpcProxy(node.rpcUrl(), 413, 0, Duration.ZERO,
                    FaultyRpcProxy.Quirks.batchCap(3, refusal))) {
                // ranges of 100 blocks: the first one holds every block with events, a header batch far over the cap
                Map<String, List<String>> capped = backfillThrough(proxy, "capped-" + refusal, 100);

                FaultyRpcProxy.QuirkCounts counts = proxy.quirkCounts();
                // halving from at most 100 to at most 3 takes 6 refusals; after that every batch fits
                assertThat(counts.batchesRefused()).as(refusal.name()).isBetween(1L, 6L);
                assertThat(counts.batchesTaken()).as(refusal.name()).isGreaterThan(counts.batchesRefused());
                assertThat(capped).as(refusal.name()).isEqualTo(clean);
                System.out.printf("fault IT, batch cap answered as %s: %s%n", refusal, counts);
            }
        }
    }

    @Test
    void shouldIndexThroughALoadBalancerWithANodeBehindTheHead() throws Exception {
        // --to is the real head: whenever the lagging node reports the head, --to is 3 blocks past it
        try (FaultyRpcProxy proxy = new FaultyRpcProxy(node.rpcUrl(), 1875, 0, Duration.ZERO,
                FaultyRpcProxy.Quirks.laggingNode(3, 0.5))) {
            Map<String, List<String>> lagged = backfillThrough(proxy, "lagging");

            FaultyRpcProxy.QuirkCounts counts = proxy.quirkCounts();
            assertThat(counts.laggingAnswers()).isGreaterThan(10);
            assertThat(counts.headsBehind()).as("eth_blockNumber answered 3 blocks behind --to").isPositive();
            assertThat(counts.notServed()).as("blocks, logs or state above the lagging head asked for").isPositive();
            assertThat(lagged).isEqualTo(clean);
            System.out.printf("fault IT, lagging node: %s%n", counts);
        }
    }
}
