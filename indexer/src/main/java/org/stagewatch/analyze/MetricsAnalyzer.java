package org.stagewatch.analyze;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.power.ConcentrationTimeline;
import org.stagewatch.analyze.power.ConcentrationTimelines;
import org.stagewatch.analyze.power.PowerArray;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.PowerQueries;
import org.stagewatch.store.Store;

/**
 * Computes {@link MetricsPoint}s for a DAO's votes token: at one block or along a series, both as one
 * ordered pass over the packed checkpoints from the nearest snapshot ({@link PowerSeries}). Either way
 * only the current power per delegate is held — never the checkpoint rows themselves. A server that keeps
 * {@link ConcentrationTimelines} answers from them instead wherever they cover the question: the same numbers
 * without a pass.
 */
public final class MetricsAnalyzer {
    private final Store store;
    private final PowerQueries queries;
    private final ConcentrationTimelines timelines;

    public MetricsAnalyzer(Store store) {
        this(store, null);
    }

    /** @param timelines the server's recorded concentration per block (null: none), used where it covers the question */
    public MetricsAnalyzer(Store store, ConcentrationTimelines timelines) {
        this.store = store;
        this.queries = new PowerQueries(store.database());
        this.timelines = timelines;
    }

    public MetricsPoint at(DaoScope dao, Long block, Instant at, Labels labels) {
        ContractRow token = dao.token();
        PointInTime point = PointInTime.resolve(store, token.chainId(), block, at);
        Context context = new Context(dao, token, point.block());
        ConcentrationTimeline.View timeline = timeline(token, point.block(), labels);
        if (timeline != null) {
            MetricsPoint recorded = context.point(point.block(), point.time(), point.note(), quorum -> timeline.at(point.block(), quorum), null);
            if (recorded != null) {
                return recorded;
            }
        }
        PowerArray[] sorted = new PowerArray[1];
        PowerArray[] entities = new PowerArray[1];
        new PowerSeries(queries).run(token.chainId(), token.address(), new long[] {point.block()}, labeled(labels),
                (index, sampled, book) -> {
                    sorted[0] = book.sample();
                    entities[0] = labels == null ? null : labels.regroup(sorted[0], book::powerOf);
                });
        return context.point(point.block(), point.time(), point.note(), sorted[0], entities[0]);
    }

    /**
     * The token's timeline when it covers {@code block} and the store still holds the history it recorded; null without
     * one, beyond it, or with labels (entities regroup powers the timeline does not follow).
     */
    private ConcentrationTimeline.View timeline(ContractRow token, long block, Labels labels) {
        return timelines == null || labels != null ? null : timelines.covering(store, token.chainId(), token.address(), block);
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
        ConcentrationTimeline.View timeline = blocks.length == 0 ? null : timeline(token, blocks[blocks.length - 1], labels);
        if (timeline != null) {
            Map<Long, Future<MetricsPoint>> recorded = new HashMap<>();
            for (long block : blocks) {
                MetricsPoint point = context.point(block, BlockTime.of(store, token.chainId(), block), null,
                        quorum -> timeline.at(block, quorum), null);
                if (point == null) {
                    break;
                }
                recorded.put(block, CompletableFuture.completedFuture(point));
            }
            if (recorded.size() == blocks.length) {
                return collect(samples, recorded);
            }
        }
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
            return point(block, time, note, threshold -> Concentration.of(sorted, threshold),
                    entities == null ? null : threshold -> Concentration.of(entities, threshold));
        }

        /**
         * The same from the concentration measured against a quorum however it is found; null when
         * {@code byAddress} gives null (it cannot tell for this quorum).
         */
        MetricsPoint point(long block, BlockTime time, String note, Function<BigInteger, Concentration> byAddressAt,
                           Function<BigInteger, Concentration> byEntityAt) {
            QuorumLookup.Quorum required = quorum.at(block, time);
            BigInteger threshold = required == null ? null : required.value();
            Concentration byAddress = byAddressAt.apply(threshold);
            if (byAddress == null) {
                return null;
            }
            Concentration byEntity = byEntityAt == null ? null : byEntityAt.apply(threshold);
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
