package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.addresses;
import static org.stagewatch.devnet.Abi.bytes;
import static org.stagewatch.devnet.Abi.uint;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Three moves on the path of the Optimism-like DAO ({@link OptimismDao}), each a real Safe transaction in a
 * block of its own: the governor's admin goes from the Foundation Upgrade Safe to the DAO's timelock, then
 * the 2-of-2 ProxyAdmin owner (both Safes approving) hands SystemConfig's ProxyAdmin to a plain key — an
 * upgrader that bypasses the DAO and the council — then the MintManager's owner hands it to the timelock.
 *
 * <p>The governor is an {@code AdminTransparentProxy} whose EIP-1967 admin is the Foundation Safe itself, as the
 * OP Governor's proxy is administered by a Foundation multisig; the move is the Safe calling the proxy's
 * {@code changeAdmin}, which emits AdminChanged. BridgeV1 stands in for its implementation, as it does for the
 * portal's. The token is an OP-like GovernanceToken owned by a MintManager, owned as on OP Mainnet by a 1-of-1
 * Safe (GnosisSafeL2 1.3.0) whose one owner is a 6-of-9 Safe (SafeL2 1.4.1): the 6-of-9 approves the 1-of-1's
 * transaction hash, then the 1-of-1 executes it. The timelock is an OpenZeppelin TimelockController with a 7-day delay.
 */
public final class OptimismPathScenario {
    public static final long TIMELOCK_DELAY_SECONDS = 7 * 86_400;
    public static final int MINT_SIGNERS = 9;
    public static final int MINT_THRESHOLD = 6;

    /**
     * The contracts deployed beside the DAO.
     *
     * @param mintManagerOwner      the 1-of-1 Safe that owns the MintManager
     * @param mintManagerOwnerOwner the 6-of-9 Safe that owns the 1-of-1, with {@code mintSigners} its owners
     */
    public record Governance(Deployed timelock, Deployed governor, Deployed token, Deployed mintManager, Deployed mintManagerOwner,
                             Deployed mintManagerOwnerOwner, List<Credentials> mintSigners) {
        public Governance {
            mintSigners = List.copyOf(mintSigners);
        }
    }

    /** The blocks the moves landed in, their transactions, and the key that became SystemConfig's upgrader. */
    public record Played(long governorAdminMoved, String governorAdminTx, long bypassAdded, String bypassTx, String bypass,
                         long mintingMoved, String mintingTx) {
    }

    private OptimismPathScenario() {
    }

    /** Deploys the timelock, the governor's proxy, the 6-of-9 Safe and the token, then the 1-of-1 Safe, then the MintManager, in four blocks. */
    public static Governance deploy(AnvilNode l1, OptimismDao dao) {
        Credentials deployer = dao.deployer();
        List<Credentials> mintSigners = IntStream.range(0, MINT_SIGNERS).mapToObj(i -> DevKeys.derived("op-mint", 0, i)).toList();
        l1.setAutomine(false);
        try {
            Transactor tx = new Transactor(l1);
            tx.deploy(deployer, "TimelockController", 3_000_000, uint(TIMELOCK_DELAY_SECONDS), addresses(List.of()),
                    addresses(List.of(Abi.ZERO_ADDRESS)), address(deployer.getAddress()));
            tx.deploy(deployer, "AdminTransparentProxy", 1_500_000, address(dao.bridgeV1().address()),
                    address(dao.foundationSafe().address()), bytes(Abi.call("initialize", address(dao.foundationSafe().address()))));
            tx.deploy(deployer, "GovernanceToken", 3_000_000, address(deployer.getAddress()));
            SafeOps.create(tx, deployer, dao.factory141(), dao.safe141(), mintSigners.stream().map(Credentials::getAddress).toList(),
                    MINT_THRESHOLD, 2, "the MintManager owner's owner");
            List<TransactionReceipt> first = tx.mine();
            Deployed timelock = DemoDaoDeployer.deployed("DAO Timelock", first.get(0));
            Deployed governor = DemoDaoDeployer.deployed("OP Governor", first.get(1));
            Deployed token = DemoDaoDeployer.deployed("OP token", first.get(2));
            Deployed signerSafe = OptimismDaoDeployer.safe("MintManagerOwner's owner Safe", first.get(3), dao.factory141());

            SafeOps.create(tx, deployer, dao.factory130(), dao.safe130(), List.of(signerSafe.address()), 1, 2, "the MintManager owner");
            Deployed mintManagerOwner = OptimismDaoDeployer.safe("MintManagerOwner", tx.mine().get(0), dao.factory130());

            tx.deploy(deployer, "MintManager", 1_500_000, address(mintManagerOwner.address()), address(token.address()));
            Deployed mintManager = DemoDaoDeployer.deployed("MintManager", tx.mine().get(0));

            tx.send(deployer, token.address(), Abi.call("transferOwnership", address(mintManager.address())), 100_000,
                    "the token to its MintManager");
            tx.mine();
            return new Governance(timelock, governor, token, mintManager, mintManagerOwner, signerSafe, mintSigners);
        } finally {
            l1.setAutomine(true);
        }
    }

    /** Plays the three moves; run after {@link OptimismScenario#play}, which raises the council to its 10-of-13 threshold. */
    public static Played play(AnvilNode l1, OptimismDao dao, Governance governance) {
        Transactor tx = new Transactor(l1);
        l1.mine(2);
        TransactionReceipt moved = SafeOps.exec(l1, tx, dao.deployer(), dao.foundationSafe().address(),
                dao.foundationSigners().subList(0, OptimismDaoDeployer.FOUNDATION_THRESHOLD), governance.governor().address(),
                Abi.call("changeAdmin", address(governance.timelock().address())), "the governor's admin to the timelock");
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
        String mintOwner = governance.mintManagerOwner().address();
        String handOver = Abi.call("transferOwnership", address(governance.timelock().address()));
        byte[] mintHash = SafeOps.transactionHash(l1, mintOwner, governance.mintManager().address(), handOver);
        SafeOps.approveHash(l1, tx, dao.deployer(), governance.mintManagerOwnerOwner().address(),
                governance.mintSigners().subList(0, MINT_THRESHOLD), mintOwner, mintHash, "the 6-of-9 approves the MintManager's hand-over");
        l1.mine(2);
        TransactionReceipt minting = SafeOps.execApproved(l1, tx, dao.deployer(), mintOwner,
                List.of(governance.mintManagerOwnerOwner().address()), governance.mintManager().address(), handOver,
                "the MintManager to the timelock");
        l1.mine(3);
        return new Played(moved.getBlockNumber().longValueExact(), moved.getTransactionHash(), bypassed.getBlockNumber().longValueExact(),
                bypassed.getTransactionHash(), bypass, minting.getBlockNumber().longValueExact(), minting.getTransactionHash());
    }

    /** {@code owner()} of a contract at the latest block, lower case: what the test compares the index with. */
    public static String ownerOf(AnvilNode node, String contract) {
        Function owner = new Function("owner", List.of(), List.of(new TypeReference<Address>() { }));
        return ((Address) new ContractReader(node.web3j()).read(contract, owner).get(0)).getValue().toLowerCase(Locale.ROOT);
    }
}
