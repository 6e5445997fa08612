package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DevKeys;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.devnet.Transactor;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;

/** Live following over a WebSocket newHeads subscription: new blocks are indexed long before the poll interval. */
class LiveFollowIT {
    @Test
    void shouldIndexNewBlocksAsTheirHeadsArriveOverWebSocket() throws Exception {
        Path dir = Files.createTempDirectory("stagewatch-live-it");
        try (AnvilNode node = AnvilNode.start(31337)) {
            DemoDao dao = DemoDaoDeployer.deploy(node);
            Path file = dir.resolve("demo.yml");
            DevnetConfigWriter.write(file, node.chainId(), node.rpcUrl(), dao);
            StagewatchConfig written = ConfigLoader.load(file);
            ChainConfig chain = written.chain("devnet");
            String ws = node.rpcUrl().replace("http://", "ws://");
            // a poll interval of a minute: only the subscription can explain an update within seconds
            ChainConfig wsChain = new ChainConfig(chain.name(), chain.chainId(), List.of(node.rpcUrl(), ws), 0,
                    chain.maxBlockRange(), 64, 60_000, 10, 3, 0, 4);
            StagewatchConfig config = new StagewatchConfig(written.source(), Map.of("devnet", wsChain), written.daos());
            Store store = new Store(Database.open(dir.resolve("live.db").toString()));
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService thread = Executors.newSingleThreadExecutor();
            Future<?> follower = thread.submit(() -> {
                new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).follow(config, stop::get);
                return null;
            });
            try {
                awaitCheckpoint(store, node.blockNumber(), Duration.ofSeconds(30));
                Thread.sleep(500); // the follower is now waiting on the subscription
                String data = FunctionEncoder.encode(new Function("delegate",
                        List.of(new Address(DevKeys.derived("live", 1, 0).getAddress())), List.of()));
                new Transactor(node).sendAndMine(dao.treasury(), dao.token().address(), data, 200_000, "delegate");
                long started = System.nanoTime();
                awaitCheckpoint(store, node.blockNumber(), Duration.ofSeconds(15));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
                long delegations = store.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM delegations").mapTo(Long.class).one());
                assertThat(delegations).isPositive();
            } finally {
                stop.set(true);
                follower.cancel(true);
                thread.shutdownNow();
            }
        }
    }

    private static void awaitCheckpoint(Store store, long block, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (store.checkpoint(31337).map(cp -> cp.blockNumber() >= block).orElse(false)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("checkpoint did not reach block " + block + " within " + limit);
    }
}
