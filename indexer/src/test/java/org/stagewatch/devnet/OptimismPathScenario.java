package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.addresses;
import static org.stagewatch.devnet.Abi.bytes;
import static org.stagewatch.devnet.Abi.uint;

import java.util.List;
import java.util.Locale;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Two moves on the path of the Optimism-like DAO ({@link OptimismDao}), each a real Safe transaction in a
 * block of its own: the governor's admin goes from the Foundation Upgrade Safe to the DAO's timelock, then
 * the 2-of-2 ProxyAdmin owner (both Safes approving) hands SystemConfig's ProxyAdmin to a plain key — an
 * upgrader that bypasses the DAO and the council. The governor is a TransparentUpgradeableProxy whose
 * ProxyAdmin (OpenZeppelin 5 creates one per proxy) the Foundation Safe owns at first, as Agora's OP
 * Governor proxy is administered by a Foundation multisig; BridgeV1 stands in for its implementation, as it
 * does for the portal's. The timelock is an OpenZeppelin TimelockController with a 7-day delay.
 */
public final class OptimismPathScenario {
    public static final long TIMELOCK_DELAY_SECONDS = 7 * 86_400;

    /** The contracts deployed beside the DAO. */
    public record Governance(Deployed timelock, Deployed governor, Deployed governorProxyAdmin) {
    }

    /** The blocks the moves landed in, their transactions, and the key that became SystemConfig's upgrader. */
    public record Played(long governorAdminMoved, String governorAdminTx, long bypassAdded, String bypassTx, String bypass) {
    }

    private OptimismPathScenario() {
    }

    public static Governance deploy(AnvilNode l1, OptimismDao dao) {
        l1.setAutomine(false);
        try {
            Transactor tx = new Transactor(l1);
            tx.deploy(dao.deployer(), "TimelockController", 3_000_000, uint(TIMELOCK_DELAY_SECONDS), addresses(List.of()),
                    addresses(List.of(Abi.ZERO_ADDRESS)), address(dao.deployer().getAddress()));
            tx.deploy(dao.deployer(), "TransparentUpgradeableProxy", 1_500_000, address(dao.bridgeV1().address()),
                    address(dao.foundationSafe().address()), bytes(Abi.call("initialize", address(dao.foundationSafe().address()))));
            List<TransactionReceipt> receipts = tx.mine();
            Deployed timelock = DemoDaoDeployer.deployed("DAO Timelock", receipts.get(0));
            Deployed governor = DemoDaoDeployer.deployed("OP Governor (proxy)", receipts.get(1));
            Deployed admin = new Deployed("OP Governor ProxyAdmin", DemoDaoDeployer.slotAddress(l1, governor.address(),
                    DemoDaoDeployer.EIP1967_ADMIN_SLOT), governor.block());
            return new Governance(timelock, governor, admin);
        } finally {
            l1.setAutomine(true);
        }
    }

    /** Plays both moves; run after {@link OptimismScenario#play}, which raises the council to its 10-of-13 threshold. */
    public static Played play(AnvilNode l1, OptimismDao dao, Governance governance) {
        Transactor tx = new Transactor(l1);
        l1.mine(2);
        TransactionReceipt moved = SafeOps.exec(l1, tx, dao.deployer(), dao.foundationSafe().address(),
                dao.foundationSigners().subList(0, OptimismDaoDeployer.FOUNDATION_THRESHOLD), governance.governorProxyAdmin().address(),
                Abi.call("transferOwnership", address(governance.timelock().address())), "the governor's admin to the timelock");
        l1.mine(3);
        String bypass = DevKeys.derived("op-bypass", 0, 0).getAddress().toLowerCase(Locale.ROOT);
        String owner = dao.superchainProxyAdminOwner().address();
        String target = dao.systemConfigProxyAdmin().address();
        String data = Abi.call("transferOwnership", address(bypass));
        byte[] hash = SafeOps.transactionHash(l1, owner, target, data);
        SafeOps.approveHash(l1, tx, dao.deployer(), dao.foundationSafe().address(),
                dao.foundationSigners().subList(0, OptimismDaoDeployer.FOUNDATION_THRESHOLD), owner, hash, "the Foundation approves the bypass");
        SafeOps.approveHash(l1, tx, dao.deployer(), dao.securityCouncil().address(),
                dao.councilSigners().subList(0, OptimismDaoDeployer.COUNCIL_THRESHOLD), owner, hash, "the council approves the bypass");
        l1.mine(2);
        TransactionReceipt bypassed = SafeOps.execApproved(l1, tx, dao.deployer(), owner,
                List.of(dao.foundationSafe().address(), dao.securityCouncil().address()), target, data,
                "SystemConfig's ProxyAdmin to a plain key");
        l1.mine(3);
        return new Played(moved.getBlockNumber().longValueExact(), moved.getTransactionHash(), bypassed.getBlockNumber().longValueExact(),
                bypassed.getTransactionHash(), bypass);
    }

    /** {@code owner()} of a contract at the latest block, lower case: what the test compares the index with. */
    public static String ownerOf(AnvilNode node, String contract) {
        Function owner = new Function("owner", List.of(), List.of(new TypeReference<Address>() { }));
        return ((Address) new ContractReader(node.web3j()).read(contract, owner).get(0)).getValue().toLowerCase(Locale.ROOT);
    }
}
