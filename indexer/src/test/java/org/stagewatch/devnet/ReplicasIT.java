package org.stagewatch.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.Response;

/**
 * The replicas of real governance topologies the stage rules are tested on, each checked against the
 * chain itself (eth_call, eth_getStorageAt at the blocks that matter), with the numbers of the real
 * topologies written here rather than taken from the deployers: the Optimism-like DAO on one chain
 * before and after its council's threshold went from 4 to 10 and its portal was upgraded by the 2-of-2;
 * the Arbitrum-like DAO's rollup core and a fast timelock the council makes an executor, and on a
 * deployment of its own, one key upgrading the bridge through that timelock in 2 days.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasIT {
    static final long OP_L1 = 900;
    static final long ARB_L1 = 1337;
    static final long ARB_L2 = 412346;
    static final long TWO_DAYS = 172_800;

    AnvilNode opL1;
    OptimismDao op;
    OptimismScenario.Played opPlayed;
    AnvilNode arbL1;
    AnvilNode arbL2;
    RollupDao arb;
    RollupScenario.Played arbPlayed;
    Deployed fastTimelock;
    long granted;

    @BeforeAll
    void deployAndPlay() {
        opL1 = AnvilNode.start(OP_L1);
        arbL1 = AnvilNode.start(ARB_L1);
        arbL2 = AnvilNode.start(ARB_L2);
        long started = System.nanoTime();
        op = OptimismDaoDeployer.deploy(opL1);
        opPlayed = OptimismScenario.play(opL1, op);
        long opDone = System.nanoTime();
        arb = RollupDaoDeployer.deploy(arbL1, arbL2);
        arbPlayed = RollupScenario.play(arbL1, arb);
        long arbDone = System.nanoTime();
        fastTimelock = RollupVariants.deployFastTimelock(arbL1, arb);
        // The original twelve: the scenario rotated one out, and the variant signs with current owners only.
        granted = RollupVariants.grantExecutor(arbL1, arb, fastTimelock, arb.signers());
        long variantsDone = System.nanoTime();
        System.out.printf("optimism deploy+play %d ms (first in the JVM); rollup deploy+play %d ms; fast timelock + grant %d ms%n",
                Duration.ofNanos(opDone - started).toMillis(), Duration.ofNanos(arbDone - opDone).toMillis(),
                Duration.ofNanos(variantsDone - arbDone).toMillis());
        System.out.printf("optimism %s, portal at %s; rollup %s, core at %d, fast timelock at %d, granted at %d%n", opPlayed,
                op.optimismPortal().block(), arbPlayed, arb.rollupCore().block(), fastTimelock.block(), granted);
    }

    @AfterAll
    void stopNodes() {
        for (AnvilNode node : new AnvilNode[] {opL1, arbL1, arbL2}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private ChainAtBlock opAt(long block) {
        return new ChainAtBlock(opL1.web3j(), block);
    }

    private ChainAtBlock arbAt(long block) {
        return new ChainAtBlock(arbL1.web3j(), block);
    }

    private static String lower(Credentials key) {
        return key.getAddress().toLowerCase(Locale.ROOT);
    }

    @Test
    void shouldSetUpEveryOptimismSafeAsTheTopologyHasIt() throws Exception {
        for (long block : List.of(opPlayed.thresholdRaised() - 1, opL1.blockNumber())) {
            ChainAtBlock chain = opAt(block);
            assertThat(chain.owners(op.foundationSafe().address())).as("foundation owners at %d", block)
                    .hasSize(7).containsExactlyElementsOf(op.foundationSigners().stream().map(ReplicasIT::lower).toList());
            assertThat(chain.threshold(op.foundationSafe().address())).as("foundation threshold at %d", block).isEqualTo(5);
            assertThat(chain.owners(op.securityCouncil().address())).as("council owners at %d", block)
                    .hasSize(13).containsExactlyElementsOf(op.councilSigners().stream().map(ReplicasIT::lower).toList());
            assertThat(chain.owners(op.superchainProxyAdminOwner().address())).as("2-of-2 owners at %d", block)
                    .containsExactlyInAnyOrder(op.foundationSafe().address(), op.securityCouncil().address());
            assertThat(chain.threshold(op.superchainProxyAdminOwner().address())).as("2-of-2 threshold at %d", block).isEqualTo(2);
            assertThat(chain.owners(op.guardian().address())).as("guardian owners at %d", block)
                    .containsExactly(op.securityCouncil().address());
            assertThat(chain.threshold(op.guardian().address())).as("guardian threshold at %d", block).isEqualTo(1);
        }
        ChainAtBlock head = opAt(opL1.blockNumber());
        assertThat(head.string(op.foundationSafe().address(), "VERSION")).isEqualTo("1.4.1");
        for (Deployed safe : List.of(op.securityCouncil(), op.superchainProxyAdminOwner(), op.guardian())) {
            assertThat(head.string(safe.address(), "VERSION")).as(safe.name()).isEqualTo("1.3.0");
        }
        assertThat(op.foundationSafe().block()).isLessThan(op.superchainProxyAdminOwner().block());
    }

    @Test
    void shouldRaiseTheCouncilThresholdFromFourToTenInABlockOfItsOwn() throws Exception {
        long raised = opPlayed.thresholdRaised();
        String council = op.securityCouncil().address();
        assertThat(opAt(raised - 1).threshold(council)).isEqualTo(4);
        assertThat(opAt(raised).threshold(council)).isEqualTo(10);
        assertThat(opAt(opL1.blockNumber()).threshold(council)).isEqualTo(10);
        assertThat(opAt(raised).header().getTransactions()).hasSize(1);
        assertThat(opAt(raised - 1).header().getTransactions()).isEmpty();
        assertThat(opAt(raised + 1).header().getTransactions()).isEmpty();
        assertThat(opAt(raised).owners(council)).isEqualTo(opAt(raised - 1).owners(council));
    }

    @Test
    void shouldHaveTheTwoOfTwoOwnEachCriticalProxyAdmin() throws Exception {
        ChainAtBlock head = opAt(opL1.blockNumber());
        String portalAdmin = head.slot(op.optimismPortal().address(), ChainAtBlock.ADMIN_SLOT);
        String configAdmin = head.slot(op.systemConfig().address(), ChainAtBlock.ADMIN_SLOT);
        assertThat(portalAdmin).isEqualTo(op.portalProxyAdmin().address()).isNotEqualTo(configAdmin);
        assertThat(configAdmin).isEqualTo(op.systemConfigProxyAdmin().address());
        for (String admin : List.of(portalAdmin, configAdmin)) {
            assertThat(head.address(admin, "owner")).as("owner of %s", admin).isEqualTo(op.superchainProxyAdminOwner().address());
            assertThat(opAt(op.optimismPortal().block()).address(admin, "owner")).isEqualTo(op.superchainProxyAdminOwner().address());
        }
        assertThat(head.address(op.optimismPortal().address(), "guardian")).isEqualTo(op.guardian().address());
    }

    @Test
    void shouldUpgradeThePortalThroughTheTwoOfTwoWithBothOwnerSafesApprovals() throws Exception {
        long upgraded = opPlayed.portalUpgraded();
        String portal = op.optimismPortal().address();
        String owner = op.superchainProxyAdminOwner().address();
        assertThat(opAt(op.optimismPortal().block()).slot(portal, ChainAtBlock.IMPLEMENTATION_SLOT)).isEqualTo(op.bridgeV1().address());
        assertThat(opAt(upgraded - 1).slot(portal, ChainAtBlock.IMPLEMENTATION_SLOT)).isEqualTo(op.bridgeV1().address());
        assertThat(opAt(upgraded).slot(portal, ChainAtBlock.IMPLEMENTATION_SLOT)).isEqualTo(op.bridgeV2().address());
        assertThat(opAt(upgraded).uint(portal, "version")).isEqualTo(2);
        assertThat(opAt(upgraded).slot(op.systemConfig().address(), ChainAtBlock.IMPLEMENTATION_SLOT)).isEqualTo(op.bridgeV1().address());
        assertThat(opAt(upgraded - 1).uint(owner, "nonce")).isZero();
        assertThat(opAt(upgraded).uint(owner, "nonce")).isOne();
        assertThat(opPlayed.foundationApproved()).isGreaterThan(opPlayed.thresholdRaised()).isLessThan(upgraded);
        assertThat(opPlayed.councilApproved()).isGreaterThan(opPlayed.thresholdRaised()).isLessThan(upgraded);
        assertThat(opAt(upgraded).header().getTransactions()).hasSize(1);
    }

    @Test
    void shouldDeployTheRollupCoreOwnedByTheL1ExecutorWithoutMovingTheL1Timelock() throws Exception {
        ChainAtBlock head = arbAt(arbL1.blockNumber());
        String core = arb.rollupCore().address();
        assertThat(head.bool(core, "validatorWhitelistDisabled")).isTrue();
        assertThat(head.uint(core, "confirmPeriodBlocks")).isEqualTo(45_818);
        assertThat(head.address(core, "owner")).isEqualTo(arb.l1Executor().address());
        String disable = Abi.call("setValidatorWhitelistDisabled", new Bool(false));
        assertThat(head.tryCall(arb.l1Executor().address(), core, disable)).as("the owner may set it").isNull();
        Response.Error stranger = head.tryCall(lower(DevKeys.anvil(7)), core, disable);
        assertThat(stranger).as("anyone else may not").isNotNull();
        assertThat(stranger.getData()).contains(ChainAtBlock.selector("OwnableUnauthorizedAccount(address)").substring(2));
        assertThat(arb.l1Timelock().address()).isEqualTo(ContractUtils.generateContractAddress(arb.deployer().getAddress(),
                BigInteger.ZERO).toLowerCase(Locale.ROOT));
        assertThat(arb.rollupCore().block()).isLessThan(arbPlayed.rotated());
    }

    @Test
    void shouldGiveTheFastTimelockTwoDaysAndOneProposerAndNoPowerUntilTheCouncilGrantsIt() throws Exception {
        String timelock = fastTimelock.address();
        String proposer = lower(RollupVariants.FAST_PROPOSER);
        ChainAtBlock head = arbAt(arbL1.blockNumber());
        assertThat(head.uint(timelock, "getMinDelay")).isEqualTo(TWO_DAYS);
        assertThat(head.hasRole(timelock, "PROPOSER_ROLE", proposer)).isTrue();
        assertThat(head.hasRole(timelock, "CANCELLER_ROLE", proposer)).isTrue();
        assertThat(head.hasRole(timelock, "EXECUTOR_ROLE", Abi.ZERO_ADDRESS)).isTrue();
        assertThat(head.hasRole(timelock, "DEFAULT_ADMIN_ROLE", lower(arb.deployer()))).isFalse();
        assertThat(head.hasRole(timelock, "PROPOSER_ROLE", lower(arb.deployer()))).isFalse();
        String executor = arb.l1Executor().address();
        assertThat(arbAt(granted - 1).hasRole(executor, "EXECUTOR_ROLE", timelock)).isFalse();
        assertThat(arbAt(granted).hasRole(executor, "EXECUTOR_ROLE", timelock)).isTrue();
        assertThat(granted).isGreaterThan(fastTimelock.block()).isGreaterThan(arbPlayed.thresholdRaised());
        assertThat(arbAt(granted).threshold(arb.l1Council().address())).isEqualTo(9);
    }

    /**
     * On a deployment of its own, since it moves the bridge and the clock: the proposer schedules a bridge
     * upgrade through the fast timelock; it cannot run early, nor after 2 days while the timelock is no
     * executor; once the council granted the role it runs, 2 days after it was scheduled.
     */
    @Test
    void shouldLetOneKeyUpgradeTheBridgeInTwoDaysOnceTheCouncilGrantsTheFastTimelock() throws Exception {
        try (AnvilNode l1 = AnvilNode.start(ARB_L1); AnvilNode l2 = AnvilNode.start(ARB_L2)) {
            RollupDao dao = RollupDaoDeployer.deploy(l1, l2);
            Deployed timelock = RollupVariants.deployFastTimelock(l1, dao);
            String bridge = dao.bridge().address();
            String upgrade = Abi.call("execute", Abi.address(dao.bridgeUpgradeAction().address()), Abi.bytes(Abi.call("perform",
                    Abi.address(dao.l1ProxyAdmin().address()), Abi.address(bridge), Abi.address(dao.bridgeV2().address()))));
            Bytes32 none = new Bytes32(new byte[32]);
            Transactor tx = new Transactor(l1);
            long scheduled = tx.sendAndMine(RollupVariants.FAST_PROPOSER, timelock.address(), Abi.call("schedule",
                    Abi.address(dao.l1Executor().address()), Abi.uint(0), Abi.bytes(upgrade), none, none, Abi.uint(TWO_DAYS)),
                    300_000, "schedule the bridge upgrade").getBlockNumber().longValueExact();
            String execute = Abi.call("execute", Abi.address(dao.l1Executor().address()), Abi.uint(0), Abi.bytes(upgrade), none, none);
            String anyone = lower(DevKeys.anvil(6));

            Response.Error early = new ChainAtBlock(l1.web3j(), scheduled).tryCall(anyone, timelock.address(), execute);
            assertThat(early).as("before the delay").isNotNull();
            assertThat(early.getData()).contains(ChainAtBlock.selector("TimelockUnexpectedOperationState(bytes32,bytes32)").substring(2));

            long scheduledAt = new ChainAtBlock(l1.web3j(), scheduled).header().getTimestamp().longValueExact();
            l1.setNextBlockTimestamp(scheduledAt + TWO_DAYS);
            l1.mine(1);
            Response.Error powerless = new ChainAtBlock(l1.web3j(), l1.blockNumber()).tryCall(anyone, timelock.address(), execute);
            assertThat(powerless).as("ready, but the timelock is no executor yet").isNotNull();
            assertThat(powerless.getData()).contains(ChainAtBlock.selector("AccessControlUnauthorizedAccount(address,bytes32)").substring(2));

            long grant = RollupVariants.grantExecutor(l1, dao, timelock, dao.signers());
            long executed = tx.sendAndMine(DevKeys.anvil(6), timelock.address(), execute, 500_000, "execute the bridge upgrade")
                    .getBlockNumber().longValueExact();
            ChainAtBlock before = new ChainAtBlock(l1.web3j(), executed - 1);
            ChainAtBlock after = new ChainAtBlock(l1.web3j(), executed);
            assertThat(before.slot(bridge, ChainAtBlock.IMPLEMENTATION_SLOT)).isNotEqualTo(dao.bridgeV2().address());
            assertThat(after.slot(bridge, ChainAtBlock.IMPLEMENTATION_SLOT)).isEqualTo(dao.bridgeV2().address());
            assertThat(after.uint(bridge, "version")).isEqualTo(2);
            assertThat(after.header().getTimestamp().longValueExact() - scheduledAt).isBetween(TWO_DAYS, 7 * 86_400L - 1);
            assertThat(grant).isGreaterThan(scheduled).isLessThan(executed);
            assertThat(after.hasRole(dao.l1Executor().address(), "EXECUTOR_ROLE", timelock.address())).isTrue();
        }
    }
}
