package org.stagewatch.devnet;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * Fills a devnet with real ERC20Votes delegation events for the backfill benchmark: deploys
 * DelegationLoad and calls {@code load} until the requested number of indexed events
 * (DelegateChanged + DelegateVotesChanged, two per synthetic account) exists.
 */
public final class DelegationLoadGenerator {
    /** Accounts per transaction: about 100k gas each, well under the raised block gas limit. */
    public static final int ACCOUNTS_PER_TX = 400;
    /** Transactions sent before mining them together. */
    private static final int TXS_PER_ROUND = 10;

    private DelegationLoadGenerator() {
    }

    /** Where the load sits on the chain. */
    public record Load(Deployed token, long firstBlock, long lastBlock, long events) {
    }

    /**
     * @param events   indexed events wanted (rounded up to whole transactions)
     * @param progress told the number of events generated so far after each round
     */
    public static Load generate(AnvilNode node, long events, int delegates, LongConsumer progress) {
        return generate(node, events, delegates, ACCOUNTS_PER_TX, TXS_PER_ROUND, progress);
    }

    /**
     * A load of a chosen density: {@code accountsPerTx} accounts (two events each) per transaction, {@code txsPerBlock}
     * transactions mined together in each block.
     */
    public static Load generate(AnvilNode node, long events, int delegates, int accountsPerTx, int txsPerBlock, LongConsumer progress) {
        // automine off, as the Transactor expects: with it on, every queued transaction also woke anvil's
        // auto-miner, which went on mining one empty block per wake-up for half an hour after the load was
        // in — each block hashing the state of a million accounts at 100 % of a core
        node.setAutomine(false);
        try {
            return generate(node, new Transactor(node), events, delegates, accountsPerTx, txsPerBlock, progress);
        } finally {
            node.setAutomine(true);
        }
    }

    /** Blocks mined per {@code anvil_mine} by {@link #generateSparse}. */
    private static final int SPREAD_ROUND = 2_000;
    /** Gas a {@code load} transaction is given: 100k plus 120k an account, well above what it uses. */
    private static long loadGas(long accounts) {
        return 100_000 + 120_000 * accounts;
    }

    /**
     * A sparse load made fast: {@code accountsPerTx} accounts (two events each) in one transaction a block, every block
     * holding one. The transactions of a round are queued together and one {@code anvil_mine} spreads them one to a
     * block — thousands of blocks per round trip instead of three round trips a block. What keeps them apart is the
     * block gas limit, lowered to one transaction's gas for the load (anvil leaves a transaction for the next block
     * when the gas already used plus its gas limit exceeds the block's; its {@code --max-transactions} is not applied
     * by {@code anvil_mine}) and raised back afterwards. The node must run with a base fee of 0
     * ({@code --block-base-fee-per-gas 0}, which anvil keeps constant): blocks this full would otherwise raise the base
     * fee by an eighth of its excess over half-full every block, until the transactions are priced out.
     */
    public static Load generateSparse(AnvilNode node, long events, int delegates, int accountsPerTx, LongConsumer progress) {
        node.setAutomine(false);
        try {
            Transactor transactor = new Transactor(node);
            Credentials sender = DevKeys.anvil(0);
            transactor.deploy(sender, "DelegationLoad", 3_000_000);
            var receipt = transactor.mine().get(0);
            Deployed token = new Deployed("Delegation Load", receipt.getContractAddress(), receipt.getBlockNumber().longValueExact());
            long accounts = (events + 1) / 2;
            long done = 0;
            var latest = (Map<?, ?>) node.call("eth_getBlockByNumber", "latest", false);
            if (!"0x0".equals(latest.get("baseFeePerGas"))) {
                throw new DevnetException("a sparse load needs a node started with --block-base-fee-per-gas 0");
            }
            Object gasLimit = latest.get("gasLimit");
            node.call("evm_setBlockGasLimit", Numeric.toHexStringWithPrefix(BigInteger.valueOf(loadGas(accountsPerTx))));
            try {
                while (done < accounts) {
                    int txs = 0;
                    for (; txs < SPREAD_ROUND && done < accounts; txs++) {
                        long count = Math.min(accountsPerTx, accounts - done);
                        transactor.send(sender, token.address(), loadCall(done, count, delegates), loadGas(count), "load " + done);
                        done += count;
                    }
                    transactor.mineSpread(txs);
                    progress.accept(done * 2);
                }
            } finally {
                node.call("evm_setBlockGasLimit", gasLimit);
            }
            return new Load(token, token.block(), node.blockNumber(), done * 2);
        } finally {
            node.setAutomine(true);
        }
    }

    private static String loadCall(long firstAccount, long count, int delegates) {
        return FunctionEncoder.encode(new Function("load", List.of(new Uint256(BigInteger.valueOf(firstAccount)),
                new Uint256(BigInteger.valueOf(count)), new Uint256(BigInteger.valueOf(delegates))), List.of()));
    }

    private static Load generate(AnvilNode node, Transactor transactor, long events, int delegates, int accountsPerTx, int txsPerBlock,
                                 LongConsumer progress) {
        Credentials sender = DevKeys.anvil(0);
        transactor.deploy(sender, "DelegationLoad", 3_000_000);
        var receipt = transactor.mine().get(0);
        Deployed token = new Deployed("Delegation Load", receipt.getContractAddress(), receipt.getBlockNumber().longValueExact());
        long accounts = (events + 1) / 2;
        long done = 0;
        while (done < accounts) {
            for (int tx = 0; tx < txsPerBlock && done < accounts; tx++) {
                long count = Math.min(accountsPerTx, accounts - done);
                transactor.send(sender, token.address(), loadCall(done, count, delegates), 100_000 + 120_000 * count, "load " + done);
                done += count;
            }
            transactor.mine();
            progress.accept(done * 2);
        }
        return new Load(token, token.block(), node.blockNumber(), done * 2);
    }
}
