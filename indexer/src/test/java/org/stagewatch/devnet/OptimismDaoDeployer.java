package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.bytes;
import static org.stagewatch.devnet.DemoDaoDeployer.deployed;

import java.util.List;
import java.util.stream.IntStream;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Deploys {@link OptimismDao} on one devnet (the L1) in four blocks, with the real Safe 1.4.1 and 1.3.0
 * artifacts and OpenZeppelin 5's TransparentUpgradeableProxy. Owns the Optimism Collective's L1 shape as
 * it was before 2024: the Foundation Upgrade Safe 5 of 7, the Security Council 4 of 13 (the scenario
 * raises it to 10), both the only owners of a 2-of-2 Safe that owns the ProxyAdmin of OptimismPortal and
 * of SystemConfig (no delay on any upgrade), and a 1-of-1 Guardian owned by the council. Every signer is
 * a derived key, none funded: the deployer (anvil account 0) sends every transaction and holds nothing.
 */
public final class OptimismDaoDeployer {
    public static final int FOUNDATION_SIGNERS = 7;
    public static final int FOUNDATION_THRESHOLD = 5;
    public static final int COUNCIL_SIGNERS = 13;
    /** The council's threshold until 2024. */
    public static final int COUNCIL_INITIAL_THRESHOLD = 4;
    /** The council's threshold since, set by {@link OptimismScenario}. */
    public static final int COUNCIL_THRESHOLD = 10;
    public static final int OWNER_SAFE_THRESHOLD = 2;
    public static final int GUARDIAN_THRESHOLD = 1;

    private OptimismDaoDeployer() {
    }

    /** Deploys on {@code l1}, with automine off while deploying (so the steps share blocks) and on again after. */
    public static OptimismDao deploy(AnvilNode l1) {
        Credentials deployer = DevKeys.anvil(0);
        List<Credentials> foundationSigners = IntStream.range(0, FOUNDATION_SIGNERS)
                .mapToObj(i -> DevKeys.derived("op-foundation", 0, i)).toList();
        List<Credentials> councilSigners = IntStream.range(0, COUNCIL_SIGNERS).mapToObj(i -> DevKeys.derived("op-council", 0, i)).toList();
        l1.setAutomine(false);
        try {
            Transactor tx = new Transactor(l1);
            tx.deploy(deployer, "SafeL2", 7_000_000);
            tx.deploy(deployer, "SafeProxyFactory", 2_000_000);
            tx.deploy(deployer, "GnosisSafeL2", 7_000_000);
            tx.deploy(deployer, "GnosisSafeProxyFactory", 2_000_000);
            tx.deploy(deployer, "BridgeV1", 300_000);
            tx.deploy(deployer, "BridgeV2", 300_000);
            List<TransactionReceipt> first = tx.mine();
            Deployed safe141 = deployed("SafeL2 1.4.1", first.get(0));
            Deployed factory141 = deployed("SafeProxyFactory 1.4.1", first.get(1));
            Deployed safe130 = deployed("GnosisSafeL2 1.3.0", first.get(2));
            Deployed factory130 = deployed("GnosisSafeProxyFactory 1.3.0", first.get(3));
            Deployed bridgeV1 = deployed("BridgeV1", first.get(4));
            Deployed bridgeV2 = deployed("BridgeV2", first.get(5));

            SafeOps.create(tx, deployer, factory141, safe141, addresses(foundationSigners), FOUNDATION_THRESHOLD, 1,
                    "the Foundation Upgrade Safe");
            SafeOps.create(tx, deployer, factory130, safe130, addresses(councilSigners), COUNCIL_INITIAL_THRESHOLD, 1,
                    "the Security Council");
            List<TransactionReceipt> second = tx.mine();
            Deployed foundation = safe("Foundation Upgrade Safe", second.get(0), factory141);
            Deployed council = safe("Security Council", second.get(1), factory130);

            SafeOps.create(tx, deployer, factory130, safe130, List.of(foundation.address(), council.address()), OWNER_SAFE_THRESHOLD, 1,
                    "the Superchain ProxyAdmin owner");
            SafeOps.create(tx, deployer, factory130, safe130, List.of(council.address()), GUARDIAN_THRESHOLD, 1, "the Guardian");
            List<TransactionReceipt> third = tx.mine();
            Deployed owner = safe("Superchain ProxyAdmin owner", third.get(0), factory130);
            Deployed guardian = safe("Guardian", third.get(1), factory130);

            // OpenZeppelin 5 creates one ProxyAdmin per proxy, owned by the initial owner given here.
            // BridgeV1 stands in for both; its one field names who may act on it besides the admin.
            tx.deploy(deployer, "TransparentUpgradeableProxy", 1_500_000, address(bridgeV1.address()), address(owner.address()),
                    bytes(Abi.call("initialize", address(guardian.address()))));
            tx.deploy(deployer, "TransparentUpgradeableProxy", 1_500_000, address(bridgeV1.address()), address(owner.address()),
                    bytes(Abi.call("initialize", address(foundation.address()))));
            List<TransactionReceipt> proxies = tx.mine();
            Deployed portal = deployed("OptimismPortal", proxies.get(0));
            Deployed systemConfig = deployed("SystemConfig", proxies.get(1));
            Deployed portalAdmin = new Deployed("OptimismPortal ProxyAdmin", DemoDaoDeployer.slotAddress(l1, portal.address(),
                    DemoDaoDeployer.EIP1967_ADMIN_SLOT), portal.block());
            Deployed systemConfigAdmin = new Deployed("SystemConfig ProxyAdmin", DemoDaoDeployer.slotAddress(l1, systemConfig.address(),
                    DemoDaoDeployer.EIP1967_ADMIN_SLOT), systemConfig.block());
            return new OptimismDao(l1.chainId(), foundation, council, owner, guardian, portal, systemConfig, portalAdmin,
                    systemConfigAdmin, bridgeV1, bridgeV2, deployer, foundationSigners, councilSigners, safe141, factory141, safe130,
                    factory130);
        } finally {
            l1.setAutomine(true);
        }
    }

    static Deployed safe(String name, TransactionReceipt created, Deployed factory) {
        return new Deployed(name, SafeOps.proxyAddress(created, factory.address()), created.getBlockNumber().longValueExact());
    }

    private static List<String> addresses(List<Credentials> keys) {
        return keys.stream().map(Credentials::getAddress).toList();
    }
}
