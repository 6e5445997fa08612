package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.addresses;
import static org.stagewatch.devnet.Abi.bytes;
import static org.stagewatch.devnet.Abi.string;
import static org.stagewatch.devnet.Abi.uint;
import static org.stagewatch.devnet.DemoDaoDeployer.deployed;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Deploys {@link RollupDao} on two devnets with real OpenZeppelin 5 and Safe code: the L2 first
 * (council on Safe 1.4.1), then the L1 (council on GnosisSafeL2 1.3.0), whose clock is first moved
 * past the L2's so that a point in time on the L1 sees the whole L2 deployment. Owns the topology's
 * parameters: Arbitrum's delays (8 days on L2, 3 days on L1), twelve council signers, the L2 council
 * 9 of 12, the L1 council starting at 7 of 12 (the scenario raises it), executors that hold no role
 * at the end, the rollup's own settings (challenge period in L1 blocks, open validator set), and the
 * deployer holding nothing. The rollup core is created last, so every earlier address and nonce is as
 * it was before it existed.
 */
public final class RollupDaoDeployer {
    public static final long L2_TIMELOCK_DELAY = 8 * 86_400;
    public static final long L1_TIMELOCK_DELAY = 3 * 86_400;
    public static final int SIGNERS = 12;
    public static final int L2_THRESHOLD = 9;
    public static final int L1_INITIAL_THRESHOLD = 7;
    /** Token holders besides the treasury; with it, the delegates of the L2 vote (anvil accounts 1–4). */
    public static final int HOLDERS = 3;
    /** Arbitrum One's challenge period: 45818 L1 blocks (≈ 6.4 days of 12 s blocks). */
    public static final long CONFIRM_PERIOD_BLOCKS = 45_818;
    /** As on Arbitrum One: anyone may validate. */
    public static final boolean VALIDATOR_WHITELIST_DISABLED = true;

    private RollupDaoDeployer() {
    }

    public static RollupDao deploy(AnvilNode l1, AnvilNode l2) {
        Credentials deployer = DevKeys.anvil(0);
        Credentials treasury = DevKeys.anvil(1);
        List<Credentials> signers = IntStream.range(0, SIGNERS).mapToObj(i -> DevKeys.derived("rollup-council", 0, i)).toList();
        List<Credentials> spares = IntStream.range(0, 3).mapToObj(i -> DevKeys.derived("rollup-spare", 0, i)).toList();
        List<String> owners = signers.stream().map(Credentials::getAddress).toList();
        l1.setAutomine(false);
        l2.setAutomine(false);
        try {
            Transactor tx2 = new Transactor(l2);
            tx2.deploy(deployer, "DemoToken", 4_000_000, string("Rollup DAO Token"), string("RDAO"), address(treasury.getAddress()),
                    uint(DemoDaoDeployer.TOTAL_SUPPLY));
            tx2.deploy(deployer, "TimelockController", 3_000_000, uint(L2_TIMELOCK_DELAY), addresses(List.of()),
                    addresses(List.of(Abi.ZERO_ADDRESS)), address(deployer.getAddress()));
            tx2.deploy(deployer, "SafeL2", 7_000_000);
            tx2.deploy(deployer, "SafeProxyFactory", 2_000_000);
            tx2.deploy(deployer, "BridgeV1", 300_000);
            List<TransactionReceipt> first = tx2.mine();
            Deployed token = deployed("Rollup DAO token", first.get(0));
            Deployed l2Timelock = deployed("L2 Timelock", first.get(1));
            Deployed singleton = deployed("SafeL2 1.4.1", first.get(2));
            Deployed factory = deployed("SafeProxyFactory 1.4.1", first.get(3));
            Deployed gatewayV1 = deployed("GatewayV1", first.get(4));

            DemoDaoDeployer.deployGovernor(tx2, deployer, token, l2Timelock);
            SafeOps.create(tx2, deployer, factory, singleton, owners, L2_THRESHOLD, 1, "the L2 council");
            distribute(tx2, treasury, token);
            List<TransactionReceipt> second = tx2.mine();
            Deployed governor = deployed("Governor", second.get(0));
            Deployed l2Council = new Deployed("L2 Security Council", SafeOps.proxyAddress(second.get(1), factory.address()),
                    second.get(1).getBlockNumber().longValueExact());

            // Block 3 of the L1 will hold its timelock: the L2 executor's executor is that timelock's alias.
            Transactor tx1 = new Transactor(l1);
            String l1TimelockAddress = futureAddress(l1, deployer, 0);
            tx2.deploy(deployer, "UpgradeExecutor", 2_000_000, addresses(List.of(aliasOf(l1TimelockAddress), l2Council.address())));
            handOver(tx2, deployer, l2Timelock, governor.address());
            Deployed l2Executor = deployed("L2 UpgradeExecutor", tx2.mine().get(0));
            tx2.deploy(deployer, "TransparentUpgradeableProxy", 1_500_000, address(gatewayV1.address()),
                    address(l2Executor.address()), bytes(Abi.call("initialize", address(l2Council.address()))));
            Deployed gateway = deployed("L2 Gateway", tx2.mine().get(0));
            Deployed l2ProxyAdmin = new Deployed("L2 ProxyAdmin", DemoDaoDeployer.slotAddress(l2, gateway.address(),
                    DemoDaoDeployer.EIP1967_ADMIN_SLOT), gateway.block());

            l1.setNextBlockTimestamp(Math.max(l1.latestTimestamp(), l2.latestTimestamp()) + 12);
            tx1.deploy(deployer, "TimelockController", 3_000_000, uint(L1_TIMELOCK_DELAY), addresses(List.of()),
                    addresses(List.of(Abi.ZERO_ADDRESS)), address(deployer.getAddress()));
            tx1.deploy(deployer, "GnosisSafeL2", 7_000_000);
            tx1.deploy(deployer, "GnosisSafeProxyFactory", 2_000_000);
            tx1.deploy(deployer, "BridgeV1", 300_000);
            tx1.deploy(deployer, "BridgeV2", 300_000);
            tx1.deploy(deployer, "BridgeUpgradeAction", 500_000);
            List<TransactionReceipt> l1First = tx1.mine();
            Deployed l1Timelock = deployed("L1 Timelock", l1First.get(0));
            if (!l1Timelock.address().equals(l1TimelockAddress)) {
                throw new DevnetException("the L1 timelock landed at " + l1Timelock.address() + ", not " + l1TimelockAddress);
            }
            Deployed l1Singleton = deployed("GnosisSafeL2 1.3.0", l1First.get(1));
            Deployed l1Factory = deployed("GnosisSafeProxyFactory 1.3.0", l1First.get(2));
            Deployed bridgeV1 = deployed("BridgeV1", l1First.get(3));
            Deployed bridgeV2 = deployed("BridgeV2", l1First.get(4));
            Deployed action = deployed("Bridge upgrade action", l1First.get(5));

            SafeOps.create(tx1, deployer, l1Factory, l1Singleton, owners, L1_INITIAL_THRESHOLD, 1, "the L1 council");
            TransactionReceipt created = tx1.mine().get(0);
            Deployed l1Council = new Deployed("L1 Security Council", SafeOps.proxyAddress(created, l1Factory.address()),
                    created.getBlockNumber().longValueExact());
            tx1.deploy(deployer, "UpgradeExecutor", 2_000_000, addresses(List.of(l1Timelock.address(), l1Council.address())));
            Deployed l1Executor = deployed("L1 UpgradeExecutor", tx1.mine().get(0));
            tx1.deploy(deployer, "TransparentUpgradeableProxy", 1_500_000, address(bridgeV1.address()),
                    address(l1Executor.address()), bytes(Abi.call("initialize", address(l1Council.address()))));
            tx1.deploy(deployer, "SilentProxy", 500_000, address(bridgeV1.address()), address(l1Executor.address()));
            List<TransactionReceipt> proxies = tx1.mine();
            Deployed bridge = deployed("Bridge", proxies.get(0));
            Deployed silentProxy = deployed("Sequencer Inbox (silent proxy)", proxies.get(1));
            Deployed l1ProxyAdmin = new Deployed("L1 ProxyAdmin", DemoDaoDeployer.slotAddress(l1, bridge.address(),
                    DemoDaoDeployer.EIP1967_ADMIN_SLOT), bridge.block());
            // L2 messages arrive as the bridge: it is the L1 timelock's proposer.
            handOver(tx1, deployer, l1Timelock, bridge.address());
            tx1.deploy(deployer, "RollupCore", 1_000_000, address(l1Executor.address()), new Bool(VALIDATOR_WHITELIST_DISABLED),
                    new Uint64(CONFIRM_PERIOD_BLOCKS));
            List<TransactionReceipt> last = tx1.mine();
            Deployed rollupCore = deployed("Rollup core", last.get(last.size() - 1));
            return new RollupDao(l1.chainId(), l2.chainId(), token, governor, l2Timelock, l2Council, l2Executor, l2ProxyAdmin,
                    gateway, l1Timelock, l1Council, l1Executor, l1ProxyAdmin, bridge, silentProxy, bridgeV2, action, rollupCore,
                    deployer, treasury, signers, spares);
        } finally {
            l1.setAutomine(true);
            l2.setAutomine(true);
        }
    }

    /** The treasury keeps a quarter and hands 30%, 25% and 20% to three holders; each delegates to itself. */
    private static void distribute(Transactor tx, Credentials treasury, Deployed token) {
        List<Integer> percents = List.of(30, 25, 20);
        for (int i = 0; i < HOLDERS; i++) {
            Credentials holder = DevKeys.anvil(2 + i);
            BigInteger amount = DemoDaoDeployer.TOTAL_SUPPLY.multiply(BigInteger.valueOf(percents.get(i))).divide(BigInteger.valueOf(100));
            tx.send(treasury, token.address(), Abi.call("transfer", address(holder.getAddress()), uint(amount)), 200_000, "fund holder " + i);
            tx.send(holder, token.address(), Abi.call("delegate", address(holder.getAddress())), 200_000, "holder " + i + " delegates");
        }
        tx.send(treasury, token.address(), Abi.call("delegate", address(treasury.getAddress())), 200_000, "treasury delegates");
    }

    /** Makes {@code proposer} the timelock's proposer and canceller; the deployer gives up the admin role. */
    private static void handOver(Transactor tx, Credentials deployer, Deployed timelock, String proposer) {
        tx.send(deployer, timelock.address(), DemoDaoDeployer.roleCall("grantRole", "PROPOSER_ROLE", proposer), 200_000,
                "grant PROPOSER_ROLE on " + timelock.name());
        tx.send(deployer, timelock.address(), DemoDaoDeployer.roleCall("grantRole", "CANCELLER_ROLE", proposer), 200_000,
                "grant CANCELLER_ROLE on " + timelock.name());
        tx.send(deployer, timelock.address(), Abi.call("renounceRole", new Bytes32(new byte[32]), address(deployer.getAddress())),
                200_000, "renounce the admin role of " + timelock.name());
    }

    /** The address of the {@code offset}-th contract {@code deployer} creates from now on (CREATE: sender and nonce). */
    private static String futureAddress(AnvilNode node, Credentials deployer, int offset) {
        BigInteger nonce = new ContractReader(node.web3j()).nonce(deployer.getAddress());
        return ContractUtils.generateContractAddress(deployer.getAddress(), nonce.add(BigInteger.valueOf(offset)))
                .toLowerCase(Locale.ROOT);
    }

    /** The rollup's aliasing, done here as the chain would, not borrowed from the analysis that the tests check. */
    private static String aliasOf(String l1Address) {
        BigInteger offset = new BigInteger("1111000000000000000000000000000000001111", 16);
        BigInteger aliased = new BigInteger(l1Address.substring(2), 16).add(offset).mod(BigInteger.ONE.shiftLeft(160));
        return "0x" + "%40s".formatted(aliased.toString(16)).replace(' ', '0');
    }
}
