package org.stagewatch.analyze;

import java.util.Optional;

import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.MetricsDao;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * A governor's clock (ERC-6372) in both directions. Forward: the clock at a block is the block's
 * timestamp for {@code mode=timestamp}, the L1 block number on Arbitrum (whose headers carry one), else
 * the block number. Backward: the state at timepoint t — what getPastVotes(·, t) sees — is the state
 * at the last indexed block whose clock is ≤ t. Stored headers cover every block with an indexed
 * event, so no power changes between that block and t.
 */
record GovernorClock(Store store, long chainId, String mode) {

    static GovernorClock of(Store store, long chainId, String governor) {
        String mode = store.jdbi().withExtension(StateReadDao.class,
                        dao -> dao.latest(chainId, governor, "CLOCK_MODE", "", Long.MAX_VALUE))
                .map(StateRead::value).orElse("mode=blocknumber&from=default");
        return new GovernorClock(store, chainId, mode);
    }

    /** The clock of the DAO's first governor on the chain (OZ governors use their token's clock); block numbers without one. */
    static GovernorClock forDao(Store store, DaoScope dao, long chainId) {
        return dao.governors().stream().filter(governor -> governor.chainId() == chainId).findFirst()
                .map(governor -> of(store, chainId, governor.address()))
                .orElseGet(() -> new GovernorClock(store, chainId, "mode=blocknumber&from=default"));
    }

    boolean timestamps() {
        return mode.contains("timestamp");
    }

    /** The clock at a block: exact when the block's header is stored (or the clock counts blocks), else a range. */
    BlockTime.ClockRange at(BlockTime time) {
        return time.clock(mode);
    }

    /** The block whose state a query at timepoint t sees, or empty when t lies before every indexed block. */
    Optional<Long> blockAt(long timepoint, boolean l1Numbers) {
        if (timestamps()) {
            return store.withSync(sync -> sync.blockAtOrBeforeTime(chainId, timepoint)).map(BlockHeader::number);
        }
        if (l1Numbers) {
            return store.jdbi().withExtension(MetricsDao.class, dao -> dao.blockAtOrBeforeL1(chainId, timepoint))
                    .map(BlockHeader::number);
        }
        return Optional.of(timepoint);
    }
}
