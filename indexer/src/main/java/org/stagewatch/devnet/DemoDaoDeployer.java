package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.addresses;
import static org.stagewatch.devnet.Abi.bytes;
import static org.stagewatch.devnet.Abi.string;
import static org.stagewatch.devnet.Abi.uint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Deploys the demo DAO ({@link DemoDao}) in four blocks with real OpenZeppelin, Safe 1.3.0 and
 * devnet bytecode. Owns the DAO's parameters: devnet-sized governor delays so a proposal's whole life
 * takes tens of blocks, and Arbitrum's shape for who controls what. At the end the deployer holds no
 * role: the timelock administers itself and the UpgradeExecutor owns the ProxyAdmin.
 */
public final class DemoDaoDeployer {
    public static final BigInteger TOKEN = BigInteger.TEN.pow(18);
    public static final BigInteger TOTAL_SUPPLY = TOKEN.multiply(BigInteger.valueOf(10_000_000));
    public static final int VOTING_DELAY_BLOCKS = 2;
    public static final int VOTING_PERIOD_BLOCKS = 20;
    public static final int LATE_QUORUM_EXTENSION_BLOCKS = 5;
    public static final BigInteger PROPOSAL_THRESHOLD = TOKEN.multiply(BigInteger.valueOf(1_000));
    public static final int QUORUM_PERCENT = 4;
    public static final long TIMELOCK_DELAY_SECONDS = 60;
    public static final int COUNCIL_SIZE = 12;
    public static final int COUNCIL_THRESHOLD = 9;

    static final String EIP1967_ADMIN_SLOT = "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103";
    static final String EIP1967_IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
    private static final long SAFE_SALT = 1;

    private DemoDaoDeployer() {
    }

    /** Deploys on {@code node}, with automine off while deploying (so the steps share blocks) and on again after. */
    public static DemoDao deploy(AnvilNode node) {
        node.setAutomine(false);
        try {
            return deploy(node, new Transactor(node));
        } finally {
            node.setAutomine(true);
        }
    }

    private static DemoDao deploy(AnvilNode node, Transactor tx) {
        Credentials deployer = DevKeys.anvil(0);
        Credentials treasury = DevKeys.anvil(1);
        List<Credentials> council = IntStream.range(0, COUNCIL_SIZE).mapToObj(i -> DevKeys.derived("council", 0, i)).toList();

        // Block 1: everything that depends on nothing.
        tx.deploy(deployer, "DemoToken", 4_000_000, string("Demo DAO Token"), string("DEMO"),
                address(treasury.getAddress()), uint(TOTAL_SUPPLY));
        // No proposer yet (the governor needs the timelock's address first); executor 0 = anyone may execute.
        tx.deploy(deployer, "TimelockController", 3_000_000, uint(TIMELOCK_DELAY_SECONDS), addresses(List.of()),
                addresses(List.of(Abi.ZERO_ADDRESS)), address(deployer.getAddress()));
        tx.deploy(deployer, "GnosisSafeL2", 7_000_000);
        tx.deploy(deployer, "GnosisSafeProxyFactory", 2_000_000);
        tx.deploy(deployer, "BridgeV1", 300_000);
        tx.deploy(deployer, "BridgeV2", 300_000);
        tx.deploy(deployer, "BridgeUpgradeAction", 500_000);
        List<TransactionReceipt> first = tx.mine();
        Deployed token = deployed("DEMO token", first.get(0));
        Deployed timelock = deployed("Timelock", first.get(1));
        Deployed singleton = deployed("GnosisSafeL2 1.3.0 singleton", first.get(2));
        Deployed factory = deployed("GnosisSafeProxyFactory 1.3.0", first.get(3));
        Deployed bridgeV1 = deployed("BridgeV1", first.get(4));
        Deployed bridgeV2 = deployed("BridgeV2", first.get(5));
        Deployed action = deployed("Bridge upgrade action", first.get(6));

        // Block 2: the governor and the council Safe (a proxy of the real singleton, set up in its creation).
        deployGovernor(tx, deployer, token, timelock);
        String setup = Abi.call("setup", addresses(council.stream().map(Credentials::getAddress).toList()),
                uint(COUNCIL_THRESHOLD), address(Abi.ZERO_ADDRESS), bytes("0x"), address(Abi.ZERO_ADDRESS),
                address(Abi.ZERO_ADDRESS), uint(0), address(Abi.ZERO_ADDRESS));
        tx.send(deployer, factory.address(), Abi.call("createProxyWithNonce", address(singleton.address()), bytes(setup),
                uint(SAFE_SALT)), 1_500_000, "create the council Safe");
        List<TransactionReceipt> second = tx.mine();
        Deployed governor = deployed("Demo Governor", second.get(0));
        Deployed safe = new Deployed("Security Council", SafeOps.proxyAddress(second.get(1), factory.address()),
                second.get(1).getBlockNumber().longValueExact());

        // Block 3: the executor, and the timelock handed to the governor (then the deployer steps down).
        tx.deploy(deployer, "UpgradeExecutor", 2_000_000, addresses(List.of(timelock.address(), safe.address())));
        tx.send(deployer, timelock.address(), roleCall("grantRole", "PROPOSER_ROLE", governor.address()), 200_000, "grant PROPOSER_ROLE");
        tx.send(deployer, timelock.address(), roleCall("grantRole", "CANCELLER_ROLE", governor.address()), 200_000, "grant CANCELLER_ROLE");
        tx.send(deployer, timelock.address(), Abi.call("renounceRole", new Bytes32(new byte[32]),
                address(deployer.getAddress())), 200_000, "renounce the timelock's admin role");
        Deployed executor = deployed("UpgradeExecutor", tx.mine().get(0));

        // Block 4: the critical proxy; OZ 5 creates its ProxyAdmin, owned by the executor.
        tx.deploy(deployer, "TransparentUpgradeableProxy", 1_500_000, address(bridgeV1.address()),
                address(executor.address()), bytes(Abi.call("initialize", address(safe.address()))));
        Deployed proxy = deployed("Bridge", tx.mine().get(0));
        Deployed proxyAdmin = new Deployed("Bridge ProxyAdmin", slotAddress(node, proxy.address(), EIP1967_ADMIN_SLOT), proxy.block());

        return new DemoDao(node.chainId(), token, timelock, governor, safe, executor, proxyAdmin, proxy, bridgeV1,
                bridgeV2, action, singleton, factory, deployer, treasury, council, COUNCIL_THRESHOLD);
    }

    /** The address stored right-aligned in a storage slot (EIP-1967 admin and implementation slots). */
    public static String slotAddress(AnvilNode node, String contract, String slot) {
        try {
            String word = node.web3j().ethGetStorageAt(contract, Numeric.toBigInt(slot), DefaultBlockParameterName.LATEST)
                    .send().getData();
            return "0x" + Numeric.cleanHexPrefix(word).substring(24);
        } catch (IOException e) {
            throw new UncheckedIOException("eth_getStorageAt " + contract, e);
        }
    }

    /** Queues the demo governor over {@code token}, executing through {@code timelock}, with devnet-sized delays. */
    static void deployGovernor(Transactor tx, Credentials deployer, Deployed token, Deployed timelock) {
        tx.deploy(deployer, "DemoGovernor", 7_000_000, address(token.address()), address(timelock.address()),
                new Uint48(VOTING_DELAY_BLOCKS), new Uint32(VOTING_PERIOD_BLOCKS), uint(PROPOSAL_THRESHOLD),
                uint(QUORUM_PERCENT), new Uint48(LATE_QUORUM_EXTENSION_BLOCKS));
    }

    static String roleCall(String function, String role, String account) {
        return Abi.call(function, new Bytes32(Hash.sha3(role.getBytes(StandardCharsets.UTF_8))),
                address(account));
    }

    static Deployed deployed(String name, TransactionReceipt receipt) {
        return new Deployed(name, receipt.getContractAddress(), receipt.getBlockNumber().longValueExact());
    }
}
