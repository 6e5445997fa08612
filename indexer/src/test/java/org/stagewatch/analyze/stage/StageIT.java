package org.stagewatch.analyze.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainAt;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.equalizer.Dimension;
import org.stagewatch.analyze.equalizer.Equalizer;
import org.stagewatch.analyze.equalizer.EqualizerReport;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.Deployed;
import org.stagewatch.devnet.OptimismDao;
import org.stagewatch.devnet.OptimismDaoDeployer;
import org.stagewatch.devnet.OptimismScenario;
import org.stagewatch.devnet.RollupDao;
import org.stagewatch.devnet.RollupDaoDeployer;
import org.stagewatch.devnet.RollupScenario;
import org.stagewatch.devnet.RollupVariants;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.store.TestDatabases;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * The stage rating on devnet replicas of both real topologies (reference/topologies.md), each configured
 * with its preset's stage section (exit delay, assertions, probes, council statements), indexed from the
 * chains, and checked against what the contracts answer:
 * <ul>
 * <li>Arbitrum-like on two chains (9-of-12 councils, 8 d / 3 d timelocks, the outbox's challenge period):
 * Stage 1, Stage 2 missing exactly the two items L2BEAT lists, exit window 8 d + 3 d − force inclusion;
 * at a block before its L1 council went from 7 to 9 of 12, the council is not properly set up;
 * the same councils declared as 6 team entities fail securityCouncilProperlySetUp; an EOA that gains an
 * upgrade route through a 2-day timelock fails usersHave7DaysToExit from that block on.</li>
 * <li>Optimism-like (a 2-of-2 Safe over a 5-of-7 foundation Safe and the council, no upgrade delay):
 * Stage 1 with exit window "none", the same two items missing; at 4 of 13 the council fails; the history
 * shows the stage change at the block that raised it to 10.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StageIT {
    // the chain ids of Ethereum and Arbitrum One: anvil run as 42161 sends Arbitrum's header shape (l1BlockNumber
    // as a JSON number), which the index must read
    static final long L1 = 1;
    static final long L2 = 42161;
    static final long OP_L1 = 31_338;
    static final long CHALLENGE_PERIOD = 549_816;
    static final int ONE_RANGE = 100_000;
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final List<String> STAGE_2_GAP = List.of("delayWith30DExitWindow", "proofSystemOverriddenOnlyInCaseOfABug");

    @TempDir
    static Path dir;
    AnvilNode l1;
    AnvilNode l2;
    AnvilNode opL1;
    RollupDao rollup;
    RollupScenario.Played rollupPlayed;
    Deployed fastTimelock;
    long grantBlock;
    long headBeforeGrant;
    OptimismDao optimism;
    OptimismScenario.Played optimismPlayed;
    Store store;
    JsonNode arbitrumPreset;
    JsonNode optimismPreset;

    @BeforeAll
    void deployPlayAndIndex() throws Exception {
        arbitrumPreset = preset("arbitrum");
        optimismPreset = preset("optimism");
        l1 = AnvilNode.start(L1);
        l2 = AnvilNode.start(L2);
        opL1 = AnvilNode.start(OP_L1);
        rollup = RollupDaoDeployer.deploy(l1, l2);
        rollupPlayed = RollupScenario.play(l1, rollup);
        fastTimelock = RollupVariants.deployFastTimelock(l1, rollup);
        headBeforeGrant = l1.blockNumber();
        grantBlock = RollupVariants.grantExecutor(l1, rollup, fastTimelock, rollup.signers());
        l1.mine(2);
        optimism = OptimismDaoDeployer.deploy(opL1);
        optimismPlayed = OptimismScenario.play(opL1, optimism);
        Path config = dir.resolve("replicas.yml");
        Files.writeString(config, YAML.writeValueAsString(config()));
        store = new Store(Database.open(TestDatabases.target(dir, "replicas.db")));
        // the whole history in one range per chain: every probe reading comes from the range's own schedule
        assertThat(l1.blockNumber()).isLessThan(ONE_RANGE);
        assertThat(l2.blockNumber()).isLessThan(ONE_RANGE);
        assertThat(opL1.blockNumber()).isLessThan(ONE_RANGE);
        index(config);
    }

    private void index(Path config) {
        new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(ConfigLoader.load(config), OptionalLong.empty());
    }

    @AfterAll
    void stopNodes() {
        for (AnvilNode node : new AnvilNode[] {l1, l2, opL1}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static JsonNode preset(String name) throws Exception {
        return YAML.readTree(Path.of("..", "config", "presets", name + ".yml").toFile());
    }

    /** The preset's stage section with the devnet's council and probe addresses in place of mainnet's, and its own treasury. */
    private static ObjectNode stage(JsonNode preset, String dao, List<Deployed> councils, String councilChain, Deployed probed,
                                    Deployed treasury, String treasuryChain) {
        ObjectNode stage = ((ObjectNode) preset.get("daos").get(dao).get("stage")).deepCopy();
        JsonNode statement = stage.get("councils").get(0);
        ArrayNode list = stage.putArray("councils");
        for (Deployed council : councils) {
            ObjectNode entry = statement.deepCopy();
            entry.put("chain", council == councils.get(0) ? councilChain : "arb1");
            entry.put("address", council.checksummed());
            list.add(entry);
        }
        if (probed != null) {
            stage.get("probes").forEach(probe -> ((ObjectNode) probe).put("address", probed.checksummed()));
        } else if (stage.has("probes")) {
            // no devnet contract answers the probed call (OptimismPortal2's respectedGameType()): its requirements
            // are asserted as the chain's answer would settle them, with the preset's link
            ObjectNode assertions = (ObjectNode) stage.get("assertions");
            String link = stage.get("exitDelay").get(0).get("source").asText();
            stage.get("probes").forEach(probe -> probe.get("requirements").forEach(id ->
                    assertions.putObject(id.asText()).put("value", true).put("source", link)));
            stage.remove("probes");
        }
        stage.remove("treasuries");
        if (treasury != null) {
            ObjectNode ref = stage.putArray("treasuries").addObject();
            ref.put("chain", treasuryChain);
            ref.put("address", treasury.checksummed());
        }
        return stage;
    }

    private ObjectNode config() {
        ObjectNode root = YAML.createObjectNode();
        ObjectNode chains = root.putObject("chains");
        chains.putObject("eth").put("chainId", L1).put("rpc", l1.rpcUrl()).put("maxBlockRange", ONE_RANGE);
        chains.putObject("arb1").put("chainId", L2).put("rpc", l2.rpcUrl()).put("parent", "eth").put("maxBlockRange", ONE_RANGE);
        chains.putObject("op-eth").put("chainId", OP_L1).put("rpc", opL1.rpcUrl()).put("maxBlockRange", ONE_RANGE);
        ObjectNode daos = root.putObject("daos");

        ObjectNode arbitrum = daos.putObject("rollup");
        rollupContracts(arbitrum.putArray("contracts"));
        messagePath(arbitrum);
        arbitrum.set("stage", stage(arbitrumPreset, "arbitrum", List.of(rollup.l1Council(), rollup.l2Council()), "eth",
                rollup.rollupCore(), rollup.l2Timelock(), "arb1"));

        // The same contracts, with the preset's council statements replaced by six team entities of two signers each.
        ObjectNode entities = daos.putObject("rollup-team");
        rollupContracts(entities.putArray("contracts"));
        messagePath(entities);
        ObjectNode teamStage = stage(arbitrumPreset, "arbitrum", List.of(rollup.l1Council(), rollup.l2Council()), "eth",
                rollup.rollupCore(), null, null);
        teamStage.get("councils").forEach(council -> {
            ArrayNode groups = ((ObjectNode) council).putArray("entities");
            List<String> signers = new ArrayList<>(rollup.signers().stream().map(key -> key.getAddress()).toList());
            signers.add(rollup.spareSigners().get(0).getAddress()); // rotated in on the L1 council
            for (int entity = 0; entity < 6; entity++) {
                ObjectNode group = groups.addObject().put("name", "Team entity " + entity).put("outsideTeam", false);
                ArrayNode members = group.putArray("signers");
                members.add(signers.get(2 * entity)).add(signers.get(2 * entity + 1));
                if (entity == 1) {
                    members.add(signers.get(12));
                }
            }
        });
        entities.set("stage", teamStage);

        ObjectNode op = daos.putObject("optimism");
        ArrayNode contracts = op.putArray("contracts");
        entry(contracts, "safe", "op-eth", optimism.foundationSafe(), false, false);
        entry(contracts, "safe", "op-eth", optimism.securityCouncil(), false, true);
        entry(contracts, "safe", "op-eth", optimism.superchainProxyAdminOwner(), false, false);
        entry(contracts, "safe", "op-eth", optimism.guardian(), false, false);
        entry(contracts, "ownable", "op-eth", optimism.portalProxyAdmin(), false, false);
        entry(contracts, "ownable", "op-eth", optimism.systemConfigProxyAdmin(), false, false);
        entry(contracts, "proxy", "op-eth", optimism.optimismPortal(), true, false);
        entry(contracts, "proxy", "op-eth", optimism.systemConfig(), true, false);
        op.set("stage", stage(optimismPreset, "optimism", List.of(optimism.securityCouncil()), "op-eth", null, null, null));
        return root;
    }

    private void rollupContracts(ArrayNode contracts) {
        entry(contracts, "votes-token", "arb1", rollup.token(), false, false);
        entry(contracts, "governor", "arb1", rollup.governor(), false, false);
        entry(contracts, "timelock", "arb1", rollup.l2Timelock(), false, false);
        entry(contracts, "safe", "arb1", rollup.l2Council(), false, true);
        entry(contracts, "upgrade-executor", "arb1", rollup.l2Executor(), false, false);
        entry(contracts, "ownable", "arb1", rollup.l2ProxyAdmin(), false, false);
        entry(contracts, "proxy", "arb1", rollup.l2Gateway(), true, false);
        entry(contracts, "timelock", "eth", rollup.l1Timelock(), false, false);
        entry(contracts, "safe", "eth", rollup.l1Council(), false, true);
        entry(contracts, "upgrade-executor", "eth", rollup.l1Executor(), false, false);
        entry(contracts, "ownable", "eth", rollup.l1ProxyAdmin(), false, false);
        entry(contracts, "proxy", "eth", rollup.bridge(), true, false);
        entry(contracts, "timelock", "eth", fastTimelock, false, false);
    }

    private void messagePath(ObjectNode dao) {
        dao.putArray("messagePaths").addObject().put("label", "Outbox (challenge period)").put("fromChain", "arb1")
                .put("from", rollup.l2Timelock().checksummed()).put("toChain", "eth").put("sender", rollup.bridge().checksummed())
                .put("delaySeconds", CHALLENGE_PERIOD);
    }

    private static void entry(ArrayNode contracts, String kind, String chain, Deployed contract, boolean critical, boolean council) {
        ObjectNode entry = contracts.addObject().put("kind", kind).put("chain", chain).put("address", contract.checksummed())
                .put("label", contract.name()).put("startBlock", contract.block());
        if (critical) {
            entry.put("critical", true);
        }
        if (council) {
            entry.put("council", true);
        }
    }

    private StageReport rate(String dao, Long block, Long chainId) {
        DaoScope scope = DaoScope.load(store, dao);
        return new StageAnalyzer(store).rate(scope, ChainPoints.resolve(store, scope, block, chainId, null));
    }

    private static long forceInclusion(JsonNode preset, String dao) {
        JsonNode parts = preset.get("daos").get(dao).get("stage").get("exitDelay");
        long total = 0;
        for (JsonNode part : parts) {
            total += part.get("seconds").asLong();
        }
        return total;
    }

    @Test
    void shouldRateTheArbitrumReplicaStage1WithTheExitWindowOfBothTimelocksLessTheForceInclusionDelay() throws Exception {
        StageReport report = rate("rollup", headBeforeGrant, L1);
        assertThat(report.stage()).as(report.toString()).isEqualTo(1);
        assertThat(report.missing()).containsExactlyInAnyOrderElementsOf(STAGE_2_GAP);
        long l1Delay = new ChainAt(l1.web3j(), headBeforeGrant).uint(rollup.l1Timelock().address(), "getMinDelay").longValueExact();
        long l2Delay = new ChainAt(l2.web3j(), l2.blockNumber()).uint(rollup.l2Timelock().address(), "getMinDelay").longValueExact();
        long exitDelay = forceInclusion(arbitrumPreset, "arbitrum");
        assertThat(l1Delay + l2Delay).isEqualTo(11 * 86_400);
        // BoLD: withdrawals wait for the challenge period too, so it is in the exit delay and cancels out
        assertThat(exitDelay - CHALLENGE_PERIOD).isEqualTo(86_400);
        assertThat(report.exitWindowSeconds()).isEqualTo(l2Delay + CHALLENGE_PERIOD + l1Delay - exitDelay)
                .isEqualTo(l2Delay + l1Delay - 86_400);
        assertThat(report.exitWindowRating()).isEqualTo("warning");
        RequirementResult probed = report.requirement("fraudProofSystemIsPermissionless");
        assertThat(probed.source()).isEqualTo(Source.PROBE);
        assertThat(probed.status()).isEqualTo(Status.PASSED);
        assertThat(probed.evidence().get(0).address()).isEqualTo(rollup.rollupCore().address());
        RequirementResult council = report.requirement("securityCouncilProperlySetUp");
        assertThat(council.status()).isEqualTo(Status.PASSED);
        assertThat(council.evidence()).anySatisfy(item -> assertThat(item.value()).startsWith(
                new ChainAt(l1.web3j(), headBeforeGrant).threshold(rollup.l1Council().address()) + " of "
                        + new ChainAt(l1.web3j(), headBeforeGrant).owners(rollup.l1Council().address()).size() + " signers"));
    }

    @Test
    void shouldFailTheCouncilAndTheExitWindowWhileTheL1CouncilWas7Of12() throws Exception {
        long before = rollupPlayed.thresholdRaised() - 1;
        ChainAt chain = new ChainAt(l1.web3j(), before);
        assertThat(chain.threshold(rollup.l1Council().address()) * 4).isLessThan(chain.owners(rollup.l1Council().address()).size() * 3);
        StageReport report = rate("rollup", before, L1);
        assertThat(report.requirement("securityCouncilProperlySetUp").status()).isEqualTo(Status.FAILED);
        assertThat(report.requirement("securityCouncilProperlySetUp").source()).isEqualTo(Source.ONCHAIN);
        assertThat(report.requirement("usersHave7DaysToExit").status()).as("7 of 12 is not 75%%: its instant route counts").isEqualTo(Status.FAILED);
        // the probe was read at the DAO's control changes before this block (indexed in one range): its reading is
        // the chain's answer at this block, and it decides Stage 0 as the rules say
        Evidence probe = report.requirement("fraudProofSystemAtLeast5Outsiders").evidence().get(0);
        assertThat(probe.block()).isNotNull().isLessThanOrEqualTo(before).isGreaterThan(rollup.rollupCore().block());
        boolean onChain = chain.uint(rollup.rollupCore().address(), "validatorWhitelistDisabled").signum() != 0;
        assertThat(probe.value()).startsWith(onChain + ", read at block " + probe.block());
        assertThat(report.requirement("fraudProofSystemAtLeast5Outsiders").status()).isEqualTo(Status.of(onChain));
        assertThat(report.stage()).as(report.toString()).isZero();
        assertThat(report.missing()).containsExactlyInAnyOrder("principle", "usersHave7DaysToExit", "securityCouncilProperlySetUp");
        assertThat(report.exitWindowSeconds()).isZero();
    }

    @Test
    void shouldSayWhichProbeWasNotReadBeforeTheRollupCoreExisted() throws Exception {
        long first = store.withSync(sync -> sync.contracts("rollup")).stream().filter(row -> row.chainId() == L1)
                .mapToLong(ContractRow::startBlock).min().orElseThrow();
        assertThat(l1.web3j().ethGetCode(rollup.rollupCore().address(), DefaultBlockParameter.valueOf(
                BigInteger.valueOf(first))).send().getCode()).as("the rollup core is created after the DAO's first contract")
                .isEqualTo("0x");
        StageReport atFirst = rate("rollup", first, L1);
        assertThat(atFirst.requirement("fraudProofSystemAtLeast5Outsiders").evidence().get(0).value())
                .isEqualTo("no contract at the address, read at block " + first);
        if (first > 0) {
            StageReport early = rate("rollup", first - 1, L1);
            assertThat(early.requirement("fraudProofSystemAtLeast5Outsiders").evidence().get(0).value())
                    .startsWith("probe validatorWhitelistDisabled() not read at or before block " + (first - 1));
        }
    }

    @Test
    void shouldFailACouncilWhoseTwelveSignersAreSixTeamEntities() {
        StageReport report = rate("rollup-team", headBeforeGrant, L1);
        List<String> failed = report.requirements().stream().filter(result -> !result.status().met())
                .map(RequirementResult::id).toList();
        assertThat(failed).containsExactlyInAnyOrder("securityCouncilProperlySetUp", "delayWith30DExitWindow",
                "proofSystemOverriddenOnlyInCaseOfABug");
        assertThat(report.stage()).isZero();
        assertThat(report.requirement("securityCouncilProperlySetUp").evidence()).anySatisfy(item ->
                assertThat(item.value()).startsWith("6 entities (12 signers): failed"));
        assertThat(report.requirement("securityCouncilProperlySetUp").evidence()).anySatisfy(item ->
                assertThat(item.value()).startsWith("0 of 6 entities: failed"));
    }

    @Test
    void shouldFailUsersHave7DaysToExitOnceAnEoaCanUpgradeThroughATwoDayTimelock() throws Exception {
        assertThat(new ChainAt(l1.web3j(), grantBlock).uint(fastTimelock.address(), "getMinDelay").longValueExact())
                .isEqualTo(RollupVariants.FAST_TIMELOCK_DELAY);
        StageReport after = rate("rollup", null, null);
        RequirementResult exit = after.requirement("usersHave7DaysToExit");
        assertThat(exit.status()).isEqualTo(Status.FAILED);
        assertThat(exit.evidence().get(0).value()).contains("delay " + RollupVariants.FAST_TIMELOCK_DELAY + " s")
                .contains(fastTimelock.name());
        assertThat(after.requirement("securityCouncilProperlySetUp").status()).isEqualTo(Status.PASSED);
        assertThat(after.stage()).isZero();
        assertThat(after.missing()).containsExactlyInAnyOrder("principle", "usersHave7DaysToExit");
        assertThat(rate("rollup", grantBlock - 1, L1).stage()).isEqualTo(1);

        StageHistory.Report history = new StageHistory(store).history(DaoScope.load(store, "rollup"));
        assertThat(history.changes()).extracting(StageHistory.Entry::block).contains(rollupPlayed.thresholdRaised(), grantBlock);
        StageHistory.Entry granted = history.changes().stream().filter(entry -> entry.chainId() == L1 && entry.block() == grantBlock)
                .findFirst().orElseThrow();
        assertThat(granted.previousStage()).isEqualTo(1);
        assertThat(granted.stage()).isZero();
        assertThat(granted.events()).anySatisfy(event -> assertThat(event).contains("role granted").contains(fastTimelock.address()));
        assertThat(rate("rollup", grantBlock, L1).stage()).isZero();

        // the raise: 7 → 9 of 12 passes the council, and with it Stage 1 (the probe had its answer since the core existed)
        StageHistory.Entry raised = history.changes().stream().filter(entry -> entry.chainId() == L1
                && entry.block() == rollupPlayed.thresholdRaised()).findFirst().orElseThrow(() -> new AssertionError(history.toString()));
        assertThat(raised.previousStage()).isZero();
        assertThat(raised.stage()).isEqualTo(1);
        assertThat(raised.changed()).contains(new StageHistory.RequirementChange("securityCouncilProperlySetUp", Status.FAILED, Status.PASSED));
        assertThat(raised.events()).anySatisfy(event -> assertThat(event).startsWith("threshold 9"));
        assertThat(raised.time()).as("the block's own time").isEqualTo(l1.web3j().ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(raised.block())), false).send()
                .getBlock().getTimestamp().longValueExact());
        // the probe's first answer after "no code" is a cause like any other fact, at the block it was read
        StageHistory.Entry answered = history.changes().stream().filter(entry -> entry.events().stream()
                .anyMatch(event -> event.startsWith("probe validatorWhitelistDisabled() no code → true"))).findFirst()
                .orElseThrow(() -> new AssertionError(history.toString()));
        assertThat(answered.block()).isGreaterThanOrEqualTo(rollup.rollupCore().block()).isLessThan(rollupPlayed.thresholdRaised());
        assertThat(answered.changed()).contains(new StageHistory.RequirementChange("fraudProofSystemAtLeast5Outsiders",
                Status.FAILED, Status.PASSED));
        assertThat(answered.previousStage()).isNull();
        assertThat(answered.stage()).isZero();
    }

    @Test
    void shouldRateTheOptimismReplicaStage1WithNoExitWindowBecauseEveryRouteNeedsTheCouncil() throws Exception {
        StageReport report = rate("optimism", null, null);
        assertThat(report.stage()).as(report.toString()).isEqualTo(1);
        assertThat(report.missing()).containsExactlyInAnyOrderElementsOf(STAGE_2_GAP);
        assertThat(report.exitWindowSeconds()).isZero();
        assertThat(report.exitWindowRating()).isEqualTo("none");
        assertThat(report.requirement("usersHave7DaysToExit").status()).isEqualTo(Status.PASSED);
        ChainAt chain = new ChainAt(opL1.web3j(), opL1.blockNumber());
        assertThat(chain.threshold(optimism.securityCouncil().address())).isEqualTo(OptimismDaoDeployer.COUNCIL_THRESHOLD);
        assertThat(chain.owners(optimism.superchainProxyAdminOwner().address()))
                .containsExactlyInAnyOrder(optimism.foundationSafe().address(), optimism.securityCouncil().address());
    }

    @Test
    void shouldShowTheOptimismStageChangeWhereTheCouncilThresholdWentFrom4To10() throws Exception {
        long before = optimismPlayed.thresholdRaised() - 1;
        assertThat(new ChainAt(opL1.web3j(), before).threshold(optimism.securityCouncil().address()))
                .isEqualTo(OptimismDaoDeployer.COUNCIL_INITIAL_THRESHOLD);
        StageReport early = rate("optimism", before, null);
        assertThat(early.requirement("securityCouncilProperlySetUp").status()).isEqualTo(Status.FAILED);
        assertThat(early.stage()).isZero();

        StageHistory.Report history = new StageHistory(store).history(DaoScope.load(store, "optimism"));
        StageHistory.Entry raised = history.changes().stream().filter(entry -> entry.block() == optimismPlayed.thresholdRaised())
                .findFirst().orElseThrow(() -> new AssertionError("no change at the raise: " + history));
        assertThat(raised.previousStage()).isZero();
        assertThat(raised.stage()).isEqualTo(1);
        assertThat(raised.changed()).contains(new StageHistory.RequirementChange("securityCouncilProperlySetUp", Status.FAILED, Status.PASSED));
        assertThat(raised.events()).anySatisfy(event -> assertThat(event).startsWith("threshold " + OptimismDaoDeployer.COUNCIL_THRESHOLD));
        assertThat(history.changes().get(history.changes().size() - 1).stage()).isEqualTo(1);
    }

    @Test
    void shouldScoreTheEqualizerFromTheSameFacts() throws Exception {
        DaoScope scope = DaoScope.load(store, "rollup");
        ChainPoints points = ChainPoints.resolve(store, scope, headBeforeGrant, L1, null);
        EqualizerReport report = new Equalizer(store).at(scope, points, null);
        assertThat(report.dimensions()).extracting(Dimension::name)
                .containsExactlyElementsOf(Equalizer.DIMENSIONS);
        StageReport stage = new StageAnalyzer(store).rate(scope, points);
        assertThat(report.dimension("upgradeControl").inputs().get("exitWindowSeconds")).isEqualTo(stage.exitWindowSeconds());
        assertThat(report.dimension("securityCouncil").inputs().get("entities"))
                .isEqualTo(new ChainAt(l1.web3j(), headBeforeGrant).owners(rollup.l1Council().address()).size());
        assertThat(report.dimension("securityCouncil").score()).isEqualTo(100.0);
        assertThat(report.dimension("treasuryControl").score()).isNotNull();
        assertThat(new Equalizer(store).at(DaoScope.load(store, "rollup-team"), points, null).dimension("securityCouncil").score())
                .as("6 team entities").isLessThan(report.dimension("securityCouncil").score());
    }
}
