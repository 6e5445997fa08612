package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.bytes;
import static org.stagewatch.devnet.Abi.uint;

import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The Optimism-like DAO's changes over time, each in a block of its own with empty blocks between, all
 * as real Safe transactions: the Security Council raises its own threshold from 4 to 10 (signed by 4 of
 * its owners), then OptimismPortal is upgraded to BridgeV2 by the 2-of-2 ProxyAdmin owner — the
 * Foundation Upgrade Safe (5 signatures) and the council (10 signatures) each approve the 2-of-2's
 * transaction hash on chain, then the 2-of-2 executes it with their pre-validated signatures.
 */
public final class OptimismScenario {
    /** The blocks the changes landed in. */
    public record Played(long thresholdRaised, long foundationApproved, long councilApproved, long portalUpgraded) {
    }

    private OptimismScenario() {
    }

    public static Played play(AnvilNode l1, OptimismDao dao) {
        Transactor tx = new Transactor(l1);
        Credentials submitter = dao.deployer();
        String council = dao.securityCouncil().address();
        String foundation = dao.foundationSafe().address();
        String owner = dao.superchainProxyAdminOwner().address();

        l1.mine(3);
        long raised = block(SafeOps.exec(l1, tx, submitter, council,
                dao.councilSigners().subList(0, OptimismDaoDeployer.COUNCIL_INITIAL_THRESHOLD), council,
                Abi.call("changeThreshold", uint(OptimismDaoDeployer.COUNCIL_THRESHOLD)), "raise the council threshold"));
        l1.mine(2);
        String admin = dao.portalProxyAdmin().address();
        String upgrade = Abi.call("upgradeAndCall", address(dao.optimismPortal().address()), address(dao.bridgeV2().address()),
                bytes("0x"));
        byte[] hash = SafeOps.transactionHash(l1, owner, admin, upgrade);
        long foundationApproved = block(SafeOps.approveHash(l1, tx, submitter, foundation,
                dao.foundationSigners().subList(0, OptimismDaoDeployer.FOUNDATION_THRESHOLD), owner, hash,
                "the Foundation Upgrade Safe approves the portal upgrade"));
        l1.mine(2);
        long councilApproved = block(SafeOps.approveHash(l1, tx, submitter, council,
                dao.councilSigners().subList(0, OptimismDaoDeployer.COUNCIL_THRESHOLD), owner, hash,
                "the Security Council approves the portal upgrade"));
        l1.mine(2);
        long upgraded = block(SafeOps.execApproved(l1, tx, submitter, owner, List.of(foundation, council), admin, upgrade,
                "upgrade OptimismPortal to BridgeV2"));
        l1.mine(3);
        return new Played(raised, foundationApproved, councilApproved, upgraded);
    }

    private static long block(TransactionReceipt receipt) {
        return receipt.getBlockNumber().longValueExact();
    }
}
