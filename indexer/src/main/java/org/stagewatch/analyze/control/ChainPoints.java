package org.stagewatch.analyze.control;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stagewatch.analyze.AnalyzeException;
import org.stagewatch.analyze.BlockTime;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.PointInTime;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Store;

/**
 * The block each chain of a DAO is looked at, for one question asked across chains: each chain's
 * indexed head by default; with {@code --at}, each chain's last indexed block at or before that time;
 * with {@code --block N}, block N of one chain (the {@code --chain} given, or the DAO's only chain,
 * or the chain of its critical contracts) and, on the others, the last block at or before N's time.
 * A chain with no indexed block by then is at block -1: nothing of it exists yet.
 */
public record ChainPoints(Map<Long, Point> byChain) {

    /** One chain's block and its own time (unix seconds; null when the store lacks its header, see {@link BlockTime}). */
    public record Point(long chainId, long block, Long timestamp) {
    }

    public ChainPoints {
        byChain = Collections.unmodifiableMap(new LinkedHashMap<>(byChain));
    }

    public static ChainPoints resolve(Store store, DaoScope dao, Long block, Long chainId, Instant at) {
        List<Long> chains = dao.contracts().stream().map(ContractRow::chainId).distinct().sorted().toList();
        if (block != null && at != null) {
            throw new AnalyzeException("give either --block or --at, not both");
        }
        Map<Long, Point> points = new LinkedHashMap<>();
        if (block == null) {
            for (long chain : chains) {
                PointInTime head = PointInTime.resolve(store, chain, null, null); // refuses a chain never indexed
                points.put(chain, at == null ? new Point(chain, head.block(), head.timestamp()) : atTime(store, chain, at.getEpochSecond()));
            }
            return new ChainPoints(points);
        }
        long anchor = anchorChain(dao, chains, chainId);
        PointInTime point = PointInTime.resolve(store, anchor, block, null);
        return anchored(store, chains, anchor, point.block(), point.timestamp(), mappingTime(point.time()));
    }

    /**
     * The time other chains are mapped by for a block: its own; for a block without a stored header, that of the
     * last stored block before it, whose state it shares on its own chain (every block with an event has a stored
     * header). The answer's time for that block stays unknown.
     */
    public static long mappingTime(BlockTime time) {
        if (time.timestamp() != null) {
            return time.timestamp();
        }
        return time.before() == null ? 0 : time.before().timestamp();
    }

    /**
     * Block {@code block} of chain {@code anchor} (its own time {@code time}, null when unknown); every other chain
     * at its last indexed block by {@code mappingTime}.
     */
    public static ChainPoints anchored(Store store, List<Long> chains, long anchor, long block, Long time, long mappingTime) {
        Map<Long, Point> points = new LinkedHashMap<>();
        for (long chain : chains) {
            points.put(chain, chain == anchor ? new Point(chain, block, time) : atTime(store, chain, mappingTime));
        }
        return new ChainPoints(points);
    }

    /** The chain's last stored block at or before {@code time}, with that block's own time. */
    private static Point atTime(Store store, long chain, long time) {
        return store.withSync(sync -> sync.blockAtOrBeforeTime(chain, time))
                .map(header -> new Point(chain, header.number(), header.timestamp())).orElse(new Point(chain, -1, null));
    }

    private static long anchorChain(DaoScope dao, List<Long> chains, Long chainId) {
        if (chainId != null) {
            if (!chains.contains(chainId)) {
                throw new AnalyzeException("DAO '%s' has no contracts on chain %d (its chains: %s)".formatted(dao.daoId(), chainId, chains));
            }
            return chainId;
        }
        List<Long> critical = dao.contracts().stream().filter(ContractRow::critical).map(ContractRow::chainId).distinct().toList();
        if (chains.size() == 1) {
            return chains.get(0);
        }
        if (critical.size() == 1) {
            return critical.get(0);
        }
        throw new AnalyzeException("DAO '%s' spans chains %s: say which chain --block counts on with --chain ID".formatted(dao.daoId(), chains));
    }

    /**
     * The point an answer about the whole DAO is named by: that of the chain holding its critical contracts
     * when they share one, else the first chain's.
     */
    public Point named(DaoScope dao) {
        List<Long> critical = dao.contracts().stream().filter(ContractRow::critical).map(ContractRow::chainId).distinct().toList();
        long chain = critical.size() == 1 ? critical.get(0) : byChain.keySet().iterator().next();
        return byChain.get(chain);
    }

    public long block(long chainId) {
        Point point = byChain.get(chainId);
        return point == null ? -1 : point.block();
    }
}
