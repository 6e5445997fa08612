package org.stagewatch.analyze;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.PowerQueries;
import org.stagewatch.store.Store;

/**
 * Computes {@link MetricsPoint}s for a DAO's votes token: at one block from one index seek per
 * delegate, or along a series in one ordered pass over the checkpoints ({@link PowerSeries}). Either
 * way only the current power per delegate is held — never the checkpoint rows themselves.
 */
public final class MetricsAnalyzer {
    private final Store store;
    private final PowerQueries queries;

    public MetricsAnalyzer(Store store) {
        this.store = store;
        this.queries = new PowerQueries(store.database());
    }

    public MetricsPoint at(DaoScope dao, Long block, Instant at, Labels labels) {
        ContractRow token = dao.token();
        PointInTime point = PointInTime.resolve(store, token.chainId(), block, at);
        PowerSnapshot snapshot = PowerSnapshot.read(queries, token.chainId(), token.address(), point.block(), labels);
        Context context = new Context(dao, token, point.block());
        return context.point(point.block(), point.header(), null, snapshot.sorted, labels, snapshot.labeled::get);
    }

    /** One point per sample of the plan, computed in a single pass. */
    public List<MetricsPoint> series(DaoScope dao, SeriesPlan plan, Labels labels) {
        ContractRow token = dao.token();
        List<SeriesPlan.Sample> samples = plan.samples(store, token);
        long[] blocks = samples.stream().mapToLong(SeriesPlan.Sample::block).distinct().sorted().toArray();
        Context context = new Context(dao, token, blocks.length == 0 ? 0 : blocks[blocks.length - 1]);
        Map<Long, MetricsPoint> byBlock = new HashMap<>();
        new PowerSeries(queries).run(token.chainId(), token.address(), blocks, (index, block, book) -> {
            PowerArray sorted = book.sample();
            BlockHeader header = context.header(block);
            byBlock.put(block, context.point(block, header, null, sorted, labels, book::powerOf));
        });
        List<MetricsPoint> points = new ArrayList<>();
        for (SeriesPlan.Sample sample : samples) {
            MetricsPoint point = byBlock.get(sample.block());
            points.add(new MetricsPoint(point.dao(), point.chainId(), point.token(), point.block(), point.timestamp(),
                    sample.at(), point.byAddress(), point.quorum(), point.supply(), point.byEntity()));
        }
        return points;
    }

    /** What every point of one DAO needs: the supply history, the quorum rule, the headers. */
    private final class Context {
        private final DaoScope dao;
        private final ContractRow token;
        private final SupplyLookup supply;
        private final QuorumLookup quorum;
        private final GovernorClock clock;

        Context(DaoScope dao, ContractRow token, long lastBlock) {
            this.dao = dao;
            this.token = token;
            this.supply = new SupplyLookup(store, token, lastBlock);
            this.quorum = new QuorumLookup(store, dao, token.chainId(), supply);
            this.clock = GovernorClock.forDao(store, dao, token.chainId());
        }

        BlockHeader header(long block) {
            return store.withSync(sync -> sync.blockAtOrBefore(token.chainId(), block)).orElseThrow(() ->
                    new AnalyzeException("no indexed block of chain %d at or before %d".formatted(token.chainId(), block)));
        }

        MetricsPoint point(long block, BlockHeader header, Instant sampledAt, PowerArray sorted, Labels labels,
                           java.util.function.Function<String, BigInteger> powerOf) {
            QuorumLookup.Quorum required = quorum.at(block, header);
            BigInteger threshold = required == null ? null : required.value();
            Concentration byAddress = Concentration.of(sorted, threshold);
            Concentration byEntity = labels == null ? null : Concentration.of(labels.regroup(sorted, powerOf), threshold);
            return new MetricsPoint(dao.daoId(), token.chainId(), token.address(), block, header.timestamp(), sampledAt,
                    byAddress, required, supply.at(block, clock.at(block, header)), byEntity);
        }
    }
}
