package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.bench.SimulatedProvider;
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
import org.stagewatch.store.RpcLimitsDao;
import org.stagewatch.store.Store;

/**
 * A backfill through a provider with a hosted provider's limits (latency, a request-rate token bucket answering 429
 * with Retry-After, an eth_getLogs range cap and result cap in Infura's wording, a batch cap), in front of the demo
 * devnet: the database equals a clean run's, the caps are learned and stored, a failing range is never asked twice,
 * the rate is never exceeded in any second when it is configured, and a restart starts from the learned range.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderLimitsIT {
    static final long MAX_RANGE = 40;
    static final long MAX_LOGS = 12;
    static final double RPS = 40;

    AnvilNode node;
    Path dir;
    StagewatchConfig written;
    long head;
    Map<String, List<String>> clean;

    @BeforeAll
    void deployAndPlay() throws Exception {
        dir = Files.createTempDirectory("stagewatch-provider-it");
        node = AnvilNode.start(31337);
        DemoDao dao = DemoDaoDeployer.deploy(node);
        DemoScenario.play(node, dao, 11);
        node.mine(300);
        Path file = dir.resolve("demo.yml");
        DevnetConfigWriter.write(file, node.chainId(), node.rpcUrl(), dao);
        written = ConfigLoader.load(file);
        head = node.blockNumber();
        Store store = new Store(Database.open(dir.resolve("clean.db").toString()));
        new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(through(node.rpcUrl(), 0), OptionalLong.of(head));
        clean = TableDump.of(store);
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** The devnet config with {@code url} as its only RPC, ranges of 200 blocks to start from, and {@code rps} configured. */
    private StagewatchConfig through(String url, int rps) {
        ChainConfig chain = written.chain("devnet");
        ChainConfig via = new ChainConfig(chain.name(), chain.chainId(), List.of(url), 0, 200, null, 100, 5, 8, rps, 2);
        return new StagewatchConfig(written.source(), Map.of("devnet", via), written.daos());
    }

    private SimulatedProvider provider(double rps) throws Exception {
        return new SimulatedProvider(node.rpcUrl(), new SimulatedProvider.Limits(Duration.ofMillis(15), rps, MAX_RANGE, MAX_LOGS, 5));
    }

    @Test
    void shouldLearnTheCapsKeepTheRateAndRestartFromTheLearnedRange() throws Exception {
        Store store = new Store(Database.open(dir.resolve("limited.db").toString()));
        long chainId = written.chain("devnet").chainId();
        try (SimulatedProvider provider = provider(RPS)) {
            new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(through(provider.url(), (int) RPS),
                    OptionalLong.of(head / 2));
            int askedInFirstRun = provider.getLogsAsked().size();
            List<RpcLimitsDao.Row> learned = store.jdbi().withExtension(RpcLimitsDao.class, dao -> dao.limits(chainId));
            assertThat(learned).singleElement().satisfies(row -> {
                assertThat(row.endpoint()).isEqualTo("http://127.0.0.1:" + URI.create(provider.url()).getPort());
                assertThat(row.blockCap()).as("the provider's range cap, named in its answer").isEqualTo(MAX_RANGE);
                assertThat(row.rangeBlocks()).isBetween(1L, MAX_RANGE);
            });

            // a restart (a new process would read the same row): no range wider than the cap is asked again
            new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(through(provider.url(), (int) RPS),
                    OptionalLong.of(head));
            List<long[]> secondRun = provider.getLogsAsked().subList(askedInFirstRun, provider.getLogsAsked().size());
            assertThat(secondRun).isNotEmpty().allSatisfy(range -> assertThat(range[1] - range[0] + 1).isLessThanOrEqualTo(MAX_RANGE));

            assertThat(TableDump.of(store)).isEqualTo(clean);
            assertThat(new HashSet<>(provider.refusedRanges())).as("a refused range asked twice")
                    .hasSameSizeAs(provider.refusedRanges());
            assertThat(provider.refusedRanges()).as("the caps were met").isNotEmpty();
            assertThat(provider.mostInAnySecond()).as("requests in any second").isLessThanOrEqualTo((long) RPS);
            assertThat(provider.counts().rateLimited()).isZero();
            System.out.printf("provider IT, configured rate: %s; refused ranges %s; most in a second %d%n", provider.counts(),
                    provider.refusedRanges(), provider.mostInAnySecond());
        }
    }

    @Test
    void shouldFindTheRateThroughThe429sWhenNoneIsConfigured() throws Exception {
        Store store = new Store(Database.open(dir.resolve("unconfigured.db").toString()));
        try (SimulatedProvider provider = provider(15)) {
            new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(through(provider.url(), 0), OptionalLong.of(head));

            assertThat(provider.counts().rateLimited()).as("429s answered").isPositive();
            assertThat(TableDump.of(store)).isEqualTo(clean);
            assertThat(new HashSet<>(provider.refusedRanges())).hasSameSizeAs(provider.refusedRanges());
            System.out.printf("provider IT, rate found through 429s: %s%n", provider.counts());
        }
    }
}
