package org.stagewatch.analyze.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.Deployed;
import org.stagewatch.devnet.OptimismDao;
import org.stagewatch.devnet.OptimismDaoDeployer;
import org.stagewatch.devnet.OptimismPathScenario;
import org.stagewatch.devnet.OptimismScenario;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Milestones and decisions on the Optimism-like devnet replica (the Foundation and council Safes over a
 * 2-of-2 that owns the critical proxies' ProxyAdmins), with a DAO timelock, a governor declared behind a proxy
 * ({@code proxy: true}) whose EIP-1967 admin is the Foundation Safe, and an OP-like token owned by a MintManager
 * that a 1-of-1 Safe of a 6-of-9 Safe owns, indexed from the chain. The declared path mirrors the optimism
 * preset's: phase A — the council gates every upgrade, the governor's admin is the timelock; phase B — every
 * upgrade needs the token-holder vote, and minting answers to the timelock, both after the governor's admin
 * moved. The history must show each change at the block whose transaction made it — the block where the
 * chain's own admin slot or owner() changes — and the statuses at head must be what the contracts answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MilestonesIT {
    static final long CHAIN = 31_339;
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path dir;
    AnvilNode l1;
    OptimismDao optimism;
    OptimismScenario.Played thresholds;
    OptimismPathScenario.Governance governance;
    OptimismPathScenario.Played played;
    Store store;
    DaoScope scope;

    @BeforeAll
    void deployPlayAndIndex() throws Exception {
        l1 = AnvilNode.start(CHAIN);
        optimism = OptimismDaoDeployer.deploy(l1);
        governance = OptimismPathScenario.deploy(l1, optimism);
        thresholds = OptimismScenario.play(l1, optimism);
        played = OptimismPathScenario.play(l1, optimism, governance);
        Path config = dir.resolve("optimism-path.yml");
        Files.writeString(config, YAML.writeValueAsString(config()));
        store = new Store(Database.open(dir.resolve("optimism-path.db").toString()));
        new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(ConfigLoader.load(config), OptionalLong.empty());
        scope = DaoScope.load(store, "optimism");
    }

    @AfterAll
    void stopNode() {
        if (l1 != null) {
            l1.close();
        }
    }

    private ObjectNode config() {
        ObjectNode root = YAML.createObjectNode();
        root.putObject("chains").putObject("eth").put("chainId", CHAIN).put("rpc", l1.rpcUrl());
        ObjectNode dao = root.putObject("daos").putObject("optimism");
        ArrayNode contracts = dao.putArray("contracts");
        entry(contracts, "safe", optimism.foundationSafe(), false).put("label", "Foundation Upgrade Safe");
        entry(contracts, "safe", optimism.securityCouncil(), false).put("council", true);
        entry(contracts, "safe", optimism.superchainProxyAdminOwner(), false);
        entry(contracts, "ownable", optimism.portalProxyAdmin(), false);
        entry(contracts, "ownable", optimism.systemConfigProxyAdmin(), false);
        entry(contracts, "proxy", optimism.optimismPortal(), true);
        entry(contracts, "proxy", optimism.systemConfig(), true);
        entry(contracts, "timelock", governance.timelock(), false);
        entry(contracts, "governor", governance.governor(), false).put("proxy", true);
        entry(contracts, "ownable", governance.mintManager(), false);
        entry(contracts, "safe", governance.mintManagerOwner(), false);
        entry(contracts, "safe", governance.mintManagerOwnerOwner(), false);
        ObjectNode milestones = dao.putObject("milestones");
        milestones.putArray("phases").add(phase("A", "The Foundation bootstraps governance", 1)).add(phase("B", "Governance takes over", 2));
        ArrayNode list = milestones.putArray("milestones");
        ObjectNode gated = list.addObject().put("id", "councilGatesUpgrades").put("title", "Every upgrade needs the council").put("phase", "A");
        gated.putObject("check").putObject("route").put("every", "council");
        ObjectNode admin = list.addObject().put("id", "governorAdminIsTimelock").put("title", "The DAO's timelock administers the governor")
                .put("phase", "A").put("source", "https://github.com/voteagora/optimism-governor");
        // the governor's admin (its EIP-1967 slot) is the timelock, and upgrading it leaves the timelock's 7 days
        ArrayNode adminChecks = admin.putObject("check").putArray("all");
        ownerCheck(adminChecks.addObject(), governance.governor());
        adminChecks.addObject().putObject("route").put("chain", "eth").put("address", governance.governor().checksummed())
                .put("permission", "upgrade").put("minDelaySeconds", OptimismPathScenario.TIMELOCK_DELAY_SECONDS);
        ObjectNode vote = list.addObject().put("id", "upgradesNeedTokenHouse").put("title", "Every upgrade needs the Token House vote")
                .put("phase", "B");
        vote.putArray("after").add("governorAdminIsTimelock");
        vote.putObject("check").putObject("route").put("every", "vote");
        // as the preset's mintingAnswersToGovernance: the token's owner() is the MintManager, whose owner is the timelock
        ObjectNode minting = list.addObject().put("id", "mintingAnswersToGovernance").put("title", "Minting answers to governance")
                .put("phase", "B");
        minting.putArray("after").add("governorAdminIsTimelock");
        ArrayNode mintingChecks = minting.putObject("check").putArray("all");
        mintingChecks.addObject().putObject("probe").put("chain", "eth").put("address", governance.token().checksummed())
                .put("call", "owner()").put("returns", "address").put("expect", governance.mintManager().checksummed())
                .put("label", "token owner (MintManager)");
        ownerCheck(mintingChecks.addObject(), governance.mintManager());
        ArrayNode decisions = dao.putArray("decisions");
        ArrayNode permissions = decision(decisions, "protocolUpgrade", "Protocol upgrade");
        permissions.addObject().put("chain", "eth").put("address", optimism.optimismPortal().checksummed()).put("permission", "upgrade");
        permissions.addObject().put("chain", "eth").put("address", optimism.systemConfig().checksummed()).put("permission", "upgrade");
        decision(decisions, "governorUpgrade", "Governor upgrade").addObject().put("chain", "eth")
                .put("address", governance.governor().checksummed()).put("permission", "upgrade");
        decision(decisions, "tokenMinting", "Token minting").addObject().put("chain", "eth")
                .put("address", governance.mintManager().checksummed()).put("permission", "owner");
        return root;
    }

    /** {owner: {contract, in: [the timelock]}}. */
    private void ownerCheck(ObjectNode check, Deployed contract) {
        ObjectNode owner = check.putObject("owner").put("chain", "eth").put("address", contract.checksummed());
        owner.putArray("in").addObject().put("chain", "eth").put("address", governance.timelock().checksummed());
    }

    private static ArrayNode decision(ArrayNode decisions, String id, String title) {
        return decisions.addObject().put("id", id).put("title", title).putArray("permissions");
    }

    private static ObjectNode phase(String id, String title, int order) {
        return YAML.createObjectNode().put("id", id).put("title", title).put("order", order);
    }

    private static ObjectNode entry(ArrayNode contracts, String kind, Deployed contract, boolean critical) {
        ObjectNode entry = contracts.addObject().put("kind", kind).put("chain", "eth").put("address", contract.checksummed())
                .put("label", contract.name()).put("startBlock", contract.block());
        if (critical) {
            entry.put("critical", true);
        }
        return entry;
    }

    private MilestonesReport at(long block) {
        return new MilestoneAnalyzer(store).at(scope, ChainPoints.resolve(store, scope, block, null, null));
    }

    private static MilestoneHistory.Change change(MilestoneHistory.Entry entry, String id) {
        return entry.changed().stream().filter(change -> change.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void theGovernorsAdminMovingToTheTimelockAchievesTheMilestoneAndReadiesItsDependentsAtThatBlock() throws Exception {
        long moved = played.governorAdminMoved();
        String governor = governance.governor().address();
        String timelock = governance.timelock().address();
        // the chain itself: the governor proxy's EIP-1967 admin slot is the Foundation Safe before the block, the timelock from it
        assertThat(new ChainAt(l1.web3j(), moved - 1).slot(governor, ChainAt.ADMIN_SLOT)).isEqualTo(optimism.foundationSafe().address());
        assertThat(new ChainAt(l1.web3j(), moved).slot(governor, ChainAt.ADMIN_SLOT)).isEqualTo(timelock);

        MilestoneHistory.Report history = new MilestoneHistory(store).history(scope);
        List<MilestoneHistory.Entry> adminChanges = history.changes().stream()
                .filter(entry -> change(entry, "governorAdminIsTimelock") != null && change(entry, "governorAdminIsTimelock").from() != null)
                .toList();
        // unknown until the governor's proxy exists, ready from its deployment (the Foundation Safe its admin), achieved
        // when its admin is the timelock
        assertThat(adminChanges).extracting(MilestoneHistory.Entry::block).containsExactly(governance.governor().block(), moved);
        assertThat(change(adminChanges.get(0), "governorAdminIsTimelock").from()).isEqualTo(MilestoneStatus.UNKNOWN);
        assertThat(change(adminChanges.get(0), "governorAdminIsTimelock").to()).isEqualTo(MilestoneStatus.READY);
        assertThat(adminChanges.get(1)).satisfies(entry -> {
            assertThat(change(entry, "governorAdminIsTimelock").from()).isEqualTo(MilestoneStatus.READY);
            assertThat(change(entry, "governorAdminIsTimelock").to()).isEqualTo(MilestoneStatus.ACHIEVED);
            assertThat(change(entry, "upgradesNeedTokenHouse").from()).isEqualTo(MilestoneStatus.BLOCKED);
            assertThat(change(entry, "upgradesNeedTokenHouse").to()).isEqualTo(MilestoneStatus.READY);
            assertThat(change(entry, "mintingAnswersToGovernance").from()).isEqualTo(MilestoneStatus.BLOCKED);
            assertThat(change(entry, "mintingAnswersToGovernance").to()).isEqualTo(MilestoneStatus.READY);
            assertThat(entry.events()).anySatisfy(event -> assertThat(event).contains("proxy admin_changed " + timelock + " at " + governor)
                    .contains(played.governorAdminTx()));
        });
        MilestonesReport before = at(moved - 1);
        assertThat(before.milestone("governorAdminIsTimelock").status()).isEqualTo(MilestoneStatus.READY);
        // the evidence names the Safe that administers the governor, and the route it upgrades through
        assertThat(before.milestone("governorAdminIsTimelock").evidence()).anySatisfy(evidence -> assertThat(evidence.value())
                .isEqualTo(optimism.foundationSafe().name() + " (" + optimism.foundationSafe().address() + "), not one of DAO Timelock"));
        assertThat(before.milestone("governorAdminIsTimelock").evidence()).anySatisfy(evidence -> {
            assertThat(evidence.what()).isEqualTo("route to OP Governor upgrade");
            assertThat(evidence.value()).startsWith("delay 0 s < 604800 s, not council-gated: " + optimism.foundationSafe().name()
                    + " (5-of-7 signers)");
        });
        assertThat(before.milestone("upgradesNeedTokenHouse").status()).isEqualTo(MilestoneStatus.BLOCKED);
        assertThat(before.milestone("upgradesNeedTokenHouse").blockedBy()).containsExactly("governorAdminIsTimelock");
        MilestonesReport after = at(moved);
        assertThat(after.milestone("governorAdminIsTimelock").status()).isEqualTo(MilestoneStatus.ACHIEVED);
        assertThat(after.milestone("governorAdminIsTimelock").evidence().get(0).what()).isEqualTo("admin of OP Governor");

        // who upgrades the governor, as `decisions` says: the Foundation Safe's keys at once, then through the timelock's 7 days
        DecisionsReport.Permission upgradeBefore = decisionsAt(moved - 1).decision("governorUpgrade").permissions().get(0);
        assertThat(upgradeBefore.routes()).singleElement().satisfies(route -> {
            assertThat(route.holder()).isEqualTo("Safe " + optimism.foundationSafe().name());
            assertThat(route.delaySeconds()).isZero();
            assertThat(route.keys()).isEqualTo(OptimismDaoDeployer.FOUNDATION_THRESHOLD);
        });
        DecisionsReport.Permission upgradeAfter = decisionsAt(moved).decision("governorUpgrade").permissions().get(0);
        assertThat(upgradeAfter.routes()).isNotEmpty().allSatisfy(route -> {
            assertThat(route.via()).first().isEqualTo("OP Governor (upgrade)");
            assertThat(String.join(" ", route.via())).contains("DAO Timelock");
            assertThat(route.delaySeconds()).isEqualTo(OptimismPathScenario.TIMELOCK_DELAY_SECONDS);
        });
        assertThat(new DecisionHistory(store).history(scope).changes()).anySatisfy(entry -> {
            assertThat(entry.block()).isEqualTo(moved);
            assertThat(entry.changed()).extracting(DecisionHistory.Change::id).containsExactly("governorUpgrade");
        });
    }

    @Test
    void theMintManagerMovingToTheTimelockAchievesMintingAtThatBlock() throws Exception {
        long moved = played.mintingMoved();
        String mintManager = governance.mintManager().address();
        String timelock = governance.timelock().address();
        // the chain itself: the MintManager's owner() is the 1-of-1 Safe before the block and the timelock from it, and the
        // token's owner() is the MintManager
        assertThat(new ChainAt(l1.web3j(), moved - 1).address(mintManager, "owner")).isEqualTo(governance.mintManagerOwner().address());
        assertThat(new ChainAt(l1.web3j(), moved).address(mintManager, "owner")).isEqualTo(timelock);
        assertThat(new ChainAt(l1.web3j(), moved).address(governance.token().address(), "owner")).isEqualTo(mintManager);

        MilestoneHistory.Report history = new MilestoneHistory(store).history(scope);
        List<MilestoneHistory.Entry> mintingChanges = history.changes().stream()
                .filter(entry -> change(entry, "mintingAnswersToGovernance") != null && change(entry, "mintingAnswersToGovernance").from() != null)
                .toList();
        // blocked until the governor's admin moved, ready then (a Safe owns the MintManager), achieved when the timelock does
        assertThat(mintingChanges).extracting(MilestoneHistory.Entry::block).containsExactly(played.governorAdminMoved(), moved);
        assertThat(mintingChanges.get(1)).satisfies(entry -> {
            assertThat(change(entry, "mintingAnswersToGovernance").from()).isEqualTo(MilestoneStatus.READY);
            assertThat(change(entry, "mintingAnswersToGovernance").to()).isEqualTo(MilestoneStatus.ACHIEVED);
            assertThat(entry.events()).anySatisfy(event -> assertThat(event).contains("ownership transferred " + timelock + " at " + mintManager)
                    .contains(played.mintingTx()));
            assertThat(entry.phases()).filteredOn(phase -> phase.id().equals("B")).singleElement()
                    .satisfies(phase -> assertThat(phase.achieved()).isEqualTo(1));
        });
        MilestoneResult before = at(moved - 1).milestone("mintingAnswersToGovernance");
        assertThat(before.evidence()).anySatisfy(evidence -> assertThat(evidence.value()).isEqualTo("MintManagerOwner ("
                + governance.mintManagerOwner().address() + "), not one of DAO Timelock"));
        assertThat(before.evidence()).anySatisfy(evidence -> assertThat(evidence.value()).isEqualTo(mintManager));

        // who mints, as `decisions` says: the 6-of-9 Safe through the 1-of-1, then the timelock
        DecisionsReport.Permission mintBefore = decisionsAt(moved - 1).decision("tokenMinting").permissions().get(0);
        assertThat(mintBefore.routes()).singleElement().satisfies(route -> {
            assertThat(route.holder()).isEqualTo("Safe " + governance.mintManagerOwnerOwner().name());
            assertThat(route.via()).containsExactly("MintManager (owner)", "MintManagerOwner (1-of-1 signers)",
                    governance.mintManagerOwnerOwner().name() + " (6-of-9 signers)");
        });
        assertThat(decisionsAt(moved).decision("tokenMinting").permissions().get(0).routes()).isNotEmpty().allSatisfy(route ->
                assertThat(String.join(" ", route.via())).contains("DAO Timelock").doesNotContain("MintManagerOwner"));
    }

    private DecisionsReport decisionsAt(long block) {
        return new DecisionAnalyzer(store).at(scope, ChainPoints.resolve(store, scope, block, null, null));
    }

    @Test
    void anUpgraderBypassingTheDaoBreaksTheCouncilMilestoneAtThatBlockWithItsCause() {
        MilestoneHistory.Report history = new MilestoneHistory(store).history(scope);
        List<MilestoneHistory.Entry> councilChanges = history.changes().stream()
                .filter(entry -> change(entry, "councilGatesUpgrades") != null && change(entry, "councilGatesUpgrades").from() != null)
                .toList();
        // unknown until the proxies exist, ready at 4 of 13, achieved once the council needs 10 of 13, ready again at the bypass
        assertThat(councilChanges).extracting(MilestoneHistory.Entry::block)
                .containsExactly(optimism.optimismPortal().block(), thresholds.thresholdRaised(), played.bypassAdded());
        MilestoneHistory.Entry bypass = councilChanges.get(2);
        assertThat(change(bypass, "councilGatesUpgrades").from()).isEqualTo(MilestoneStatus.ACHIEVED);
        assertThat(change(bypass, "councilGatesUpgrades").to()).isEqualTo(MilestoneStatus.READY);
        assertThat(bypass.events()).anySatisfy(event -> assertThat(event).contains("ownership transferred " + played.bypass())
                .contains(played.bypassTx()));
        assertThat(bypass.phases()).filteredOn(phase -> phase.id().equals("A")).singleElement()
                .satisfies(phase -> assertThat(phase.achieved()).isEqualTo(1));
        MilestoneResult broken = at(played.bypassAdded()).milestone("councilGatesUpgrades");
        assertThat(broken.evidence()).anySatisfy(evidence -> assertThat(evidence.value()).startsWith("needs no security council")
                .contains(played.bypass()));
    }

    @Test
    void statusesAtHeadAreWhatTheContractsAnswer() throws Exception {
        ChainAt chain = new ChainAt(l1.web3j(), l1.blockNumber());
        String governorAdmin = chain.slot(governance.governor().address(), ChainAt.ADMIN_SLOT);
        String mintManagerOwner = chain.address(governance.mintManager().address(), "owner");
        String tokenOwner = chain.address(governance.token().address(), "owner");
        String systemConfigAdminOwner = OptimismPathScenario.ownerOf(l1, optimism.systemConfigProxyAdmin().address());
        String ownerCode = l1.web3j().ethGetCode(systemConfigAdminOwner, DefaultBlockParameterName.LATEST).send().getCode();
        String portalAdminOwner = OptimismPathScenario.ownerOf(l1, optimism.portalProxyAdmin().address());
        // the chain: who administers the governor, who owns the MintManager and the token, and whether a plain key (no code)
        // owns a critical proxy's admin
        MilestoneStatus adminExpected = governorAdmin.equals(governance.timelock().address()) ? MilestoneStatus.ACHIEVED : MilestoneStatus.READY;
        boolean mintingGoverned = mintManagerOwner.equals(governance.timelock().address()) && tokenOwner.equals(governance.mintManager().address());
        MilestoneStatus mintingExpected = adminExpected != MilestoneStatus.ACHIEVED ? MilestoneStatus.BLOCKED
                : mintingGoverned ? MilestoneStatus.ACHIEVED : MilestoneStatus.READY;
        boolean keyUpgrades = ownerCode == null || ownerCode.equals("0x");
        MilestoneStatus councilExpected = keyUpgrades ? MilestoneStatus.READY : MilestoneStatus.ACHIEVED;
        // no governor votes on this chain: no route can need the token-holder vote, so the check fails once unblocked
        MilestoneStatus voteExpected = adminExpected == MilestoneStatus.ACHIEVED ? MilestoneStatus.READY : MilestoneStatus.BLOCKED;

        MilestonesReport head = new MilestoneAnalyzer(store).at(scope, ChainPoints.resolve(store, scope, null, null, null));
        assertThat(head.block()).isEqualTo(l1.blockNumber());
        assertThat(head.milestone("governorAdminIsTimelock").status()).isEqualTo(adminExpected).isEqualTo(MilestoneStatus.ACHIEVED);
        assertThat(head.milestone("councilGatesUpgrades").status()).isEqualTo(councilExpected).isEqualTo(MilestoneStatus.READY);
        assertThat(head.milestone("upgradesNeedTokenHouse").status()).isEqualTo(voteExpected);
        assertThat(head.milestone("mintingAnswersToGovernance").status()).isEqualTo(mintingExpected).isEqualTo(MilestoneStatus.ACHIEVED);
        assertThat(head.milestone("governorAdminIsTimelock").evidence().get(0).value()).contains(governorAdmin);
        assertThat(head.milestone("mintingAnswersToGovernance").evidence()).anySatisfy(evidence -> assertThat(evidence.value())
                .contains(mintManagerOwner));
        assertThat(head.phases()).extracting(PhaseProgress::achieved).containsExactly(1, 1);

        DecisionsReport decisions = new DecisionAnalyzer(store).at(scope, ChainPoints.resolve(store, scope, null, null, null));
        DecisionsReport.Decision upgrade = decisions.decision("protocolUpgrade");
        assertThat(upgrade.permissions().get(1).routes()).anySatisfy(route -> {
            assertThat(route.holder()).isEqualTo("keys");
            assertThat(route.keys()).isEqualTo(1);
            assertThat(route.gate()).contains(systemConfigAdminOwner);
        });
        assertThat(upgrade.permissions().get(0).routes()).allSatisfy(route -> {
            assertThat(route.holder()).isEqualTo("security council");
            assertThat(String.join(" ", route.via())).contains(portalAdminOwner.equals(optimism.superchainProxyAdminOwner().address())
                    ? optimism.superchainProxyAdminOwner().name() : portalAdminOwner);
        });
        DecisionHistory.Report changedHands = new DecisionHistory(store).history(scope);
        assertThat(changedHands.changes()).anySatisfy(entry -> {
            assertThat(entry.block()).isEqualTo(played.bypassAdded());
            assertThat(entry.changed()).singleElement().satisfies(change -> assertThat(change.after().stream()
                    .filter(line -> !change.before().contains(line))).anySatisfy(line -> assertThat(line).contains(": keys via")));
        });
    }
}
