package org.stagewatch.devnet;

import java.util.List;
import java.util.Locale;
import org.web3j.crypto.Credentials;

/**
 * An Arbitrum-like DAO deployed on two devnets (see {@link RollupDaoDeployer}): on the L2 the token,
 * governor, 8-day timelock, an UpgradeExecutor driven by the aliased L1 timelock and the L2 council,
 * and a gateway proxy; on the L1 the 3-day timelock whose proposer is the bridge (the sender of L2
 * messages), an UpgradeExecutor driven by that timelock and the L1 council, the bridge proxy, and a
 * proxy administered by that executor that emits nothing when upgraded (only slot reads see it), and
 * the rollup core (challenge period, validator whitelist) owned by that executor.
 * Both councils have the same twelve signers. Keeps the keys that act in it.
 */
public record RollupDao(
        long l1ChainId, long l2ChainId,
        Deployed token, Deployed governor, Deployed l2Timelock, Deployed l2Council, Deployed l2Executor,
        Deployed l2ProxyAdmin, Deployed l2Gateway,
        Deployed l1Timelock, Deployed l1Council, Deployed l1Executor, Deployed l1ProxyAdmin, Deployed bridge,
        Deployed silentProxy, Deployed bridgeV2, Deployed bridgeUpgradeAction, Deployed rollupCore,
        Credentials deployer, Credentials treasury, List<Credentials> signers, List<Credentials> spareSigners) {

    public RollupDao {
        signers = List.copyOf(signers);
        spareSigners = List.copyOf(spareSigners);
    }

    public static String lower(Credentials key) {
        return key.getAddress().toLowerCase(Locale.ROOT);
    }

    /** The twelve signers' addresses, lower case, in setup order. */
    public List<String> signerAddresses() {
        return signers.stream().map(RollupDao::lower).toList();
    }
}
