package org.stagewatch.sync;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * the sync had reached. The calls go out with the other readers' ({@link DueCalls}).
 */
final class QuorumReader {
    static final String CLOCK_MODE = "CLOCK_MODE";
    static final String BLOCK_NUMBER_MODE = "mode=blocknumber&from=default";

    private final Store store;
    private final long chainId;

    QuorumReader(Store store, long chainId) {
        this.store = store;
        this.chainId = chainId;
    }

    /**
     * Adds a {@code CLOCK_MODE()} call for every governor whose mode is not stored yet (once in a database's life), and
     * the mode to {@code out} once answered: the due quorums are found by the clock, so these go out first.
     */
    void clockModes(ChainPlan plan, BlockHeader top, DueCalls calls, List<StateRead> out) {
        for (ChainPlan.Watched governor : governors(plan, top)) {
            if (storedMode(governor).isEmpty()) {
                DueCalls.Pending mode = calls.add(RpcClient.Query.call(governor.address(), FunctionEncoder.encode(CLOCK_MODE_CALL), null));
                calls.then(() -> out.add(new StateRead(chainId, governor.address(), CLOCK_MODE, "", mode(mode.answer()),
                        governor.startBlock())));
            }
        }
    }

    /**
     * Adds a {@code quorum(snapshot)} call for every proposal whose snapshot has passed and has no quorum stored, and
     * the quorums to {@code out} once answered; a governor that does not answer one fails the read.
     */
    void due(ChainPlan plan, BlockHeader top, DueCalls calls, List<StateRead> out) {
        for (ChainPlan.Watched governor : governors(plan, top)) {
            long clock = clockAt(storedMode(governor).orElse(BLOCK_NUMBER_MODE), top);
            List<Long> due = store.jdbi().withExtension(GovernanceDao.class,
                    dao -> dao.snapshotsWithoutQuorum(chainId, governor.address(), clock));
            for (long snapshot : due) {
                String data = FunctionEncoder.encode(new Function("quorum", List.of(new Uint256(BigInteger.valueOf(snapshot))), List.of()));
                DueCalls.Pending quorum = calls.add(RpcClient.Query.call(governor.address(), data, null));
                calls.then(() -> {
                    if (quorum.answer().failed()) {
                        throw new RpcException(quorum.answer().error());
                    }
                    out.add(new StateRead(chainId, governor.address(), "quorum", Long.toString(snapshot),
                            new BigInteger(strip(quorum.answer().result()), 16).toString(), top.number()));
                });
            }
        }
    }

    private static List<ChainPlan.Watched> governors(ChainPlan plan, BlockHeader top) {
        List<ChainPlan.Watched> governors = new ArrayList<>();
        for (String address : plan.addresses()) {
            for (ChainPlan.Watched watched : plan.watched(address)) {
                if (watched.kind() == ContractKind.GOVERNOR && top.number() >= watched.startBlock()) {
                    governors.add(watched);
                }
            }
        }
        return governors;
    }

    private Optional<String> storedMode(ChainPlan.Watched governor) {
        return store.jdbi().withExtension(StateReadDao.class, dao ->
                dao.latest(chainId, governor.address(), CLOCK_MODE, "", Long.MAX_VALUE)).map(StateRead::value);
    }

    /** The governor's clock at a block: timestamp, Arbitrum's L1 block number, or the block number. */
    static long clockAt(String mode, BlockHeader block) {
        if (mode.contains("timestamp")) {
            return block.timestamp();
        }
        return block.l1BlockNumber() != null ? block.l1BlockNumber() : block.number();
    }

    private static final Function CLOCK_MODE_CALL = new Function("CLOCK_MODE", List.of(), List.of(new TypeReference<Utf8String>() { }));

    /** The mode a CLOCK_MODE() call answered; a governor without one (before ERC-6372) counts in blocks. */
    private static String mode(RpcClient.Answer answer) {
        if (answer.failed()) {
            return BLOCK_NUMBER_MODE;
        }
        var decoded = FunctionReturnDecoder.decode(answer.result(), CLOCK_MODE_CALL.getOutputParameters());
        return decoded.isEmpty() ? BLOCK_NUMBER_MODE : decoded.get(0).getValue().toString();
    }

    private static String strip(String hex) {
        String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
        return digits.isEmpty() ? "0" : digits;
    }
}
