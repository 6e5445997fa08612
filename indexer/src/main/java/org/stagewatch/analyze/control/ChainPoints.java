package org.stagewatch.analyze.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stagewatch.analyze.AnalyzeException;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.PointInTime;
import org.stagewatch.store.BlockHeader;
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

    /** One chain's block and its time (unix seconds). */
    public record Point(long chainId, long block, long timestamp) {
    }

    public ChainPoints {
        byChain = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byChain));
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
                points.put(chain, at == null ? new Point(chain, head.block(), head.header().timestamp()) : atTime(store, chain, at.getEpochSecond()));
            }
            return new ChainPoints(points);
        }
        long anchor = anchorChain(dao, chains, chainId);
        PointInTime point = PointInTime.resolve(store, anchor, block, null);
        return anchored(store, chains, anchor, point.block(), point.header().timestamp());
    }

    /** Block {@code block} (at {@code time}) of chain {@code anchor}; every other chain at its last indexed block by then. */
    public static ChainPoints anchored(Store store, List<Long> chains, long anchor, long block, long time) {
        Map<Long, Point> points = new LinkedHashMap<>();
        for (long chain : chains) {
            points.put(chain, chain == anchor ? new Point(chain, block, time) : atTime(store, chain, time));
        }
        return new ChainPoints(points);
    }

    private static Point atTime(Store store, long chain, long time) {
        long block = store.withSync(sync -> sync.blockAtOrBeforeTime(chain, time)).map(BlockHeader::number).orElse(-1L);
        return new Point(chain, block, time);
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
