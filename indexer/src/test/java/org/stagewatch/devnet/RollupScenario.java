package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.bytes;
import static org.stagewatch.devnet.Abi.uint;

import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The L1 council's changes over time, each in a block of its own with empty blocks between, all as
 * real owner-signed Safe transactions: a signer rotated to a new key, a module enabled then disabled,
 * the bridge and the silent proxy upgraded through the L1 UpgradeExecutor, and the threshold raised
 * from 7 to 9.
 */
public final class RollupScenario {
    /** The blocks the changes landed in, and who moved. */
    public record Played(long rotated, long moduleEnabled, long moduleDisabled, long bridgeUpgraded, long silentUpgraded,
                         long thresholdRaised, String rotatedOut, String rotatedIn, String module) {
    }

    private RollupScenario() {
    }

    public static Played play(AnvilNode l1, RollupDao dao) {
        Transactor tx = new Transactor(l1);
        Credentials submitter = dao.deployer();
        String council = dao.l1Council().address();
        List<Credentials> owners = new ArrayList<>(dao.signers());
        Credentials out = owners.get(3);
        Credentials in = dao.spareSigners().get(0);
        String module = RollupDao.lower(dao.spareSigners().get(1));

        l1.mine(3);
        long rotated = block(SafeOps.exec(l1, tx, submitter, council, quorum(owners), council, Abi.call("swapOwner",
                address(SafeOps.previousOwner(l1, council, out.getAddress())), address(out.getAddress()), address(in.getAddress())),
                "rotate a council signer"));
        owners.set(3, in);
        l1.mine(2);
        long enabled = block(SafeOps.exec(l1, tx, submitter, council, quorum(owners), council,
                Abi.call("enableModule", address(module)), "enable a module"));
        l1.mine(2);
        long disabled = block(SafeOps.exec(l1, tx, submitter, council, quorum(owners), council,
                Abi.call("disableModule", address(SafeOps.SENTINEL), address(module)), "disable the module"));
        l1.mine(2);
        String perform = Abi.call("perform", address(dao.l1ProxyAdmin().address()), address(dao.bridge().address()),
                address(dao.bridgeV2().address()));
        long upgraded = block(SafeOps.exec(l1, tx, submitter, council, quorum(owners), dao.l1Executor().address(),
                Abi.call("execute", address(dao.bridgeUpgradeAction().address()), bytes(perform)), "upgrade the bridge"));
        l1.mine(2);
        long silent = block(SafeOps.exec(l1, tx, submitter, council, quorum(owners), dao.l1Executor().address(),
                Abi.call("executeCall", address(dao.silentProxy().address()),
                        bytes(Abi.call("upgradeTo", address(dao.bridgeV2().address())))), "upgrade the silent proxy"));
        l1.mine(2);
        long raised = block(SafeOps.exec(l1, tx, submitter, council, quorum(owners), council,
                Abi.call("changeThreshold", uint(RollupDaoDeployer.SIGNERS * 3 / 4)), "raise the council threshold"));
        l1.mine(3);
        return new Played(rotated, enabled, disabled, upgraded, silent, raised, RollupDao.lower(out), RollupDao.lower(in), module);
    }

    /** The first seven current signers: enough for 7 of 12. */
    private static List<Credentials> quorum(List<Credentials> owners) {
        return owners.subList(0, RollupDaoDeployer.L1_INITIAL_THRESHOLD);
    }

    private static long block(TransactionReceipt receipt) {
        return receipt.getBlockNumber().longValueExact();
    }
}
