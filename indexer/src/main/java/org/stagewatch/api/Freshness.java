package org.stagewatch.api;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.store.Store;

/**
 * Whether an answer can change. An answer about a point at or below finality never changes, so a client may
 * keep it for good ({@code public, max-age=31536000, immutable}); anything else (the head, a whole history)
 * gets the short head max-age. A chain's final block is its indexed checkpoint less its finality depth from
 * the config: the checkpoint never passes the chain's head, so this errs towards "not final".
 *
 * <p>A point named by time is final on a chain when an indexed header at or below that chain's final block
 * is later than the time: every block up to the time is then final and indexed, so the block the time
 * resolves to cannot move. A point named by block number on a DAO's only chain is final when the block is.
 */
@Component
class Freshness {
    static final CacheControl IMMUTABLE = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

    private final Store store;
    private final Map<Long, Integer> finalityDepths = new HashMap<>();
    private final CacheControl head;

    Freshness(Store store, StagewatchConfig config, ServeProperties properties) {
        this.store = store;
        for (ChainConfig chain : config.chains().values()) {
            finalityDepths.put(chain.chainId(), chain.finalityDepthOrDefault());
        }
        Duration maxAge = properties.headMaxAge();
        this.head = CacheControl.maxAge(maxAge).cachePublic();
    }

    CacheControl head() {
        return head;
    }

    CacheControl of(boolean settled) {
        return settled ? IMMUTABLE : head;
    }

    /** The last final block of a chain, or -1 when none is (or the chain is not in the config). */
    long finalBlock(long chainId) {
        Integer depth = finalityDepths.get(chainId);
        if (depth == null) {
            return -1;
        }
        return store.checkpoint(chainId).map(checkpoint -> checkpoint.blockNumber() - depth).orElse(-1L);
    }

    boolean blockSettled(long chainId, long block) {
        return block >= 0 && block <= finalBlock(chainId);
    }

    /** Every block of the chain up to unix time {@code time} is final and indexed. */
    boolean timeSettled(long chainId, long time) {
        long last = finalBlock(chainId);
        return last >= 0 && store.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM (SELECT 1 FROM blocks WHERE chain_id = :chainId AND block_number <= :last
                            AND block_time > :time LIMIT 1) later""")
                .bind("chainId", chainId).bind("last", last).bind("time", time).mapTo(Long.class).one()) > 0;
    }

    boolean timeSettled(Collection<Long> chainIds, long time) {
        return chainIds.stream().allMatch(chain -> timeSettled(chain, time));
    }
}
