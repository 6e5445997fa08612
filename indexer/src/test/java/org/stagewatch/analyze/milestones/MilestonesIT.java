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
 * 2-of-2 that owns the critical proxies' ProxyAdmins), with a governor proxy whose admin the Foundation
 * Safe holds and a DAO timelock, indexed from the chain. The declared path mirrors the optimism preset's:
 * phase A — the council gates every upgrade, the governor's admin is the timelock; phase B — every upgrade
 * needs the token-holder vote, after the governor's admin moved. The history must show each change at the
 * block whose transaction made it, and the statuses at head must be what the contracts answer.
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
        entry(contracts, "proxy", governance.governor(), false);
        entry(contracts, "ownable", governance.governorProxyAdmin(), false);
        ObjectNode milestones = dao.putObject("milestones");
        milestones.putArray("phases").add(phase("A", "The Foundation bootstraps governance", 1)).add(phase("B", "Governance takes over", 2));
        ArrayNode list = milestones.putArray("milestones");
        ObjectNode gated = list.addObject().put("id", "councilGatesUpgrades").put("title", "Every upgrade needs the council").put("phase", "A");
        gated.putObject("check").putObject("route").put("every", "council");
        ObjectNode admin = list.addObject().put("id", "governorAdminIsTimelock").put("title", "The DAO's timelock administers the governor")
                .put("phase", "A").put("source", "https://github.com/voteagora/optimism-governor");
        ObjectNode owner = admin.putObject("check").putObject("owner").put("chain", "eth").put("address", governance.governorProxyAdmin().checksummed());
        owner.putArray("in").addObject().put("chain", "eth").put("address", governance.timelock().checksummed());
        ObjectNode vote = list.addObject().put("id", "upgradesNeedTokenHouse").put("title", "Every upgrade needs the Token House vote")
                .put("phase", "B");
        vote.putArray("after").add("governorAdminIsTimelock");
        vote.putObject("check").putObject("route").put("every", "vote");
        ObjectNode decision = dao.putArray("decisions").addObject().put("id", "protocolUpgrade").put("title", "Protocol upgrade");
        ArrayNode permissions = decision.putArray("permissions");
        permissions.addObject().put("chain", "eth").put("address", optimism.optimismPortal().checksummed()).put("permission", "upgrade");
        permissions.addObject().put("chain", "eth").put("address", optimism.systemConfig().checksummed()).put("permission", "upgrade");
        return root;
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
    void theGovernorsAdminMovingToTheTimelockAchievesTheMilestoneAndReadiesItsDependentsAtThatBlock() {
        MilestoneHistory.Report history = new MilestoneHistory(store).history(scope);
        List<MilestoneHistory.Entry> adminChanges = history.changes().stream()
                .filter(entry -> change(entry, "governorAdminIsTimelock") != null && change(entry, "governorAdminIsTimelock").from() != null)
                .toList();
        // unknown until the governor's ProxyAdmin exists, ready from its deployment, achieved when its owner is the timelock
        assertThat(adminChanges).extracting(MilestoneHistory.Entry::block).containsExactly(governance.governorProxyAdmin().block(),
                played.governorAdminMoved());
        assertThat(change(adminChanges.get(0), "governorAdminIsTimelock").from()).isEqualTo(MilestoneStatus.UNKNOWN);
        assertThat(adminChanges.get(1)).satisfies(entry -> {
            assertThat(entry.block()).isEqualTo(played.governorAdminMoved());
            assertThat(change(entry, "governorAdminIsTimelock").from()).isEqualTo(MilestoneStatus.READY);
            assertThat(change(entry, "governorAdminIsTimelock").to()).isEqualTo(MilestoneStatus.ACHIEVED);
            assertThat(change(entry, "upgradesNeedTokenHouse").from()).isEqualTo(MilestoneStatus.BLOCKED);
            assertThat(change(entry, "upgradesNeedTokenHouse").to()).isEqualTo(MilestoneStatus.READY);
            assertThat(entry.events()).anySatisfy(event -> assertThat(event).contains("ownership transferred " + governance.timelock().address())
                    .contains(played.governorAdminTx()));
        });
        MilestonesReport before = at(played.governorAdminMoved() - 1);
        assertThat(before.milestone("governorAdminIsTimelock").status()).isEqualTo(MilestoneStatus.READY);
        assertThat(before.milestone("upgradesNeedTokenHouse").status()).isEqualTo(MilestoneStatus.BLOCKED);
        assertThat(before.milestone("upgradesNeedTokenHouse").blockedBy()).containsExactly("governorAdminIsTimelock");
        assertThat(at(played.governorAdminMoved()).milestone("governorAdminIsTimelock").status()).isEqualTo(MilestoneStatus.ACHIEVED);
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
        String governorAdminOwner = OptimismPathScenario.ownerOf(l1, governance.governorProxyAdmin().address());
        String systemConfigAdminOwner = OptimismPathScenario.ownerOf(l1, optimism.systemConfigProxyAdmin().address());
        String ownerCode = l1.web3j().ethGetCode(systemConfigAdminOwner, DefaultBlockParameterName.LATEST).send().getCode();
        String portalAdminOwner = OptimismPathScenario.ownerOf(l1, optimism.portalProxyAdmin().address());
        // the chain: who owns the governor's admin, and whether a plain key (no code) owns a critical proxy's admin
        MilestoneStatus adminExpected = governorAdminOwner.equals(governance.timelock().address()) ? MilestoneStatus.ACHIEVED : MilestoneStatus.READY;
        boolean keyUpgrades = ownerCode == null || ownerCode.equals("0x");
        MilestoneStatus councilExpected = keyUpgrades ? MilestoneStatus.READY : MilestoneStatus.ACHIEVED;
        // no governor votes on this chain: no route can need the token-holder vote, so the check fails once unblocked
        MilestoneStatus voteExpected = adminExpected == MilestoneStatus.ACHIEVED ? MilestoneStatus.READY : MilestoneStatus.BLOCKED;

        MilestonesReport head = new MilestoneAnalyzer(store).at(scope, ChainPoints.resolve(store, scope, null, null, null));
        assertThat(head.block()).isEqualTo(l1.blockNumber());
        assertThat(head.milestone("governorAdminIsTimelock").status()).isEqualTo(adminExpected).isEqualTo(MilestoneStatus.ACHIEVED);
        assertThat(head.milestone("councilGatesUpgrades").status()).isEqualTo(councilExpected).isEqualTo(MilestoneStatus.READY);
        assertThat(head.milestone("upgradesNeedTokenHouse").status()).isEqualTo(voteExpected);
        assertThat(head.milestone("governorAdminIsTimelock").evidence().get(0).value()).contains(governorAdminOwner);
        assertThat(head.phases()).extracting(PhaseProgress::achieved).containsExactly(1, 0);

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
