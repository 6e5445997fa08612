package org.stagewatch.sync;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.stagewatch.chain.RpcClient;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.MetricsDao;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Stores the state reads voting-power metrics need and events do not carry, the way
 * {@link QuorumReader} stores quorums: a governor's {@code quorumDenominator()} (once; "unsupported"
 * when it has none), and, for votes tokens indexed without Transfer events, {@code getPastTotalSupply(t)}
 * at every proposal snapshot and at the clock of the last block of each run (the head the store then
 * answers for; in live following every range is a run's last). Past timepoints never change,
 * so the calls go to the latest block (no archive node needed); a timepoint not yet in the past is
 * skipped and read on a later range. A backfill's intermediate ranges read no supply of their own: a
 * reading describes one timepoint only, so one per range would cost an eth_call per range and answer
 * for blocks nobody asked about. The calls go out with the other readers' ({@link DueCalls}).
 */
final class SupplyReader {
    static final String DENOMINATOR = "quorumDenominator";
    static final String SUPPLY = "getPastTotalSupply";

    private final Store store;
    private final long chainId;

    SupplyReader(Store store, long chainId) {
        this.store = store;
        this.chainId = chainId;
    }

    /**
     * Adds the calls due at {@code top} to {@code calls}, and their readings to {@code out} once answered. The
     * governors' clock modes are read before (see {@link QuorumReader#clockModes}).
     *
     * @param runsLast whether {@code top} is the last block this run indexes (its supply is then read too)
     */
    void due(ChainPlan plan, BlockHeader top, boolean runsLast, DueCalls calls, List<StateRead> out) {
        String mode = "mode=blocknumber";
        for (String address : plan.addresses()) {
            for (ChainPlan.Watched watched : plan.watched(address)) {
                if (watched.kind() == ContractKind.GOVERNOR && top.number() >= watched.startBlock()) {
                    mode = stored(address, QuorumReader.CLOCK_MODE, "").orElse(mode);
                    if (stored(address, DENOMINATOR, "").isEmpty()) {
                        DueCalls.Pending denominator = call(calls, address, DENOMINATOR, null);
                        calls.then(() -> out.add(new StateRead(chainId, address, DENOMINATOR, "",
                                value(denominator).map(BigInteger::toString).orElse("unsupported"), top.number())));
                    }
                }
            }
        }
        long clock = QuorumReader.clockAt(mode, top);
        for (String address : plan.addresses()) {
            for (ChainPlan.Watched watched : plan.watched(address)) {
                if (watched.kind() == ContractKind.VOTES_TOKEN && !watched.transfers() && top.number() >= watched.startBlock()) {
                    List<Long> due = new ArrayList<>(store.jdbi().withExtension(MetricsDao.class,
                            dao -> dao.snapshotsWithoutSupply(chainId, address, clock)));
                    if (runsLast) {
                        due.add(clock);
                    }
                    for (long timepoint : due) {
                        DueCalls.Pending supply = call(calls, address, SUPPLY, timepoint);
                        calls.then(() -> value(supply).ifPresent(value -> out.add(new StateRead(chainId, address, SUPPLY,
                                Long.toString(timepoint), value.toString(), top.number()))));
                    }
                }
            }
        }
    }

    /**
     * The calls of the supply readings at the clock of {@code top} that {@link #due} asks when {@code top} is a run's
     * last block — none while a governor's clock mode is not stored yet (the clock depends on it).
     */
    List<RpcClient.Query> lastBlockQueries(ChainPlan plan, BlockHeader top) {
        String mode = "mode=blocknumber";
        for (String address : plan.addresses()) {
            for (ChainPlan.Watched watched : plan.watched(address)) {
                if (watched.kind() == ContractKind.GOVERNOR && top.number() >= watched.startBlock()) {
                    Optional<String> stored = stored(address, QuorumReader.CLOCK_MODE, "");
                    if (stored.isEmpty()) {
                        return List.of();
                    }
                    mode = stored.get();
                }
            }
        }
        long clock = QuorumReader.clockAt(mode, top);
        List<RpcClient.Query> queries = new ArrayList<>();
        for (String address : plan.addresses()) {
            for (ChainPlan.Watched watched : plan.watched(address)) {
                if (watched.kind() == ContractKind.VOTES_TOKEN && !watched.transfers() && top.number() >= watched.startBlock()) {
                    queries.add(query(address, SUPPLY, clock));
                }
            }
        }
        return queries;
    }

    private Optional<String> stored(String address, String name, String args) {
        return store.jdbi().withExtension(StateReadDao.class, dao -> dao.latest(chainId, address, name, args, Long.MAX_VALUE))
                .map(StateRead::value);
    }

    /** A uint256 view call at the latest block. */
    private static DueCalls.Pending call(DueCalls calls, String address, String function, Long argument) {
        return calls.add(query(address, function, argument));
    }

    private static RpcClient.Query query(String address, String function, Long argument) {
        Function call = new Function(function, argument == null ? List.of() : List.of(new Uint256(argument)), List.of());
        return RpcClient.Query.call(address, FunctionEncoder.encode(call), null);
    }

    /** What a {@link #call} answered; empty when the contract reverted (no such function, future timepoint) or has no code. */
    private static Optional<BigInteger> value(DueCalls.Pending call) {
        if (call.answer().failed()) {
            return Optional.empty();
        }
        String result = call.answer().result();
        String digits = result.startsWith("0x") ? result.substring(2) : result;
        return digits.isEmpty() ? Optional.empty() : Optional.of(new BigInteger(digits, 16));
    }
}
