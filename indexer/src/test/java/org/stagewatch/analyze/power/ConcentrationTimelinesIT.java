package org.stagewatch.analyze.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.MetricsAnalyzer;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.FollowedChain;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.query.Documents;
import org.stagewatch.query.Json;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.store.TestDatabases;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * The server's concentration timelines kept up with a store that {@code --follow} indexes from a live anvil: at every
 * block the metrics read from the timeline are byte for byte the document the pass over the power history gives (the
 * CLI's computation), while the chain grows (blocks beyond the timeline are computed the old way until it is
 * extended), after a reorg replaces blocks it had recorded (never the recorded numbers: it is built again), and after
 * a reorg onto a shorter branch. At the replaced blocks the total voting power and the number of delegates are also
 * checked against getPastVotes of every delegate on the chain itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcentrationTimelinesIT {
    private static final long CHAIN = 31_337;
    private static final ObjectMapper JSON = Json.mapper();

    AnvilNode node;
    DemoDao dao;
    Path dir;
    StagewatchConfig config;
    Store written;
    Store reader;
    DaoScope scope;
    ConcentrationTimelines timelines;
    final AtomicBoolean stop = new AtomicBoolean();
    ExecutorService thread;
    Future<?> follower;

    @BeforeAll
    void deployPlayAndFollow() throws Exception {
        dir = Files.createTempDirectory("stagewatch-timelines-it");
        node = AnvilNode.start(CHAIN);
        dao = DemoDaoDeployer.deploy(node);
        DemoScenario.play(node, dao, 11, 60);
        Path file = dir.resolve("demo.yml");
        DevnetConfigWriter.write(file, node.chainId(), node.rpcUrl(), dao);
        StagewatchConfig loaded = ConfigLoader.load(file);
        ChainConfig chain = loaded.chain("devnet");
        ChainConfig fast = new ChainConfig(chain.name(), chain.chainId(), chain.rpcUrls(), 0, chain.maxBlockRange(), 64, 50,
                10, 3, 0, 4);
        config = new StagewatchConfig(loaded.source(), Map.of("devnet", fast), loaded.daos());
        String db = TestDatabases.target(dir, "followed.db");
        written = new Store(Database.open(db));
        thread = Executors.newSingleThreadExecutor();
        follower = thread.submit(() -> {
            new Indexer(written, EventDecoder.standard(), SyncProgress.NONE).follow(config, stop::get);
            return null;
        });
        FollowedChain.awaitCheckpointAtHead(node, written, CHAIN);
        reader = new Store(Database.openReadOnly(db));
        scope = DaoScope.load(reader, "demo");
        timelines = new ConcentrationTimelines(reader);
    }

    @AfterAll
    void stop() throws Exception {
        stop.set(true);
        if (follower != null) {
            follower.get();
            thread.shutdown();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldAnswerEveryBlockAsThePassDoesWhileTheChainGrowsAndReorganises() throws Exception {
        timelines.refresh();
        assertThat(timelines.caughtUp()).isTrue();
        long head = node.blockNumber();
        assertThat(covered(head)).as("the timeline covers the head once refreshed").isTrue();
        compareEveryBlock(0, head);

        // the chain grows: beyond the timeline the old way answers, until a refresh extends it
        FollowedChain.mineDelegations(node, dao, 5, "timeline-grow");
        FollowedChain.awaitCheckpointAtHead(node, written, CHAIN);
        long grown = node.blockNumber();
        assertThat(covered(grown)).as("a block indexed after the last refresh").isFalse();
        compareEveryBlock(head + 1, grown);
        timelines.refresh();
        assertThat(covered(grown)).isTrue();
        compareEveryBlock(head - 2, grown);

        // a reorg replaces 4 recorded blocks with others: the recorded numbers of the old branch are never served
        String snapshot = node.snapshot();
        long forkPoint = node.blockNumber();
        FollowedChain.mineDelegations(node, dao, 4, "timeline-old");
        FollowedChain.awaitCheckpointAtHead(node, written, CHAIN);
        timelines.refresh();
        long oldHead = node.blockNumber();
        assertThat(covered(oldHead)).isTrue();
        assertThat(node.revert(snapshot)).isTrue();
        FollowedChain.mineDelegations(node, dao, 4, "timeline-new");
        FollowedChain.awaitCheckpointAtHead(node, written, CHAIN);
        long newHead = node.blockNumber();
        assertThat(covered(forkPoint + 1)).as("a block of the replaced branch, before the refresh").isFalse();
        assertThat(covered(forkPoint)).as("the header the timeline ends at was replaced: none of it is used").isFalse();
        compareEveryBlock(forkPoint - 2, newHead);
        timelines.refresh();
        assertThat(covered(newHead)).as("built again after the reorg").isTrue();
        compareEveryBlock(0, newHead);
        for (long block = forkPoint + 1; block < newHead; block++) {
            matchesTheChain(block);
        }

        // a reorg onto a shorter branch: 6 blocks replaced by 2
        snapshot = node.snapshot();
        forkPoint = node.blockNumber();
        FollowedChain.mineDelegations(node, dao, 6, "timeline-long");
        FollowedChain.awaitCheckpointAtHead(node, written, CHAIN);
        timelines.refresh();
        assertThat(node.revert(snapshot)).isTrue();
        FollowedChain.mineDelegations(node, dao, 2, "timeline-short");
        FollowedChain.awaitCheckpointAtHead(node, written, CHAIN);
        long shortHead = node.blockNumber();
        assertThat(covered(forkPoint)).isFalse();
        compareEveryBlock(forkPoint - 2, shortHead);
        timelines.refresh();
        assertThat(covered(shortHead)).isTrue();
        compareEveryBlock(forkPoint - 2, shortHead);
        matchesTheChain(shortHead - 1);
    }

    /** Whether the timeline answers at the block (it covers it, and the store still has the history it recorded). */
    private boolean covered(long block) {
        return timelines.covering(reader, CHAIN, scope.token().address(), block) != null;
    }

    /** At every block of [from, to]: the document from the timeline (where it covers) equals the pass's. */
    private void compareEveryBlock(long from, long to) throws Exception {
        MetricsAnalyzer recorded = new MetricsAnalyzer(reader, timelines);
        MetricsAnalyzer pass = new MetricsAnalyzer(reader);
        for (long block = Math.max(0, from); block <= to; block++) {
            String expected = JSON.writeValueAsString(Documents.metrics(pass.at(scope, block, null, null)));
            String actual = JSON.writeValueAsString(Documents.metrics(recorded.at(scope, block, null, null)));
            assertThat(actual).as("block %d (timeline covers it: %s)", block, covered(block)).isEqualTo(expected);
        }
    }

    /** T and n at the block, from the timeline, against getPastVotes of every delegate the store knows, on the chain. */
    private void matchesTheChain(long block) throws Exception {
        ConcentrationTimeline.View view = timelines.covering(reader, CHAIN, scope.token().address(), block);
        assertThat(view).as("block %d covered", block).isNotNull();
        Concentration recorded = view.at(block, null);
        List<String> delegates = reader.jdbi().withHandle(handle -> handle.createQuery("SELECT delegate FROM delegates WHERE token = :token")
                .bind("token", scope.token().address()).mapTo(String.class).list());
        BigInteger total = BigInteger.ZERO;
        int positive = 0;
        for (String delegate : delegates) {
            BigInteger votes = getPastVotes(scope.token().address(), delegate, block);
            total = total.add(votes);
            positive += votes.signum() > 0 ? 1 : 0;
        }
        assertThat(recorded.totalVotingPower()).as("T at block %d", block).isEqualTo(total);
        assertThat(recorded.delegates()).as("n at block %d", block).isEqualTo(positive);
    }

    private BigInteger getPastVotes(String token, String account, long block) throws Exception {
        Function function = new Function("getPastVotes", List.of(new Address(account), new Uint256(block)),
                List.of(new TypeReference<Uint256>() { }));
        var response = node.web3j().ethCall(Transaction.createEthCallTransaction(null, token, FunctionEncoder.encode(function)),
                DefaultBlockParameterName.LATEST).send();
        assertThat(response.hasError()).as("getPastVotes(%s, %d)", account, block).isFalse();
        return (BigInteger) FunctionReturnDecoder.decode(response.getValue(), function.getOutputParameters()).get(0).getValue();
    }
}
