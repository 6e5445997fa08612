package org.stagewatch.analyze.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.cli.StagewatchCommand;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.DemoDaoDeployer;
import org.stagewatch.devnet.Deployed;
import org.stagewatch.devnet.DevKeys;
import org.stagewatch.devnet.RollupDao;
import org.stagewatch.devnet.RollupDaoDeployer;
import org.stagewatch.devnet.RollupScenario;
import org.stagewatch.devnet.Transactor;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.store.TestDatabases;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * An Arbitrum-like DAO on two anvil chains (L1 and L2, {@link RollupDaoDeployer}), whose L1 council
 * rotates a signer, enables and disables a module, upgrades the bridge and raises its threshold from
 * 7 to 9 ({@link RollupScenario}), indexed from both chains into one database. What Stagewatch
 * indexed must equal what the contracts answer at every block (getOwners, getThreshold,
 * getModulesPaginated, the EIP-1967 slots), and the routes to upgrade the L1 bridge must be the
 * council's and the DAO's, with the delays read from the chain, before and after the change. The L2
 * holders first move most of their tokens to an address that never delegates, so that the quorum
 * (4% of the supply) takes three of the four delegates: {@code paths --json} must give the council's
 * threshold as the fewest signing keys and, apart, the fewest delegates whose {@code getPastVotes}
 * reach the governor's {@code quorum(B − 1)}, both asked of the chain by the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlIT {
    // the chain ids of Ethereum and Arbitrum One: anvil run as 42161 sends Arbitrum's header shape (l1BlockNumber
    // as a JSON number), which the index must read
    static final long L1 = 1;
    static final long L2 = 42161;
    static final long CHALLENGE_PERIOD = 45_818 * 12;
    static final int SLOT_INTERVAL = 3;
    /** The treasury (anvil account 1) and the three holders: every delegate of the L2 token. */
    static final int DELEGATES = 1 + RollupDaoDeployer.HOLDERS;
    /** Holds most of the tokens and never delegates. */
    static final String NON_VOTER = DevKeys.anvil(9).getAddress();

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
        spreadPower();
        played = RollupScenario.play(l1, dao);
        Path config = dir.resolve("rollup.yml");
        Files.writeString(config, config());
        store = new Store(Database.open(TestDatabases.target(dir, "rollup.db")));
        new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(ConfigLoader.load(config), OptionalLong.empty());
        scope = DaoScope.load(store, "rollup");
        l2.mine(1); // one block past the indexed head: getPastVotes(d, head) can then be asked of the chain
    }

    /**
     * The treasury and the three holders (25%, 30%, 25%, 20% of the supply, each its own delegate) keep 2%, 1.5%,
     * 1% and 0.5% and send the rest to {@link #NON_VOTER}: the 4% quorum then takes three delegates, where
     * "more than half of the delegated power" would take two.
     */
    private void spreadPower() {
        Transactor tx = new Transactor(l2);
        List<Integer> heldPercent = List.of(25, 30, 25, 20);
        List<Integer> keptPerMille = List.of(20, 15, 10, 5);
        for (int i = 0; i < DELEGATES; i++) {
            BigInteger send = DemoDaoDeployer.TOTAL_SUPPLY.multiply(BigInteger.valueOf(heldPercent.get(i) * 10L - keptPerMille.get(i)))
                    .divide(BigInteger.valueOf(1_000));
            tx.sendAndMine(DevKeys.anvil(1 + i), dao.token().address(), FunctionEncoder.encode(new Function("transfer",
                    List.of(new Address(NON_VOTER), new Uint256(send)), List.of())), 200_000, "move tokens away from delegate " + i);
        }
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
                entry("votes-token", "l2", dao.token(), ", transfers: true"), entry("governor", "l2", dao.governor(), ""),
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

    /** The two routes to upgrade the L1 bridge at {@code block} of the L1, every delay, threshold and vote read from the chain. */
    private void assertBridgeRoutes(PathsReport report, long block) throws Exception {
        ChainAt l1Chain = new ChainAt(l1.web3j(), block);
        int threshold = l1Chain.threshold(dao.l1Council().address());
        int signers = l1Chain.owners(dao.l1Council().address()).size();
        long l1Delay = l1Chain.uint(dao.l1Timelock().address(), "getMinDelay").longValueExact();
        long l2Delay = new ChainAt(l2.web3j(), head(l2)).uint(dao.l2Timelock().address(), "getMinDelay").longValueExact();
        long l2Block = report.at().stream().filter(point -> point.chainId() == L2).findFirst().orElseThrow().block();
        PathsReport.PermissionRoutes bridge = report.permissions().stream()
                .filter(permission -> permission.target().equals(dao.bridge().address())).findFirst().orElseThrow();
        assertThat(bridge.chainId()).isEqualTo(L1);
        assertThat(bridge.permission()).isEqualTo("upgrade");
        assertThat(bridge.routes()).hasSize(2);

        PathsReport.RouteView council = bridge.routes().get(0);
        assertThat(council.kind()).isEqualTo("keys");
        assertThat(council.delaySeconds()).isZero();
        assertThat(council.keys()).isEqualTo(threshold);
        assertThat(council.voters()).isNull();
        assertThat(council.councilGated()).isEqualTo(threshold * 4 >= signers * 3);
        assertThat(council.via()).extracting(PathsReport.HopView::address)
                .containsExactly(dao.l1ProxyAdmin().address(), dao.l1Executor().address(), dao.l1Council().address());

        PathsReport.RouteView daoRoute = bridge.routes().get(1);
        assertThat(daoRoute.kind()).isEqualTo("vote");
        assertThat(daoRoute.delaySeconds()).isEqualTo(l2Delay + CHALLENGE_PERIOD + l1Delay).isEqualTo(8 * 86_400 + CHALLENGE_PERIOD + 3 * 86_400);
        assertThat(daoRoute.councilGated()).isFalse();
        assertThat(daoRoute.keys()).as("delegates are no signing keys").isZero();
        ChainVote chainVote = chainVote(l2Block);
        assertThat(daoRoute.voters()).isEqualTo(chainVote.delegates().size());
        assertThat(daoRoute.votes()).singleElement().satisfies(vote -> {
            assertThat(vote.governor()).isEqualTo(dao.governor().address());
            assertThat(vote.block()).isEqualTo(l2Block);
            assertThat(vote.quorumTimepoint()).isEqualTo(l2Block - 1);
            assertThat(vote.quorum()).isEqualTo(chainVote.quorum());
            assertThat(vote.delegates()).extracting(TokenVote.Voter::address).containsExactlyElementsOf(chainVote.delegates());
            assertThat(vote.votingDelay()).isEqualTo((long) DemoDaoDeployer.VOTING_DELAY_BLOCKS);
            assertThat(vote.votingPeriod()).isEqualTo((long) DemoDaoDeployer.VOTING_PERIOD_BLOCKS);
            assertThat(vote.clock()).isEqualTo("blocks");
        });
        assertThat(daoRoute.via()).extracting(PathsReport.HopView::address).containsExactly(dao.l1ProxyAdmin().address(),
                dao.l1Executor().address(), dao.l1Timelock().address(), dao.bridge().address(), dao.l2Timelock().address(),
                dao.governor().address());
        assertThat(bridge.minKeys()).isEqualTo(threshold);
        assertThat(bridge.minVoters()).isEqualTo(chainVote.delegates().size());
        assertThat(bridge.votersNote()).isNull();
        assertThat(bridge.minDelaySeconds()).isZero();
        assertThat(bridge.fastestKeyRoute()).isEqualTo(council);
        assertThat(bridge.fastestVoteRoute()).isEqualTo(daoRoute);
        assertThat(bridge.fastestNonCouncilRoute()).isEqualTo(council.councilGated() ? daoRoute : council);
    }

    /** The quorum at L2 block B and the fewest delegates reaching it, heaviest first, as the chain answers. */
    record ChainVote(BigInteger quorum, List<String> delegates) {
    }

    /**
     * The governor's quorum(B − 1) asked at block B, every delegate's getPastVotes(d, B) asked at the latest block,
     * sorted by power (then address) and counted until they reach the quorum: the test's own count.
     */
    private ChainVote chainVote(long block) throws Exception {
        BigInteger quorum = new ChainAt(l2.web3j(), block).uint(dao.governor().address(), "quorum", block - 1);
        ChainAt latest = new ChainAt(l2.web3j(), head(l2));
        assertThat(head(l2)).isGreaterThan(block);
        record Power(String address, BigInteger votes) {
        }
        List<Power> powers = new ArrayList<>();
        List<String> candidates = new ArrayList<>(List.of(NON_VOTER));
        for (int account = 1; account <= DELEGATES; account++) {
            candidates.add(DevKeys.anvil(account).getAddress());
        }
        for (String candidate : candidates) {
            powers.add(new Power(candidate.toLowerCase(Locale.ROOT), latest.pastVotes(dao.token().address(), candidate, block)));
        }
        powers.sort(Comparator.comparing(Power::votes).reversed().thenComparing(Power::address));
        BigInteger sum = BigInteger.ZERO;
        List<String> delegates = new ArrayList<>();
        for (Power power : powers) {
            if (delegates.isEmpty() || sum.compareTo(quorum) < 0) {
                sum = sum.add(power.votes());
                delegates.add(power.address());
            }
        }
        assertThat(sum).as("the delegates at %d reach quorum(%d)", block, block - 1).isGreaterThanOrEqualTo(quorum);
        return new ChainVote(quorum, delegates);
    }

    @Test
    void shouldFindTheCouncilAndTheDaoRoutesToUpgradeTheBridge() throws Exception {
        PathsReport report = new PathsAnalyzer(store).paths(scope, ChainPoints.resolve(store, scope, null, null, null));
        assertBridgeRoutes(report, head(l1));
        assertThat(report.permissions().stream().filter(p -> p.target().equals(dao.bridge().address())).findFirst().orElseThrow()
                .routes().get(0).keys()).isEqualTo(9);
    }

    /**
     * {@code paths --json} as a user runs it, before and after the threshold raise: every critical permission's
     * {@code minKeys} is the threshold of the council that reaches it with the fewest signers at that block, and
     * {@code minVoters} the fewest delegates reaching the quorum, both read from the chain by the test.
     */
    @Test
    void shouldPrintTheCouncilsThresholdAsMinKeysAndTheChainsVoteCoalitionAsMinVoters() throws Exception {
        for (Long block : Arrays.asList(played.thresholdRaised() - 1, null)) {
            JsonNode report = pathsJson(block);
            long l1Block = point(report, L1);
            long l2Block = point(report, L2);
            int l1Threshold = new ChainAt(l1.web3j(), l1Block).threshold(dao.l1Council().address());
            int l2Threshold = new ChainAt(l2.web3j(), l2Block).threshold(dao.l2Council().address());
            assertThat(l1Threshold).isEqualTo(block == null ? 9 : 7);
            ChainVote vote = chainVote(l2Block);
            assertThat(report.get("permissions")).hasSize(3).allSatisfy(permission -> {
                // an L2 permission is also reached by the L1 council: it upgrades the bridge, the L1 timelock's proposer,
                // whose alias executes on the L2
                assertThat(permission.get("minKeys").asInt()).as("minKeys of %s at %s", permission.get("label"), block)
                        .isEqualTo(permission.get("chainId").asLong() == L1 ? l1Threshold : Math.min(l1Threshold, l2Threshold));
                assertThat(permission.get("minVoters").asInt()).as("minVoters of %s at %s", permission.get("label"), block)
                        .isEqualTo(vote.delegates().size());
                assertThat(permission.get("votersNote").isNull()).isTrue();
                JsonNode voteRoute = permission.get("fastestVoteRoute");
                assertThat(voteRoute.get("kind").asText()).isEqualTo("vote");
                assertThat(voteRoute.get("votes").get(0).get("quorum").asText()).isEqualTo(vote.quorum().toString());
                assertThat(voteRoute.get("votes").get(0).get("quorumTimepoint").asLong()).isEqualTo(l2Block - 1);
                // the fastest key route is a council's at once; the fewest keys may take longer (7 via the L1 timelock)
                assertThat(permission.get("fastestKeyRoute").get("kind").asText()).isEqualTo("keys");
                assertThat(permission.get("fastestKeyRoute").get("delaySeconds").asLong()).isZero();
            });
        }
        assertThat(chainVote(point(pathsJson(null), L2)).delegates()).as("the quorum takes three of the four delegates").hasSize(3);
    }

    /** The point of {@code chainId} in a paths document. */
    private static long point(JsonNode report, long chainId) {
        for (JsonNode point : report.get("at")) {
            if (point.get("chainId").asLong() == chainId) {
                return point.get("block").asLong();
            }
        }
        throw new AssertionError("no point for chain " + chainId + " in " + report.get("at"));
    }

    /** {@code stagewatch paths --dao rollup --json} over the test's database, at L1 block {@code block} (null: the heads). */
    private JsonNode pathsJson(Long block) throws Exception {
        List<String> args = new ArrayList<>(List.of("paths", "--dao", "rollup", "--db", store.database().target(), "--json"));
        if (block != null) {
            args.addAll(List.of("--block", Long.toString(block), "--chain", Long.toString(L1)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(StagewatchCommand.execute(args.toArray(String[]::new))).isZero();
        } finally {
            System.setOut(original);
        }
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
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
