package org.stagewatch.devnet;

import java.util.List;
import org.web3j.crypto.Credentials;

/**
 * An Optimism-like DAO's L1 upgrade control on one devnet (see {@link OptimismDaoDeployer}): the
 * Foundation Upgrade Safe (Safe 1.4.1) and the Security Council (GnosisSafeL2 1.3.0) are the two owners
 * of a 2-of-2 Safe (1.3.0) that owns the ProxyAdmin of each critical proxy, upgradable with no delay;
 * a 1-of-1 Guardian Safe owned by the council. Keeps the keys that sign for the two owner Safes.
 *
 * @param superchainProxyAdminOwner the 2-of-2 Safe that owns both ProxyAdmins
 * @param portalProxyAdmin          the ProxyAdmin OpenZeppelin 5 created for {@code optimismPortal}
 *                                  (read from its EIP-1967 admin slot)
 * @param systemConfigProxyAdmin    the same for {@code systemConfig}
 * @param foundationSigners         the Foundation Upgrade Safe's owners, in {@code setup} order
 * @param councilSigners            the Security Council's owners, in {@code setup} order
 * @param safe141                   the SafeL2 1.4.1 singleton and {@code factory141} its proxy factory
 * @param safe130                   the GnosisSafeL2 1.3.0 singleton and {@code factory130} its proxy factory
 */
public record OptimismDao(
        long chainId,
        Deployed foundationSafe, Deployed securityCouncil, Deployed superchainProxyAdminOwner, Deployed guardian,
        Deployed optimismPortal, Deployed systemConfig, Deployed portalProxyAdmin, Deployed systemConfigProxyAdmin,
        Deployed bridgeV1, Deployed bridgeV2,
        Credentials deployer, List<Credentials> foundationSigners, List<Credentials> councilSigners,
        Deployed safe141, Deployed factory141, Deployed safe130, Deployed factory130) {

    public OptimismDao {
        foundationSigners = List.copyOf(foundationSigners);
        councilSigners = List.copyOf(councilSigners);
    }

    /** The Foundation Upgrade Safe's owners' addresses, lower case, in setup order. */
    public List<String> foundationSignerAddresses() {
        return foundationSigners.stream().map(RollupDao::lower).toList();
    }

    /** The Security Council's owners' addresses, lower case, in setup order. */
    public List<String> councilSignerAddresses() {
        return councilSigners.stream().map(RollupDao::lower).toList();
    }

    /** Every deployed contract except the Safe singletons and factories, in deployment order. */
    public List<Deployed> contracts() {
        return List.of(bridgeV1, bridgeV2, foundationSafe, securityCouncil, superchainProxyAdminOwner, guardian,
                optimismPortal, portalProxyAdmin, systemConfig, systemConfigProxyAdmin);
    }
}
