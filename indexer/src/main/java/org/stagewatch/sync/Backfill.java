package org.stagewatch.sync;

import java.time.Duration;
import java.util.OptionalLong;

import org.stagewatch.chain.RpcClient;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.project.Projectors;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Store;

/**
 * Indexes one chain from its checkpoint (or the earliest start block) to a target block, range by
 * range (see {@link RangeIndexer}), fetching ahead of the writer (see {@link RangePipeline}). A crash loses at most the range in flight; a re-run starts after
 * the checkpoint, so nothing is indexed twice and nothing is skipped. A reorg met on the way is
 * rolled back to its fork point and indexing goes on from there.
 */
public final class Backfill {
    private final Store store;
    private final EventDecoder decoder;
    private final Projectors projectors;
    private final SyncProgress progress;

    public Backfill(Store store, EventDecoder decoder, Projectors projectors, SyncProgress progress) {
        this.store = store;
        this.decoder = decoder;
        this.projectors = projectors;
        this.progress = progress;
    }

    /** The block a backfill runs to: the head less the configured confirmations, or {@code toBlock} if lower. */
    public static long target(ChainPlan plan, RpcClient client, OptionalLong toBlock) {
        long head = client.headBlock();
        long target = Math.max(0, head - plan.chain().confirmations());
        if (toBlock.isPresent()) {
            if (toBlock.getAsLong() > head) {
                throw new SyncException("chain '%s': --to %d is beyond the head %d of %s"
                        .formatted(plan.chain().name(), toBlock.getAsLong(), head, client.url()));
            }
            target = Math.min(target, toBlock.getAsLong());
        }
        return target;
    }

    private static RangePipeline.Item take(RangePipeline pipeline) {
        try {
            return pipeline.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted; the checkpoint is at the last fully written range");
        }
    }

    public BackfillResult run(ChainPlan plan, RpcClient client, OptionalLong toBlock) {
        return runTo(plan, client, target(plan, client, toBlock));
    }

    BackfillResult runTo(ChainPlan plan, RpcClient client, long target) {
        String name = plan.chain().name();
        Checkpoint checkpoint = store.withSync(sync -> sync.checkpoint(plan.chain().chainId())).orElse(null);
        long from = checkpoint == null ? plan.firstBlock() : checkpoint.blockNumber() + 1;
        long started = System.nanoTime();
        progress.started(name, from, target);
        RangeIndexer ranges = new RangeIndexer(store, decoder, projectors, plan, client);
        ReorgHandler reorgs = new ReorgHandler(store, client, plan);
        long events = 0;
        long undecodable = 0;
        long next = from;
        while (next <= target) {
            try (RangePipeline pipeline = new RangePipeline(ranges, next, target,
                    checkpoint == null ? null : checkpoint.blockHash(), name)) {
                for (RangePipeline.Item item = take(pipeline); item != RangePipeline.Item.END; item = take(pipeline)) {
                    if (item.failure() != null) {
                        throw item.failure();
                    }
                    RangeIndexer.Indexed indexed = ranges.write(item.range());
                    checkpoint = indexed.checkpoint();
                    events += indexed.events();
                    undecodable += indexed.undecodable();
                    next = indexed.to() + 1;
                    progress.advanced(name, next - from, events, indexed.to());
                }
            } catch (ReorgException e) {
                if (checkpoint == null) {
                    throw new SyncException("chain '%s': the RPC contradicts itself (%s); run again".formatted(name, e.getMessage()));
                }
                checkpoint = reorgs.rollBack(checkpoint, e.getMessage());
                next = checkpoint.blockNumber() + 1;
            }
        }
        BackfillResult result = new BackfillResult(name, from, target, Math.max(0, target - from + 1), events,
                undecodable, Duration.ofNanos(System.nanoTime() - started), checkpoint);
        progress.finished(result);
        return result;
    }
}
