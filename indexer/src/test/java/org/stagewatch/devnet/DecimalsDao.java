package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.addresses;
import static org.stagewatch.devnet.Abi.string;
import static org.stagewatch.devnet.Abi.uint;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;

/**
 * A small DAO whose votes token has {@value #DECIMALS} decimals ({@code DecimalsToken}, OpenZeppelin ERC20Votes with
 * {@code decimals()} overridden) under the demo governor: eight holders of amounts that fill every decimal place,
 * delegations, a transfer that moves power, two proposals — one voted on every side and left to end, one canceled
 * while pending — and a redelegation after the votes. Deployed and played in a few dozen blocks.
 *
 * @param holders       the eight holders' lower-case addresses (anvil dev accounts 2–9)
 * @param voted         the id of the proposal voted on
 * @param canceled      the id of the proposal canceled while pending
 * @param snapshotBlock the voted proposal's snapshot (block clock)
 */
public record DecimalsDao(long chainId, Deployed token, Deployed timelock, Deployed governor, List<String> holders,
                          BigInteger voted, BigInteger canceled, long snapshotBlock) {
    public static final int DECIMALS = 6;
    public static final BigInteger UNIT = BigInteger.TEN.pow(DECIMALS);
    public static final BigInteger TOTAL_SUPPLY = UNIT.multiply(BigInteger.valueOf(10_000_000));
    /** What the treasury sends holder i: whole tokens and every one of the six places used. */
    static final long[] AMOUNTS = {250_000_123_456L, 180_000_654_321L, 95_432_100_001L, 60_000_000_007L, 12_345_678_901L,
        3_210_500_000L, 999_999L, 1_000_000_000_001L};
    private static final long GAS = 1_000_000;

    public static DecimalsDao deployAndPlay(AnvilNode node) {
        node.setAutomine(false);
        try {
            return play(node, new Transactor(node));
        } finally {
            node.setAutomine(true);
        }
    }

    private static DecimalsDao play(AnvilNode node, Transactor tx) {
        Credentials deployer = DevKeys.anvil(0);
        Credentials treasury = DevKeys.anvil(1);
        List<Credentials> keys = IntStream.rangeClosed(2, 9).mapToObj(DevKeys::anvil).toList();
        List<String> holders = keys.stream().map(TokenActivity::addressOf).toList();

        tx.deploy(deployer, "DecimalsToken", 4_000_000, string("Six Decimals Token"), string("SIX"),
                address(treasury.getAddress()), uint(TOTAL_SUPPLY), new Uint8(DECIMALS));
        tx.deploy(deployer, "TimelockController", 3_000_000, uint(60), addresses(List.of()),
                addresses(List.of(Abi.ZERO_ADDRESS)), address(deployer.getAddress()));
        var first = tx.mine();
        Deployed token = DemoDaoDeployer.deployed("SIX token", first.get(0));
        Deployed timelock = DemoDaoDeployer.deployed("Timelock", first.get(1));
        tx.deploy(deployer, "DemoGovernor", 7_000_000, address(token.address()), address(timelock.address()),
                new Uint48(2), new Uint32(20), uint(UNIT.multiply(BigInteger.valueOf(1_000))), uint(4), new Uint48(5));
        Deployed governor = DemoDaoDeployer.deployed("Six Governor", tx.mine().get(0));

        for (int i = 0; i < keys.size(); i++) {
            tx.send(treasury, token.address(), Abi.call("transfer", address(holders.get(i)), uint(AMOUNTS[i])), 200_000, "fund holder " + i);
        }
        tx.mine();
        for (int i = 0; i < 6; i++) {
            tx.send(keys.get(i), token.address(), Abi.call("delegate", address(holders.get(i))), 200_000, "self-delegate " + i);
        }
        tx.send(keys.get(6), token.address(), Abi.call("delegate", address(holders.get(0))), 200_000, "delegate 6 to 0");
        tx.send(keys.get(7), token.address(), Abi.call("delegate", address(holders.get(1))), 200_000, "delegate 7 to 1");
        tx.mine();
        tx.send(keys.get(2), token.address(), Abi.call("transfer", address(holders.get(4)), uint(1_234_567_891L)), 200_000, "move power");
        tx.mine();

        String votedCall = Abi.call("setVotingPeriod", new Uint32(30));
        String canceledCall = Abi.call("setVotingDelay", new Uint48(3));
        String votedText = "# Lengthen the voting period\n\nDevnet proposal of the six-decimals DAO.";
        String canceledText = "# Lengthen the voting delay\n\nDevnet proposal of the six-decimals DAO, canceled.";
        tx.send(keys.get(0), governor.address(), propose(governor.address(), votedCall, votedText), GAS, "propose");
        tx.send(keys.get(1), governor.address(), propose(governor.address(), canceledCall, canceledText), GAS, "propose");
        long created = tx.mine().get(0).getBlockNumber().longValueExact();
        ContractReader reader = new ContractReader(node.web3j());
        BigInteger voted = reader.uint(governor.address(), "hashProposal", byHash(governor.address(), votedCall, votedText));
        BigInteger canceled = reader.uint(governor.address(), "hashProposal", byHash(governor.address(), canceledCall, canceledText));
        tx.send(keys.get(1), governor.address(), Abi.call("cancel", byHash(governor.address(), canceledCall, canceledText)), GAS, "cancel");
        tx.mine();
        long snapshot = created + 2;
        while (node.blockNumber() <= snapshot) {
            node.mine(1);
        }
        int[] sides = {1, 0, 2, 1, 1, 0}; // holders 0–5: for, against, abstain, for, for, against
        for (int i = 0; i < sides.length; i++) {
            tx.send(keys.get(i), governor.address(), Abi.call("castVote", uint(voted), new Uint8(sides[i])), 400_000, "vote " + i);
        }
        tx.mine();
        tx.send(keys.get(6), token.address(), Abi.call("delegate", address(holders.get(3))), 200_000, "redelegate 6 to 3");
        tx.mine();
        node.mine(25); // past the deadline: the voted proposal's outcome is final
        return new DecimalsDao(node.chainId(), token, timelock, governor, holders, voted, canceled, snapshot);
    }

    private static String propose(String target, String call, String description) {
        return Abi.call("propose", Abi.addresses(List.of(target)), Abi.uints(List.of(BigInteger.ZERO)),
                Abi.bytesArray(List.of(call)), Abi.string(description));
    }

    private static Type<?>[] byHash(String target, String call, String description) {
        return new Type<?>[] {Abi.addresses(List.of(target)), Abi.uints(List.of(BigInteger.ZERO)), Abi.bytesArray(List.of(call)),
            new Bytes32(Hash.sha3(description.getBytes(StandardCharsets.UTF_8)))};
    }
}
