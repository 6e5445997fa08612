package org.stagewatch.analyze.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.Deployed;
import org.stagewatch.devnet.DevKeys;
import org.stagewatch.devnet.RollupDao;
import org.stagewatch.devnet.RollupDaoDeployer;
import org.stagewatch.devnet.RollupScenario;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;

/**
 * An Arbitrum-like DAO on two anvil chains (L1 and L2, {@link RollupDaoDeployer}), whose L1 council
 * rotates a signer, enables and disables a module, upgrades the bridge and raises its threshold from
 * 7 to 9 ({@link RollupScenario}), indexed from both chains into one database. What Stagewatch
 * indexed must equal what the contracts answer at every block (getOwners, getThreshold,
 * getModulesPaginated, the EIP-1967 slots), and the routes to upgrade the L1 bridge must be the
 * council's and the DAO's, with the delays read from the chain, before and after the change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlIT {
    static final long L1 = 1337;
    static final long L2 = 412346;
    static final long CHALLENGE_PERIOD = 45_818 * 12;
    static final int SLOT_INTERVAL = 3;

    @TempDir
    static Path dir;
    AnvilNode l1;
    AnvilNode l2;
    RollupDao dao;
    RollupScenario.Played played;
    Store store;
    DaoScope scope;

    @BeforeAll
    void deployPlayAndIndex() throws Exception {
        l1 = AnvilNode.start(L1);
        l2 = AnvilNode.start(L2);
        dao = RollupDaoDeployer.deploy(l1, l2);
        played = RollupScenario.play(l1, dao);
        Path config = dir.resolve("rollup.yml");
        Files.writeString(config, config());
        store = new Store(Database.open(dir.resolve("rollup.db").toString()));
        new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(ConfigLoader.load(config), OptionalLong.empty());
        scope = DaoScope.load(store, "rollup");
    }

    @AfterAll
    void stopNodes() {
        for (AnvilNode node : new AnvilNode[] {l1, l2}) {
            if (node != null) {
                node.close();
            }
        }
    }

    /** The L1 council starts after its setup block, so its owners come from the start-block reading. */
    private String config() {
        return """
                chains:
                  l1: {chainId: %d, rpc: "%s"}
                  l2: {chainId: %d, rpc: "%s", parent: l1}
                daos:
                  rollup:
                    contracts:
                %s
                    messagePaths:
                      - {label: Outbox (challenge period), fromChain: l2, from: "%s", toChain: l1, sender: "%s", delaySeconds: %d}
                """.formatted(L1, l1.rpcUrl(), L2, l2.rpcUrl(), String.join("\n", List.of(
                entry("votes-token", "l2", dao.token(), ""), entry("governor", "l2", dao.governor(), ""),
                entry("timelock", "l2", dao.l2Timelock(), ""), entry("safe", "l2", dao.l2Council(), ", council: true"),
                entry("upgrade-executor", "l2", dao.l2Executor(), ""), entry("ownable", "l2", dao.l2ProxyAdmin(), ""),
                entry("proxy", "l2", dao.l2Gateway(), ", critical: true"), entry("timelock", "l1", dao.l1Timelock(), ""),
                entry("safe", "l1", new Deployed(dao.l1Council().name(), dao.l1Council().address(), dao.l1Council().block() + 1),
                        ", council: true"),
                entry("upgrade-executor", "l1", dao.l1Executor(), ""), entry("ownable", "l1", dao.l1ProxyAdmin(), ""),
                entry("proxy", "l1", dao.bridge(), ", critical: true, slotReadInterval: 4"),
                entry("proxy", "l1", dao.silentProxy(), ", critical: true, slotReadInterval: " + SLOT_INTERVAL))),
                dao.l2Timelock().checksummed(), dao.bridge().checksummed(), CHALLENGE_PERIOD);
    }

    private static String entry(String kind, String chain, Deployed contract, String extra) {
        return "      - {kind: %s, chain: %s, address: \"%s\", label: %s, startBlock: %d%s}".formatted(kind, chain,
                contract.checksummed(), contract.name(), contract.block(), extra);
    }

    private long head(AnvilNode node) {
        return node.blockNumber();
    }

    @Test
    void shouldIndexCouncilOwnersThresholdAndModulesAsTheSafesReportThemAtEveryBlock() throws Exception {
        int compared = 0;
        for (Deployed council : List.of(dao.l1Council(), dao.l2Council())) {
            AnvilNode node = council == dao.l1Council() ? l1 : l2;
            long chainId = node.chainId();
            long from = council == dao.l1Council() ? council.block() + 1 : council.block();
            for (long block = from; block <= head(node); block++) {
                ChainAt chain = new ChainAt(node.web3j(), block);
                SafeState indexed = new SafeHistory(store).at(new Node(chainId, council.address()), block);
                assertThat(indexed.owners()).as("owners of %s at %d", council.name(), block).isEqualTo(chain.owners(council.address()));
                assertThat(indexed.threshold()).as("threshold of %s at %d", council.name(), block).isEqualTo(chain.threshold(council.address()));
                assertThat(indexed.modules()).as("modules of %s at %d", council.name(), block).isEqualTo(chain.modules(council.address()));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20);
        SafeState before = new SafeHistory(store).at(new Node(L1, dao.l1Council().address()), played.moduleEnabled());
        assertThat(before.owners()).contains(played.rotatedIn()).doesNotContain(played.rotatedOut());
        assertThat(before.modules()).containsExactly(played.module());
    }

    @Test
    void shouldIndexProxyAdminAndImplementationAsTheStorageSlotsAtEveryBlock() throws Exception {
        ControlFacts facts = new ControlFacts(store);
        for (Deployed proxy : List.of(dao.bridge(), dao.l2Gateway())) {
            AnvilNode node = proxy == dao.bridge() ? l1 : l2;
            Node indexed = new Node(node.chainId(), proxy.address());
            for (long block = proxy.block(); block <= head(node); block++) {
                ChainAt chain = new ChainAt(node.web3j(), block);
                assertThat(facts.proxyValue(indexed, "admin_changed", ControlReadings.ADMIN_SLOT, block))
                        .as("admin of %s at %d", proxy.name(), block).isEqualTo(chain.slot(proxy.address(), ChainAt.ADMIN_SLOT));
                assertThat(facts.proxyValue(indexed, "upgraded", ControlReadings.IMPLEMENTATION_SLOT, block))
                        .as("implementation of %s at %d", proxy.name(), block)
                        .isEqualTo(chain.slot(proxy.address(), ChainAt.IMPLEMENTATION_SLOT));
            }
        }
        assertThat(new ChainAt(l1.web3j(), played.bridgeUpgraded()).slot(dao.bridge().address(), ChainAt.IMPLEMENTATION_SLOT))
                .isEqualTo(dao.bridgeV2().address());
    }

    /** A proxy that emits nothing is known from its slot readings, taken at its start block and every interval after. */
    @Test
    void shouldKnowASilentProxyFromSlotReadsAtItsStartBlockAndEveryInterval() throws Exception {
        ControlFacts facts = new ControlFacts(store);
        Node silent = new Node(L1, dao.silentProxy().address());
        int compared = 0;
        for (long block = dao.silentProxy().block(); block <= head(l1); block += SLOT_INTERVAL) {
            ChainAt chain = new ChainAt(l1.web3j(), block);
            assertThat(facts.proxyValue(silent, "upgraded", ControlReadings.IMPLEMENTATION_SLOT, block)).as("implementation at %d", block)
                    .isEqualTo(chain.slot(silent.address(), ChainAt.IMPLEMENTATION_SLOT));
            assertThat(facts.proxyValue(silent, "admin_changed", ControlReadings.ADMIN_SLOT, block)).as("admin at %d", block)
                    .isEqualTo(chain.slot(silent.address(), ChainAt.ADMIN_SLOT));
            compared++;
        }
        assertThat(compared).isGreaterThan(4);
        assertThat(new ChainAt(l1.web3j(), head(l1)).slot(silent.address(), ChainAt.IMPLEMENTATION_SLOT)).isEqualTo(dao.bridgeV2().address());
        assertThat(new ChainAt(l1.web3j(), played.silentUpgraded() - 1).slot(silent.address(), ChainAt.IMPLEMENTATION_SLOT))
                .isNotEqualTo(dao.bridgeV2().address());
        PathsReport.PermissionRoutes upgrade = new PathsAnalyzer(store).paths(scope, ChainPoints.resolve(store, scope, null, null, null))
                .permissions().stream().filter(permission -> permission.target().equals(silent.address())).findFirst().orElseThrow();
        assertThat(upgrade.routes()).extracting(route -> route.via().get(0).address()).containsOnly(dao.l1Executor().address());
        assertThat(upgrade.routes()).extracting(PathsReport.RouteView::keys).first().isEqualTo(9);
    }

    /** The two routes to upgrade the L1 bridge at {@code block} of the L1, every delay and threshold read from the chain. */
    private void assertBridgeRoutes(PathsReport report, long block) throws Exception {
        ChainAt l1Chain = new ChainAt(l1.web3j(), block);
        int threshold = l1Chain.threshold(dao.l1Council().address());
        int signers = l1Chain.owners(dao.l1Council().address()).size();
        long l1Delay = l1Chain.uint(dao.l1Timelock().address(), "getMinDelay").longValueExact();
        long l2Delay = new ChainAt(l2.web3j(), head(l2)).uint(dao.l2Timelock().address(), "getMinDelay").longValueExact();
        PathsReport.PermissionRoutes bridge = report.permissions().stream()
                .filter(permission -> permission.target().equals(dao.bridge().address())).findFirst().orElseThrow();
        assertThat(bridge.chainId()).isEqualTo(L1);
        assertThat(bridge.permission()).isEqualTo("upgrade");
        assertThat(bridge.routes()).hasSize(2);

        PathsReport.RouteView council = bridge.routes().get(0);
        assertThat(council.delaySeconds()).isZero();
        assertThat(council.keys()).isEqualTo(threshold);
        assertThat(council.councilGated()).isEqualTo(threshold * 4 >= signers * 3);
        assertThat(council.via()).extracting(PathsReport.HopView::address)
                .containsExactly(dao.l1ProxyAdmin().address(), dao.l1Executor().address(), dao.l1Council().address());

        PathsReport.RouteView daoRoute = bridge.routes().get(1);
        assertThat(daoRoute.delaySeconds()).isEqualTo(l2Delay + CHALLENGE_PERIOD + l1Delay).isEqualTo(8 * 86_400 + CHALLENGE_PERIOD + 3 * 86_400);
        assertThat(daoRoute.councilGated()).isFalse();
        assertThat(daoRoute.vote()).isEqualTo((DemoDaoDeployer.VOTING_DELAY_BLOCKS + DemoDaoDeployer.VOTING_PERIOD_BLOCKS)
                + " blocks voting delay + period");
        assertThat(daoRoute.keys()).as("fewest delegates with more than half the votes (no quorum read yet)").isEqualTo(voteKeys());
        assertThat(daoRoute.via()).extracting(PathsReport.HopView::address).containsExactly(dao.l1ProxyAdmin().address(),
                dao.l1Executor().address(), dao.l1Timelock().address(), dao.bridge().address(), dao.l2Timelock().address(),
                dao.governor().address());
        assertThat(bridge.minKeys()).isEqualTo(Math.min(threshold, daoRoute.keys()));
        assertThat(bridge.minDelaySeconds()).isZero();
        assertThat(bridge.fastestNonCouncilRoute()).isEqualTo(council.councilGated() ? daoRoute : council);
    }

    /** The fewest delegates whose getVotes add up to more than half of all, from the token itself. */
    private int voteKeys() throws Exception {
        ChainAt chain = new ChainAt(l2.web3j(), head(l2));
        List<BigInteger> votes = new ArrayList<>();
        for (int account = 1; account <= 1 + RollupDaoDeployer.HOLDERS; account++) {
            votes.add(chain.votes(dao.token().address(), DevKeys.anvil(account).getAddress()));
        }
        votes.sort(Comparator.reverseOrder());
        BigInteger total = votes.stream().reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(total).isEqualTo(DemoDaoDeployer.TOTAL_SUPPLY);
        BigInteger sum = BigInteger.ZERO;
        int keys = 0;
        while (sum.shiftLeft(1).compareTo(total) <= 0) {
            sum = sum.add(votes.get(keys++));
        }
        return keys;
    }

    @Test
    void shouldFindTheCouncilAndTheDaoRoutesToUpgradeTheBridge() throws Exception {
        PathsReport report = new PathsAnalyzer(store).paths(scope, ChainPoints.resolve(store, scope, null, null, null));
        assertBridgeRoutes(report, head(l1));
        assertThat(report.permissions().stream().filter(p -> p.target().equals(dao.bridge().address())).findFirst().orElseThrow()
                .routes().get(0).keys()).isEqualTo(9);
    }

    @Test
    void shouldGiveTheOldAnswersAtABlockBeforeTheThresholdWasRaised() throws Exception {
        long before = played.thresholdRaised() - 1;
        PathsReport report = new PathsAnalyzer(store).paths(scope, ChainPoints.resolve(store, scope, before, L1, null));
        assertBridgeRoutes(report, before);
        PathsReport.RouteView council = report.permissions().stream().filter(p -> p.target().equals(dao.bridge().address()))
                .findFirst().orElseThrow().routes().get(0);
        assertThat(council.keys()).isEqualTo(7);
        assertThat(council.councilGated()).isFalse();
    }

    @Test
    void shouldRouteTheL2GatewayThroughItsCouncilAndTheAliasedL1Timelock() throws Exception {
        PathsReport report = new PathsAnalyzer(store).paths(scope, ChainPoints.resolve(store, scope, null, null, null));
        PathsReport.PermissionRoutes gateway = report.permissions().stream()
                .filter(permission -> permission.target().equals(dao.l2Gateway().address())).findFirst().orElseThrow();
        assertThat(gateway.routes().get(0)).satisfies(route -> {
            assertThat(route.keys()).isEqualTo(new ChainAt(l2.web3j(), head(l2)).threshold(dao.l2Council().address()));
            assertThat(route.delaySeconds()).isZero();
            assertThat(route.councilGated()).isTrue();
        });
        assertThat(gateway.routes()).anySatisfy(route -> {
            assertThat(route.via()).extracting(PathsReport.HopView::relation).contains("L1→L2 alias", "message path from L2 Timelock (Outbox (challenge period))");
            assertThat(route.delaySeconds()).isEqualTo(RollupDaoDeployer.L2_TIMELOCK_DELAY + CHALLENGE_PERIOD + RollupDaoDeployer.L1_TIMELOCK_DELAY);
        });
    }

    @Test
    void shouldListTheCouncilChangesWithTheirBlocks() {
        CouncilReport report = new CouncilAnalyzer(store).councils(scope, ChainPoints.resolve(store, scope, null, null, null));
        CouncilReport.Council l1Council = report.councils().stream().filter(c -> c.chainId() == L1).findFirst().orElseThrow();
        assertThat(l1Council.version()).isEqualTo("1.3.0");
        assertThat(l1Council.history()).extracting(Change::block).contains(played.rotated(), played.moduleEnabled(),
                played.moduleDisabled(), played.thresholdRaised());
        assertThat(l1Council.history().get(0).event()).isEqualTo("read at start block: 12 owners");
        CouncilReport.Council l2Council = report.councils().stream().filter(c -> c.chainId() == L2).findFirst().orElseThrow();
        assertThat(l2Council.version()).isEqualTo("1.4.1");
        assertThat(l2Council.history()).extracting(Change::event).contains("setup: 12 owners, threshold 9");
    }
}
