package org.stagewatch.analyze;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.power.PowerArray;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.PowerQueries;
import org.stagewatch.store.Store;

/**
 * Computes {@link MetricsPoint}s for a DAO's votes token: at one block or along a series, both as one
 * ordered pass over the packed checkpoints from the nearest snapshot ({@link PowerSeries}). Either way
 * only the current power per delegate is held — never the checkpoint rows themselves.
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
        PowerArray[] sorted = new PowerArray[1];
        PowerArray[] entities = new PowerArray[1];
        new PowerSeries(queries).run(token.chainId(), token.address(), new long[] {point.block()}, labeled(labels),
                (index, sampled, book) -> {
                    sorted[0] = book.sample();
                    entities[0] = labels == null ? null : labels.regroup(sorted[0], book::powerOf);
                });
        Context context = new Context(dao, token, point.block());
        return context.point(point.block(), point.time(), point.note(), sorted[0], entities[0]);
    }

    private static Collection<String> labeled(Labels labels) {
        return labels == null ? List.of() : labels.entityOf().keySet();
    }

    /** One point per sample of the plan, computed in a single pass. */
    public List<MetricsPoint> series(DaoScope dao, SeriesPlan plan, Labels labels) {
        ContractRow token = dao.token();
        List<SeriesPlan.Sample> samples = plan.samples(store, token);
        long[] blocks = samples.stream().mapToLong(SeriesPlan.Sample::block).distinct().sorted().toArray();
        Context context = new Context(dao, token, blocks.length == 0 ? 0 : blocks[blocks.length - 1]);
        Map<Long, Future<MetricsPoint>> byBlock = new HashMap<>();
        // the pass applies checkpoints on this thread while a second one computes the samples taken so far;
        // at most two samples wait, so at most three sorted arrays (theirs and the book's) are alive
        ExecutorService worker = Executors.newSingleThreadExecutor();
        Semaphore waiting = new Semaphore(2);
        try {
            new PowerSeries(queries).run(token.chainId(), token.address(), blocks, labeled(labels), (index, block, book) -> {
                PowerArray sorted = book.sample();
                PowerArray entities = labels == null ? null : labels.regroup(sorted, book::powerOf);
                waiting.acquireUninterruptibly();
                byBlock.put(block, worker.submit(() -> {
                    try {
                        return context.point(block, BlockTime.of(store, token.chainId(), block), null, sorted, entities);
                    } finally {
                        waiting.release();
                    }
                }));
            });
            return collect(samples, byBlock);
        } finally {
            worker.shutdownNow();
        }
    }

    private static List<MetricsPoint> collect(List<SeriesPlan.Sample> samples, Map<Long, Future<MetricsPoint>> byBlock) {
        List<MetricsPoint> points = new ArrayList<>();
        for (SeriesPlan.Sample sample : samples) {
            MetricsPoint point;
            try {
                point = byBlock.get(sample.block()).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while computing a series", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
            points.add(new MetricsPoint(point.dao(), point.chainId(), point.token(), point.block(), point.timestamp(),
                    point.timeNote(), sample.at(), point.byAddress(), point.quorum(), point.supply(), point.byEntity()));
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

        /**
         * @param note     what the block stands for, when not exactly what was asked (null otherwise)
         * @param entities the powers regrouped by entity (null without labels)
         */
        MetricsPoint point(long block, BlockTime time, String note, PowerArray sorted, PowerArray entities) {
            QuorumLookup.Quorum required = quorum.at(block, time);
            BigInteger threshold = required == null ? null : required.value();
            Concentration byAddress = Concentration.of(sorted, threshold);
            Concentration byEntity = entities == null ? null : Concentration.of(entities, threshold);
            return new MetricsPoint(dao.daoId(), token.chainId(), token.address(), block, time.timestamp(),
                    note != null ? note : time.unknownReason(), null, byAddress, required, supply(block, time), byEntity);
        }

        /** The supply at the block's clock; null when the clock is known only as a range the supply changes within. */
        private SupplyLookup.Supply supply(long block, BlockTime time) {
            BlockTime.ClockRange range = clock.at(time);
            SupplyLookup.Supply low = supply.at(block, range.low());
            return range.exact() || Objects.equals(low, supply.at(block, range.high())) ? low : null;
        }
    }
}
