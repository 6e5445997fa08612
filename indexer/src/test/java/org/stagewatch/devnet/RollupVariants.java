package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.addresses;
import static org.stagewatch.devnet.Abi.bytes;
import static org.stagewatch.devnet.Abi.uint;
import static org.stagewatch.devnet.DemoDaoDeployer.deployed;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Changes to a deployed {@link RollupDao} that make it fail a stage requirement, applied on the L1 after
 * {@link RollupDaoDeployer} (and, if wanted, {@link RollupScenario}). Owns the fast route: a timelock with
 * a 2-day delay whose only proposer and canceller is one key ({@link #FAST_PROPOSER}) and whose executor is
 * anyone. Once the L1 council makes it an executor of the L1 UpgradeExecutor, that key can upgrade the
 * bridge in 2 days (fast timelock → UpgradeExecutor → ProxyAdmin → bridge), without the council and less
 * than the 7 days L2BEAT's {@code usersHave7DaysToExit} asks.
 */
public final class RollupVariants {
    public static final long FAST_TIMELOCK_DELAY = 2 * 86_400;
    /** The fast timelock's proposer and canceller; funded with {@link #FAST_PROPOSER_FUNDS} so it can send. */
    public static final Credentials FAST_PROPOSER = DevKeys.derived("rollup-fast-proposer", 0, 0);
    public static final BigInteger FAST_PROPOSER_FUNDS = BigInteger.TEN.pow(19);

    private RollupVariants() {
    }

    /**
     * Deploys the fast timelock on the L1 (one block), funds {@link #FAST_PROPOSER}, and has the deployer
     * renounce the timelock's admin role (a second block). The timelock holds no power yet.
     */
    public static Deployed deployFastTimelock(AnvilNode l1, RollupDao dao) {
        Credentials deployer = dao.deployer();
        l1.setAutomine(false);
        try {
            Transactor tx = new Transactor(l1);
            // The constructor gives each proposer PROPOSER_ROLE and CANCELLER_ROLE; executor 0 = anyone may execute.
            tx.deploy(deployer, "TimelockController", 3_000_000, uint(FAST_TIMELOCK_DELAY),
                    addresses(List.of(FAST_PROPOSER.getAddress())), addresses(List.of(Abi.ZERO_ADDRESS)), address(deployer.getAddress()));
            Deployed fastTimelock = deployed("Fast Timelock", tx.mine().get(0));
            tx.send(deployer, fastTimelock.address(), Abi.call("renounceRole", new Bytes32(new byte[32]),
                    address(deployer.getAddress())), 200_000, "renounce the admin role of " + fastTimelock.name());
            tx.mine();
            l1.setBalance(FAST_PROPOSER.getAddress(), FAST_PROPOSER_FUNDS);
            return fastTimelock;
        } finally {
            l1.setAutomine(true);
        }
    }

    /**
     * The L1 council grants EXECUTOR_ROLE of the L1 UpgradeExecutor to {@code fastTimelock}: an owner-signed
     * Safe transaction calling {@code executeCall(l1Executor, grantRole(EXECUTOR_ROLE, fastTimelock))} (the
     * executor administers its own roles). Signs with the first {@code threshold} of {@code councilSigners}
     * that are current owners, so the original signers may be passed after a rotation. Returns the block.
     */
    public static long grantExecutor(AnvilNode l1, RollupDao dao, Deployed fastTimelock, List<Credentials> councilSigners) {
        String council = dao.l1Council().address();
        ContractReader reader = new ContractReader(l1.web3j());
        Set<String> owners = Set.copyOf(reader.addresses(council, "getOwners"));
        int threshold = reader.uint(council, "getThreshold").intValueExact();
        List<Credentials> signing = councilSigners.stream().filter(key -> owners.contains(RollupDao.lower(key))).limit(threshold).toList();
        if (signing.size() < threshold) {
            throw new DevnetException("only " + signing.size() + " of the given keys own the L1 council " + council
                    + ", which needs " + threshold + ": pass its current signers ("
                    + owners.stream().sorted().collect(Collectors.joining(", ")) + ")");
        }
        String executor = dao.l1Executor().address();
        String grant = DemoDaoDeployer.roleCall("grantRole", "EXECUTOR_ROLE", fastTimelock.address());
        TransactionReceipt receipt = SafeOps.exec(l1, new Transactor(l1), dao.deployer(), council, signing, executor,
                Abi.call("executeCall", address(executor), bytes(grant)), "grant EXECUTOR_ROLE to " + fastTimelock.name());
        return receipt.getBlockNumber().longValueExact();
    }
}
