package org.stagewatch.analyze;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import org.stagewatch.store.ContractRow;
import org.stagewatch.store.MetricsDao;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * The quorum the DAO's governors require at a block, for {@code nakamoto.quorum}. Preferred: the
 * governor's own {@code quorum(t)} as the sync read and stored it (exact for any quorum rule; known at
 * proposal snapshots). Otherwise GovernorVotesQuorumFraction's rule from indexed facts:
 * ⌊supply(t) · quorumNumerator(t) / quorumDenominator⌋, with the numerator from QuorumNumeratorUpdated
 * events and the denominator read once by the sync. With several governors, the largest quorum counts
 * (the hardest bar to clear). Null when no governor's quorum is known.
 */
final class QuorumLookup {
    static final String READ = "quorum(t) stored from the governor";
    static final String FRACTION = "totalSupply(t) × quorumNumerator / quorumDenominator";

    /** A quorum, the governor it belongs to and how it was obtained. */
    public record Quorum(String governor, BigInteger value, String source) {
    }

    private final Store store;
    private final List<ContractRow> governors;
    private final SupplyLookup supply;

    QuorumLookup(Store store, DaoScope dao, long chainId, SupplyLookup supply) {
        this.store = store;
        this.governors = dao.governors().stream().filter(governor -> governor.chainId() == chainId).toList();
        this.supply = supply;
    }

    /** The largest governor quorum at the block; null when unknown (also when the block's clock is known only as a range it changes within). */
    Quorum at(long block, BlockTime time) {
        Quorum largest = null;
        for (ContractRow governor : governors) {
            BlockTime.ClockRange clock = GovernorClock.of(store, governor.chainId(), governor.address()).at(time);
            Quorum quorum = of(governor, block, clock.low());
            if (!clock.exact() && quorum != null && !quorum.equals(of(governor, block, clock.high()))) {
                quorum = null;
            }
            if (quorum != null && (largest == null || quorum.value().compareTo(largest.value()) > 0)) {
                largest = quorum;
            }
        }
        return largest;
    }

    private Quorum of(ContractRow governor, long block, long clock) {
        long chainId = governor.chainId();
        Optional<StateRead> read = stateRead(governor, "quorum", Long.toString(clock));
        if (read.isPresent()) {
            return new Quorum(governor.address(), new BigInteger(read.get().value()), READ);
        }
        Optional<String> numerator = store.jdbi().withExtension(MetricsDao.class,
                dao -> dao.quorumNumeratorAt(chainId, governor.address(), block));
        Optional<BigInteger> denominator = stateRead(governor, "quorumDenominator", "")
                .map(StateRead::value).filter(value -> value.matches("[0-9]+")).map(BigInteger::new)
                .filter(value -> value.signum() > 0);
        SupplyLookup.Supply total = supply.at(block, clock);
        if (numerator.isEmpty() || denominator.isEmpty() || total == null) {
            return null;
        }
        BigInteger value = total.value().multiply(new BigInteger(numerator.get())).divide(denominator.get());
        return new Quorum(governor.address(), value, FRACTION);
    }

    private Optional<StateRead> stateRead(ContractRow governor, String name, String args) {
        return store.jdbi().withExtension(StateReadDao.class,
                dao -> dao.latest(governor.chainId(), governor.address(), name, args, Long.MAX_VALUE));
    }
}
