package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDao;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.DemoScenario;
import org.stagewatch.devnet.DevnetConfigWriter;
import org.stagewatch.devnet.ScenarioResult;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.store.TestDatabases;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.Log;

/**
 * {@code stagewatch metrics --json} against the chain itself: at several blocks the test takes
 * getPastVotes of every address the demo scenario touched and works out every metric on its own
 * (textbook formulas, BigDecimal), then compares — integers exactly, shares to 1e-12.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    AnvilNode node;
    DemoDao dao;
    ScenarioResult scenario;
    ChainView chain;
    Path dir;
    String db;
    List<Long> blocks = new ArrayList<>();

    @BeforeAll
    void deployPlayAndIndex() throws Exception {
        dir = Files.createTempDirectory("stagewatch-metrics-it");
        node = AnvilNode.start(31337);
        dao = DemoDaoDeployer.deploy(node);
        scenario = DemoScenario.play(node, dao, 42);
        Path config = dir.resolve("demo.yml");
        DevnetConfigWriter.write(config, node.chainId(), node.rpcUrl(), dao);
        StagewatchConfig loaded = ConfigLoader.load(config);
        db = TestDatabases.target(dir, "demo.db");
        new Indexer(new Store(Database.open(db)), EventDecoder.standard(), SyncProgress.NONE).backfill(loaded, OptionalLong.empty());
        chain = new ChainView(node.web3j());
        long head = chain.head();
        long first = scenario.firstBlock();
        for (int i = 0; i < 6; i++) {
            blocks.add(first + (head - 1 - first) * i / 5);
        }
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private JsonNode run(String... args) throws Exception {
        return JSON.readTree(CliOutput.stdout(args));
    }

    private List<BigInteger> powersOnChain(long block) throws Exception {
        List<BigInteger> powers = new ArrayList<>();
        for (String address : scenario.touchedAddresses()) {
            BigInteger power = chain.getPastVotes(dao.token().address(), address, block);
            if (power.signum() > 0) {
                powers.add(power);
            }
        }
        powers.sort(Comparator.reverseOrder());
        return powers;
    }

    @Test
    void shouldComputeEveryMetricAsTheChainImpliesAtSixBlocks() throws Exception {
        assertThat(blocks.stream().distinct().count()).isGreaterThanOrEqualTo(5);
        for (long block : blocks) {
            JsonNode metrics = run("metrics", "--dao", "demo", "--db", db, "--block", Long.toString(block), "--json");
            List<BigInteger> x = powersOnChain(block);
            BigInteger quorum = chain.quorum(dao.governor().address(), block);
            Expected expected = Expected.of(x, quorum);
            String where = "block " + block;
            assertThat(metrics.get("block").asLong()).isEqualTo(block);
            assertThat(new BigInteger(metrics.get("totalVotingPower").asText())).as(where).isEqualTo(expected.total);
            assertThat(metrics.get("delegates").asInt()).as(where).isEqualTo(x.size());
            if (x.isEmpty()) {
                continue;
            }
            assertThat(metrics.at("/nakamoto/majority").asInt()).as(where).isEqualTo(expected.majority);
            assertThat(metrics.at("/nakamoto/quorum").isNull() ? null : metrics.at("/nakamoto/quorum").asInt())
                    .as(where + " quorum " + quorum).isEqualTo(expected.quorumSet);
            assertThat(new BigInteger(metrics.at("/quorum/value").asText())).as(where).isEqualTo(quorum);
            for (int top : List.of(1, 5, 10, 20, 50, 100)) {
                assertThat(metrics.at("/topShares/" + top).decimalValue()).as(where + " top " + top)
                        .isCloseTo(expected.topShare(top), within(new BigDecimal("1e-12")));
            }
            assertThat(metrics.get("gini").decimalValue()).as(where).isCloseTo(expected.gini, within(new BigDecimal("1e-12")));
            assertThat(metrics.get("hhi").decimalValue()).as(where).isCloseTo(expected.hhi, within(new BigDecimal("1e-12")));
            assertThat(metrics.get("effectiveDelegates").decimalValue()).as(where)
                    .isCloseTo(BigDecimal.ONE.divide(expected.hhi, MathContext.DECIMAL128), within(new BigDecimal("1e-9")));
            assertThat(metrics.get("entropyBits").asDouble()).as(where).isCloseTo(expected.entropy, within(1e-12));
            assertThat(new BigInteger(metrics.get("totalSupply").asText())).as(where)
                    .isEqualTo(chain.getPastTotalSupply(dao.token().address(), block));
        }
    }

    /**
     * The time printed for a block is the chain's time of that very block, or "unknown" with the reason: never the
     * time of the last block that had a stored header. Blocks with an indexed event (every block another command
     * names: proposals, votes, delegations) and the range ends are known; an empty block in between is not, and
     * the store says so rather than borrowing its neighbour's time.
     */
    @Test
    void shouldPrintEachBlocksOwnTimeOrSayItIsUnknown() throws Exception {
        long head = chain.head();
        Set<Long> eventBlocks = new TreeSet<>();
        for (var log : node.web3j().ethGetLogs(new EthFilter(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(scenario.firstBlock())),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(head)),
                List.of(dao.token().address(), dao.governor().address(), dao.timelock().address()))).send().getLogs()) {
            eventBlocks.add(((Log) log.get()).getBlockNumber().longValueExact());
        }
        int known = 0;
        int unknown = 0;
        for (long block = scenario.firstBlock(); block <= head; block++) {
            JsonNode metrics = run("metrics", "--dao", "demo", "--db", db, "--block", Long.toString(block), "--json");
            long onChain = node.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(
                    BigInteger.valueOf(block)), false).send().getBlock().getTimestamp().longValueExact();
            if (metrics.get("timestamp").isNull()) {
                unknown++;
                assertThat(eventBlocks).as("block %d holds an indexed event: its time must be known", block).doesNotContain(block);
                assertThat(metrics.get("timeNote").asText()).as("block " + block)
                        .startsWith("block " + block + " of chain " + node.chainId() + " has no stored header");
            } else {
                known++;
                assertThat(metrics.get("timestamp").asLong()).as("block " + block).isEqualTo(onChain);
                assertThat(metrics.has("timeNote")).as("block " + block).isFalse();
            }
        }
        assertThat(eventBlocks).as("the scenario has events").isNotEmpty();
        assertThat(known).isGreaterThanOrEqualTo(eventBlocks.size());
        assertThat(unknown).as("the scenario has empty blocks between its events").isPositive();
    }

    @Test
    void shouldGiveTheSameNumbersInOnePassAsAtEachBlock() throws Exception {
        long first = blocks.get(0);
        long step = (blocks.get(blocks.size() - 1) - first) / 4;
        JsonNode series = run("metrics", "--dao", "demo", "--db", db, "--series", "--every", step + "blocks",
                "--from", Long.toString(first), "--to", Long.toString(first + 4 * step), "--json",
                "--chart", dir.resolve("series.png").toString());
        assertThat(series.get("points")).hasSize(5);
        for (JsonNode point : series.get("points")) {
            JsonNode single = run("metrics", "--dao", "demo", "--db", db, "--block", point.get("block").asText(), "--json");
            assertThat(point).isEqualTo(single);
        }
        assertThat(Files.size(dir.resolve("series.png"))).isGreaterThan(1000);
        run("metrics", "--dao", "demo", "--db", db, "--series", "--every", "1h", "--json", "--chart", dir.resolve("series.svg").toString());
        assertThat(Files.readString(dir.resolve("series.svg"))).contains("<svg");
    }

    @Test
    void shouldReportTurnoutAgainstTheDelegatedPowerAtEachSnapshot() throws Exception {
        JsonNode proposals = run("proposals", "--dao", "demo", "--db", db, "--json").get("proposals");
        assertThat(proposals).isNotEmpty();
        for (JsonNode proposal : proposals) {
            long snapshot = proposal.get("voteStart").asLong();
            BigInteger total = powersOnChain(snapshot).stream().reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(new BigInteger(proposal.get("totalVotingPowerAtSnapshot").asText())).isEqualTo(total);
            BigDecimal cast = new BigDecimal(proposal.get("castWeight").asText());
            assertThat(proposal.get("turnout").decimalValue())
                    .isCloseTo(cast.divide(new BigDecimal(total), MathContext.DECIMAL128), within(new BigDecimal("1e-12")));
        }
    }
}
