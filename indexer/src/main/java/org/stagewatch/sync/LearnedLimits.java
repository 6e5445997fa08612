package org.stagewatch.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.stagewatch.chain.RangeLimits;
import org.stagewatch.store.RpcLimitsDao;
import org.stagewatch.store.Store;

/** Moves what each endpoint taught ({@link RangeLimits.Learned}) between a backfill and the store's {@code rpc_limits}. */
final class LearnedLimits {
    private LearnedLimits() {
    }

    static Map<String, RangeLimits.Learned> load(Store store, long chainId) {
        Map<String, RangeLimits.Learned> learned = new LinkedHashMap<>();
        for (RpcLimitsDao.Row row : store.jdbi().withExtension(RpcLimitsDao.class, dao -> dao.limits(chainId))) {
            learned.put(row.endpoint(), new RangeLimits.Learned(row.rangeBlocks(), row.blockCap(), row.resultCap(),
                    row.largestCount(), row.batchSize()));
        }
        return learned;
    }

    static void save(Store store, long chainId, Map<String, RangeLimits.Learned> learned) {
        String now = Instant.now().toString();
        store.jdbi().useExtension(RpcLimitsDao.class, dao -> learned.forEach((endpoint, limits) -> dao.save(chainId, endpoint,
                limits.range(), limits.blockCap(), limits.resultCap(), limits.largestCount(), limits.batchSize(), now)));
    }
}
