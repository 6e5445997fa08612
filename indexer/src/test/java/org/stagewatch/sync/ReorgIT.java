package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.devnet.FollowedChain;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.store.TestDatabases;

/**
 * Live following through reorgs: while {@code --follow} runs, anvil's snapshot/revert replaces the
 * last 1, 5 and 30 blocks with different transactions; afterwards the followed database must equal
 * a fresh index of the final chain. Reorgs onto a shorter branch (10 blocks replaced by 3), between
 * two runs and under a follower, end the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReorgIT {
    AnvilNode node;
    DemoDao dao;
    StagewatchConfig config;
    Path dir;

    @BeforeAll
    void deployAndPlay() throws Exception {
        dir = Files.createTempDirectory("stagewatch-reorg-it");
        node = AnvilNode.start(31337);
        dao = DemoDaoDeployer.deploy(node);
        DemoScenario.play(node, dao, 7, 80);
        Path file = dir.resolve("demo.yml");
        DevnetConfigWriter.write(file, node.chainId(), node.rpcUrl(), dao);
        StagewatchConfig written = ConfigLoader.load(file);
        ChainConfig chain = written.chain("devnet");
        ChainConfig fast = new ChainConfig(chain.name(), chain.chainId(), chain.rpcUrls(), 0, chain.maxBlockRange(), 64, 50,
                10, 3, 0, 4);
        config = new StagewatchConfig(written.source(), Map.of("devnet", fast), written.daos());
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** The branch the next one replaces: {@code blocks} redelegations, or {@code blocks} empty blocks mined at once. */
    private void mineOldBranch(int blocks, boolean withEvents, String salt) {
        if (withEvents) {
            FollowedChain.mineDelegations(node, dao, blocks, "reorg-" + salt);
        } else {
            node.mine(blocks);
        }
    }

    /** A database indexed afresh from the chain as it is now. */
    private Map<String, List<String>> freshIndex(String name) {
        Store fresh = new Store(Database.open(TestDatabases.target(dir, name)));
        new Indexer(fresh, EventDecoder.standard(), SyncProgress.NONE).backfill(config, OptionalLong.empty());
        return TableDump.of(fresh);
    }

    private static long highestBlock(Store store) {
        return store.jdbi().withHandle(handle -> handle.createQuery("SELECT MAX(block_number) FROM blocks").mapTo(Long.class).one());
    }

    /**
     * {@code index}, then anvil reverts the last 10 blocks and mines 3 others, then {@code index} again: the head is
     * now below the checkpoint. The second run finds the fork point and indexes the new branch: the database equals a
     * fresh index of the final chain. The replaced blocks carry events (a stored header says which block was indexed
     * at the new head's height, and it is not the chain's), or are empty (no stored header says).
     */
    @ParameterizedTest(name = "replaced blocks with events: {0}")
    @ValueSource(booleans = {true, false})
    void shouldRollBackAtTheStartOfARunWhenTheChainIsNowShorter(boolean withEvents) throws Exception {
        Store indexed = new Store(Database.open(TestDatabases.target(dir, "shorter-" + withEvents + ".db")));
        Indexer indexer = new Indexer(indexed, EventDecoder.standard(), SyncProgress.NONE);
        String snapshot = node.snapshot();
        long forkPoint = node.blockNumber();
        mineOldBranch(10, withEvents, "long-" + withEvents);
        long oldHead = node.blockNumber();
        indexer.backfill(config, OptionalLong.empty());
        assertThat(indexed.checkpoint(31337).orElseThrow().blockNumber()).isEqualTo(oldHead);

        assertThat(node.revert(snapshot)).isTrue();
        FollowedChain.mineDelegations(node, dao, 3, "reorg-short-" + withEvents);
        long head = node.blockNumber();
        assertThat(head).isGreaterThan(forkPoint).isLessThan(oldHead);
        indexer.backfill(config, OptionalLong.empty());

        assertThat(indexed.checkpoint(31337).orElseThrow().blockHash()).isEqualTo(FollowedChain.headHash(node));
        assertThat(highestBlock(indexed)).as("no header of a block above the head").isEqualTo(head);
        Map<String, List<String>> expected = freshIndex("shorter-fresh-" + withEvents + ".db");
        assertThat(TableDump.of(indexed)).isEqualTo(expected);
        assertThat(expected.get("voting_power")).as("rows from the 3 blocks of the new branch")
                .anyMatch(row -> Long.parseLong(row.replaceAll(".*block_number=(\\d+).*", "$1")) > forkPoint);
    }

    /**
     * The same under {@code --follow}: 10 blocks (with events, then empty) replaced by 3 while the follower runs; it
     * reaches the new head without waiting for the chain to grow past its old checkpoint, and the database equals a
     * fresh index of the final chain.
     */
    @Test
    void shouldFollowReorgsOntoShorterBranches() throws Exception {
        Store followed = new Store(Database.open(TestDatabases.target(dir, "followed-shorter.db")));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<?> follower = thread.submit(() -> {
            new Indexer(followed, EventDecoder.standard(), SyncProgress.NONE).follow(config, stop::get);
            return null;
        });
        try {
            FollowedChain.awaitCheckpointAtHead(node, followed, 31337);
            for (boolean withEvents : new boolean[] {true, false}) {
                String snapshot = node.snapshot();
                mineOldBranch(10, withEvents, "followed-long-" + withEvents);
                long oldHead = node.blockNumber();
                FollowedChain.awaitCheckpointAtHead(node, followed, 31337);
                assertThat(node.revert(snapshot)).isTrue();
                FollowedChain.mineDelegations(node, dao, 3, "reorg-followed-short-" + withEvents);
                assertThat(node.blockNumber()).isLessThan(oldHead);
                FollowedChain.awaitCheckpointAtHead(node, followed, 31337);
                assertThat(highestBlock(followed)).as("after 10 blocks replaced by 3").isEqualTo(node.blockNumber());
            }
        } finally {
            stop.set(true);
            follower.get();
            thread.shutdown();
        }
        assertThat(TableDump.of(followed)).isEqualTo(freshIndex("followed-shorter-fresh.db"));
    }

    @Test
    void shouldEndEqualToAFreshIndexAfterReorgsOfOneFiveAndThirtyBlocks() throws Exception {
        Store followed = new Store(Database.open(TestDatabases.target(dir, "followed.db")));
        AtomicBoolean stop = new AtomicBoolean();
        long lastForkPoint = 0;
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<?> follower = thread.submit(() -> {
            new Indexer(followed, EventDecoder.standard(), SyncProgress.NONE).follow(config, stop::get);
            return null;
        });
        try {
            FollowedChain.awaitCheckpointAtHead(node, followed, 31337);
            for (int depth : new int[] {1, 5, 30}) {
                String snapshot = node.snapshot();
                FollowedChain.mineDelegations(node, dao, depth, "reorg-old-" + depth);
                FollowedChain.awaitCheckpointAtHead(node, followed, 31337);
                long indexedBefore = followed.rawLogCount(31337);

                assertThat(node.revert(snapshot)).isTrue();
                lastForkPoint = node.blockNumber();
                FollowedChain.mineDelegations(node, dao, depth, "reorg-new-" + depth);
                FollowedChain.awaitCheckpointAtHead(node, followed, 31337);
                assertThat(followed.rawLogCount(31337)).as("after a %d-block reorg", depth)
                        .isEqualTo(indexedBefore);
            }
        } finally {
            stop.set(true);
            follower.get();
            thread.shutdown();
        }
        Store fresh = new Store(Database.open(TestDatabases.target(dir, "fresh.db")));
        new Indexer(fresh, EventDecoder.standard(), SyncProgress.NONE).backfill(config, OptionalLong.empty());
        Map<String, List<String>> expected = TableDump.of(fresh);
        assertThat(TableDump.of(followed)).isEqualTo(expected);
        long forkPoint = lastForkPoint;
        assertThat(expected.get("voting_power")).as("rows from the branch that replaced the last 30 blocks")
                .anyMatch(row -> Long.parseLong(row.replaceAll(".*block_number=(\\d+).*", "$1")) > forkPoint);
    }
}
