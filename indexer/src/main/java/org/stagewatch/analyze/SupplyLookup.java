package org.stagewatch.analyze;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

import org.stagewatch.store.ContractRow;
import org.stagewatch.store.MetricsDao;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * The votes token's total supply at a block, when the store knows it: with {@code transfers: true}
 * it is Σ minted − Σ burned (Transfer from / to 0x0) up to the block — exact when the token's start
 * block is at or before its first mint, as for a token indexed from its deployment; otherwise the sync's
 * stored {@code getPastTotalSupply(t)} reading for exactly that timepoint. Unknown otherwise (null).
 */
final class SupplyLookup {
    static final String TRANSFERS = "transfers";
    static final String STATE_READ = "getPastTotalSupply";

    /** A total supply and where it came from. */
    public record Supply(BigInteger value, String source) {
    }

    private final Store store;
    private final ContractRow token;
    private final TreeMap<Long, BigInteger> afterBlock = new TreeMap<>();

    SupplyLookup(Store store, ContractRow token, long upToBlock) {
        this.store = store;
        this.token = token;
        if (token.transfers()) {
            BigInteger supply = BigInteger.ZERO;
            for (MetricsDao.SupplyChange change : store.jdbi().withExtension(MetricsDao.class,
                    dao -> dao.mintsAndBurns(token.chainId(), token.address(), upToBlock))) {
                BigInteger value = new BigInteger(change.value());
                if (change.fromAddress().equals(MetricsDao.ZERO_ADDRESS)) {
                    supply = supply.add(value);
                }
                if (change.toAddress().equals(MetricsDao.ZERO_ADDRESS)) {
                    supply = supply.subtract(value);
                }
                afterBlock.put(change.blockNumber(), supply);
            }
        }
    }

    /** @param clock the token's clock at {@code block} (the timepoint a getPastTotalSupply reading is keyed by) */
    Supply at(long block, long clock) {
        if (token.transfers()) {
            Map.Entry<Long, BigInteger> entry = afterBlock.floorEntry(block);
            return new Supply(entry == null ? BigInteger.ZERO : entry.getValue(), TRANSFERS);
        }
        return store.jdbi().withExtension(StateReadDao.class, dao -> dao.latest(token.chainId(), token.address(),
                        STATE_READ, Long.toString(clock), Long.MAX_VALUE))
                .map(StateRead::value).map(value -> new Supply(new BigInteger(value), STATE_READ)).orElse(null);
    }
}
