package org.stagewatch.devnet;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Store;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** The steps of tests that follow a devnet with the demo DAO: blocks of redelegations, and waiting for the follower. */
public final class FollowedChain {
    private FollowedChain() {
    }

    /**
     * {@code blocks} blocks, each redelegating the treasury's votes to a fresh address derived from {@code salt}, and
     * no others: automine is off meanwhile (the node's default turns it back on after). With it on, each transaction
     * also woke anvil's auto-miner, which mined a block of its own beside the Transactor's {@code evm_mine} — now and
     * then only after this returned, so a test that read the head here saw a block fewer than the indexer then did.
     */
    public static void mineDelegations(AnvilNode node, DemoDao dao, int blocks, String salt) {
        node.setAutomine(false);
        try {
            Transactor transactor = new Transactor(node);
            for (int i = 0; i < blocks; i++) {
                String delegate = DevKeys.derived(salt, 1, i).getAddress();
                String data = FunctionEncoder.encode(new Function("delegate", List.of(new Address(delegate)), List.of()));
                transactor.sendAndMine(dao.treasury(), dao.token().address(), data, 200_000, "delegate " + salt + " " + i);
            }
        } finally {
            node.setAutomine(true);
        }
    }

    /** The hash of the node's newest block. */
    public static String headHash(AnvilNode node) throws IOException {
        return node.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getHash();
    }

    /** Waits up to a minute for {@code store}'s checkpoint on {@code chainId} to be the node's newest block. */
    public static void awaitCheckpointAtHead(AnvilNode node, Store store, long chainId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Checkpoint checkpoint = store.checkpoint(chainId).orElse(null);
            if (checkpoint != null && checkpoint.blockHash().equals(headHash(node))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the follower did not reach the head " + headHash(node));
    }
}
