package org.stagewatch.devnet;

import java.util.List;
import java.util.Locale;
import org.web3j.crypto.Credentials;

/**
 * The demo DAO as deployed on one devnet, laid out like Arbitrum's: token → governor → timelock →
 * UpgradeExecutor → ProxyAdmin → bridge proxy, and a 9-of-12 security council Safe that may also
 * drive the UpgradeExecutor. Keeps the keys that act in it (deployer, treasury, council owners) so
 * scenarios and tests can sign as them.
 *
 * @param councilOwners the council Safe's owners, in the order passed to {@code setup}
 */
public record DemoDao(
        long chainId,
        Deployed token,
        Deployed timelock,
        Deployed governor,
        Deployed councilSafe,
        Deployed upgradeExecutor,
        Deployed proxyAdmin,
        Deployed bridgeProxy,
        Deployed bridgeV1,
        Deployed bridgeV2,
        Deployed bridgeUpgradeAction,
        Deployed safeSingleton,
        Deployed safeProxyFactory,
        Credentials deployer,
        Credentials treasury,
        List<Credentials> councilOwners,
        int councilThreshold) {

    public DemoDao {
        councilOwners = List.copyOf(councilOwners);
    }

    /** Every deployed contract, in deployment order. */
    public List<Deployed> contracts() {
        return List.of(token, timelock, safeSingleton, safeProxyFactory, bridgeV1, bridgeV2, bridgeUpgradeAction,
                governor, councilSafe, upgradeExecutor, bridgeProxy, proxyAdmin);
    }

    /** The council owners' addresses, lower case, in {@code setup} order. */
    public List<String> councilOwnerAddresses() {
        return councilOwners.stream().map(c -> c.getAddress().toLowerCase(Locale.ROOT)).toList();
    }

    public String treasuryAddress() {
        return treasury.getAddress().toLowerCase(Locale.ROOT);
    }
}
