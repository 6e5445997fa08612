package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.ProposalAnalyzer;
import org.stagewatch.analyze.ProposalSummary;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.ContractConfig;
import org.stagewatch.config.ContractKind;
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
import org.stagewatch.store.PowerQueries;

/**
 * Historic indexing against a real anvil node running the demo DAO: what Stagewatch indexed must
 * equal what the contracts themselves answer (getPastVotes, proposalVotes, state), a re-run must add
 * nothing, and a run stopped half-way and resumed must end identical to an uninterrupted one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexerIT {
    static final String DELEGATE_CHANGED = "0x3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f";
    static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    static final String PROPOSAL_CREATED = "0x7d84a6263ae0d98d3329bd7b46bb4e8d6f98cd35a7adb45c274c8b7fd5ebd5e0";

    AnvilNode node;
    Path dir;
    StagewatchConfig config;
    Store store;
    ChainReader chain;
    String token;
    String governor;
    long head;

    @BeforeAll
    void deployPlayAndIndex() throws Exception {
        dir = Files.createTempDirectory("stagewatch-indexer-it");
        node = AnvilNode.start(31337);
        DemoDao dao = DemoDaoDeployer.deploy(node);
        DemoScenario.play(node, dao, 42);
        Path configFile = dir.resolve("demo.yml");
        DevnetConfigWriter.write(configFile, node.chainId(), node.rpcUrl(), dao);
        config = ConfigLoader.load(configFile);
        token = address(ContractKind.VOTES_TOKEN);
        governor = address(ContractKind.GOVERNOR);
        chain = new ChainReader(node.web3j());
        head = chain.head();
        store = new Store(Database.open(TestDatabases.target(dir, "full.db")));
        new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(config, OptionalLong.empty());
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private String address(ContractKind kind) {
        return config.dao("demo").orElseThrow().contracts().stream().filter(contract -> contract.kind() == kind)
                .map(ContractConfig::addressKey).findFirst().orElseThrow();
    }

    @Test
    void shouldIndexTheSamePowerAsGetPastVotesForEveryAddressAtManyBlocks() throws Exception {
        Set<String> addresses = chain.addressesInTopics(token, DELEGATE_CHANGED);
        addresses.addAll(chain.addressesInTopics(token, TRANSFER));
        assertThat(addresses).hasSizeGreaterThan(200);
        long first = config.dao("demo").orElseThrow().contracts().stream().mapToLong(ContractConfig::startBlock).min().orElseThrow();
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            blocks.add(first + (head - 1 - first) * i / 7);
        }
        PowerQueries powers = new PowerQueries(store.database());
        int compared = 0;
        for (long block : blocks) {
            Map<String, BigInteger> indexedAt = powers.powersAt(config.chain("devnet").chainId(), token, block).stream()
                    .collect(Collectors.toMap(PowerQueries.DelegatePower::delegate, PowerQueries.DelegatePower::power));
            for (String address : addresses) {
                BigInteger onChain = chain.getPastVotes(token, address, block);
                BigInteger indexed = indexedAt.getOrDefault(address, BigInteger.ZERO);
                assertThat(indexed).as("power of %s at block %d", address, block).isEqualTo(onChain);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(blocks.size() * addresses.size());
        assertThat(blocks.stream().distinct().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldIndexTheSameTalliesAndStateAsTheGovernorForEveryProposal() throws Exception {
        List<BigInteger> onChainIds = chain.proposalIds(governor, PROPOSAL_CREATED);
        List<ProposalSummary> proposals = new ProposalAnalyzer(store).proposals(DaoScope.load(store, "demo"), null, null);
        assertThat(proposals).extracting(ProposalSummary::proposalId)
                .containsExactlyInAnyOrderElementsOf(onChainIds.stream().map(BigInteger::toString).toList());
        assertThat(proposals).hasSizeGreaterThanOrEqualTo(5);
        for (ProposalSummary proposal : proposals) {
            BigInteger id = new BigInteger(proposal.proposalId());
            List<BigInteger> votes = chain.proposalVotes(governor, id);
            assertThat(List.of(proposal.againstVotes(), proposal.forVotes(), proposal.abstainVotes()))
                    .as("tallies of proposal %s", proposal.title()).isEqualTo(votes);
            assertThat(proposal.state().ordinalOnChain()).as("state of proposal %s", proposal.title())
                    .isEqualTo(chain.state(governor, id));
        }
        Set<String> states = proposals.stream().map(proposal -> proposal.state().name()).collect(Collectors.toSet());
        assertThat(states).contains("EXECUTED", "DEFEATED", "CANCELED");
    }

    @Test
    void shouldKeepEveryLogOfTheWatchedContractsExactlyAsTheNodeServesIt() throws Exception {
        long indexedTo = store.checkpoint(31337).orElseThrow().blockNumber();
        // the indexer asks only for the events it knows (Transfer only with transfers: true); compare those
        Set<String> requested = ChainPlan.of(config).get(0).topics(EventDecoder.standard());
        for (String contract : config.dao("demo").orElseThrow().contracts().stream().map(ContractConfig::addressKey).toList()) {
            List<String> expected = chain.logs(contract, indexedTo).stream()
                    .filter(log -> requested.stream().anyMatch(topic0 -> log.contains("[" + topic0))).toList();
            List<String> stored = store.rawLogs(31337, 0, indexedTo).stream().filter(log -> log.address().equals(contract))
                    .map(log -> String.join(" ", Long.toString(log.blockNumber()), Integer.toString(log.logIndex()), log.blockHash(),
                            log.txHash(), Integer.toString(log.txIndex()), log.address(), log.topics().toString(), log.data()))
                    .toList();
            assertThat(stored).as("raw logs of " + contract).isEqualTo(expected);
        }
        assertThat(store.rawLogCount(31337)).isPositive();
    }

    @Test
    void shouldAddNothingOnASecondRun() {
        Map<String, List<String>> before = TableDump.of(store);
        List<BackfillResult> again = new Indexer(store, EventDecoder.standard(), SyncProgress.NONE)
                .backfill(config, OptionalLong.of(head));
        assertThat(again).allSatisfy(result -> assertThat(result.events()).isZero());
        assertThat(TableDump.of(store)).isEqualTo(before);
    }

    @Test
    void shouldEndIdenticalWhenStoppedHalfWayAndResumed() {
        Store resumed = new Store(Database.open(TestDatabases.target(dir, "resumed.db")));
        long first = config.dao("demo").orElseThrow().contracts().stream().mapToLong(ContractConfig::startBlock).min().orElseThrow();
        Indexer indexer = new Indexer(resumed, EventDecoder.standard(), SyncProgress.NONE);
        indexer.backfill(config, OptionalLong.of((first + head) / 2));
        indexer.backfill(config, OptionalLong.of(head));

        Store uninterrupted = new Store(Database.open(TestDatabases.target(dir, "uninterrupted.db")));
        new Indexer(uninterrupted, EventDecoder.standard(), SyncProgress.NONE).backfill(config, OptionalLong.of(head));

        assertThat(TableDump.of(resumed)).isEqualTo(TableDump.of(uninterrupted));
        assertThat(TableDump.of(uninterrupted).get("voting_power")).isNotEmpty();
        assertThat(TableDump.of(uninterrupted).get("packed power history")).as("every checkpoint packed once")
                .hasSameSizeAs(TableDump.of(uninterrupted).get("voting_power"));
    }

    @Test
    void shouldRefuseAnRpcThatServesAnotherChainAndWriteNothing() throws Exception {
        Path wrong = dir.resolve("wrong-chain.yml");
        Files.writeString(wrong, Files.readString(dir.resolve("demo.yml")).replace("chainId: 31337", "chainId: 42161"));
        StagewatchConfig wrongConfig = ConfigLoader.load(wrong);
        Store fresh = new Store(Database.open(TestDatabases.target(dir, "wrong.db")));

        assertThatThrownBy(() -> new Indexer(fresh, EventDecoder.standard(), SyncProgress.NONE)
                .backfill(wrongConfig, OptionalLong.empty()))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("chain 'devnet'").hasMessageContaining("reports chain id 31337")
                .hasMessageContaining("chainId 42161");
        assertThat(TableDump.of(fresh).get("raw logs")).isEmpty();
    }
}
