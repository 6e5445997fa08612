package org.stagewatch.sync;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.stagewatch.chain.RpcClient;
import org.stagewatch.chain.RpcException;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.GovernanceDao;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Stores the state reads a governor's proposals need and events do not carry: the clock mode
 * ({@code CLOCK_MODE()}, once) and {@code quorum(snapshot)} for every proposal whose snapshot has
 * passed. Reading through the governor itself gets each DAO's own quorum rule right (Arbitrum
 * excludes an address; Optimism uses votable supply). Quorum at a past timepoint never changes, so
 * it is read at the latest block — which works on non-archive nodes — and stored with the block
 * the sync had reached.
 */
final class QuorumReader {
    static final String CLOCK_MODE = "CLOCK_MODE";
    static final String BLOCK_NUMBER_MODE = "mode=blocknumber&from=default";

    private final Store store;
    private final RpcClient client;
    private final long chainId;

    QuorumReader(Store store, RpcClient client, long chainId) {
        this.store = store;
        this.client = client;
        this.chainId = chainId;
    }

    void readDue(ChainPlan plan, BlockHeader top) {
        for (String address : plan.addresses()) {
            for (ChainPlan.Watched watched : plan.watched(address)) {
                if (watched.kind() == ContractKind.GOVERNOR && top.number() >= watched.startBlock()) {
                    read(watched, top);
                }
            }
        }
    }

    private void read(ChainPlan.Watched governor, BlockHeader top) {
        List<StateRead> reads = new ArrayList<>();
        String mode = store.jdbi().withExtension(StateReadDao.class, dao ->
                dao.latest(chainId, governor.address(), CLOCK_MODE, "", Long.MAX_VALUE)).map(StateRead::value).orElse(null);
        if (mode == null) {
            mode = clockMode(governor.address());
            reads.add(new StateRead(chainId, governor.address(), CLOCK_MODE, "", mode, governor.startBlock()));
        }
        long clock = clockAt(mode, top);
        List<Long> due = store.jdbi().withExtension(GovernanceDao.class,
                dao -> dao.snapshotsWithoutQuorum(chainId, governor.address(), clock));
        for (long snapshot : due) {
            String data = FunctionEncoder.encode(new Function("quorum",
                    List.of(new Uint256(BigInteger.valueOf(snapshot))), List.of()));
            String result = client.ethCall(governor.address(), data, null);
            reads.add(new StateRead(chainId, governor.address(), "quorum", Long.toString(snapshot),
                    new BigInteger(strip(result), 16).toString(), top.number()));
        }
        if (!reads.isEmpty()) {
            store.jdbi().useExtension(StateReadDao.class, dao -> dao.insert(reads));
        }
    }

    /** The governor's clock at a block: timestamp, Arbitrum's L1 block number, or the block number. */
    static long clockAt(String mode, BlockHeader block) {
        if (mode.contains("timestamp")) {
            return block.timestamp();
        }
        return block.l1BlockNumber() != null ? block.l1BlockNumber() : block.number();
    }

    private String clockMode(String governor) {
        Function function = new Function("CLOCK_MODE", List.of(), List.of(new TypeReference<Utf8String>() { }));
        try {
            String result = client.ethCall(governor, FunctionEncoder.encode(function), null);
            var decoded = FunctionReturnDecoder.decode(result, function.getOutputParameters());
            return decoded.isEmpty() ? BLOCK_NUMBER_MODE : decoded.get(0).getValue().toString();
        } catch (RpcException e) {
            return BLOCK_NUMBER_MODE; // governors before ERC-6372 have no CLOCK_MODE and count in blocks
        }
    }

    private static String strip(String hex) {
        String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
        return digits.isEmpty() ? "0" : digits;
    }
}
