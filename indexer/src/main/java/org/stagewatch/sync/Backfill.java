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
 * range (see {@link RangeIndexer}). A crash loses at most the range in flight; a re-run starts after
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
        for (long next = from; next <= target; ) {
            try {
                RangeIndexer.Indexed indexed = ranges.next(next, target, checkpoint);
                checkpoint = indexed.checkpoint();
                events += indexed.events();
                undecodable += indexed.undecodable();
                next = indexed.to() + 1;
            } catch (ReorgException e) {
                if (checkpoint == null) {
                    throw new SyncException("chain '%s': the RPC contradicts itself (%s); run again".formatted(name, e.getMessage()));
                }
                checkpoint = reorgs.rollBack(checkpoint, e.getMessage());
                next = checkpoint.blockNumber() + 1;
            }
            progress.advanced(name, Math.max(0, next - from), events, next - 1);
        }
        BackfillResult result = new BackfillResult(name, from, target, Math.max(0, target - from + 1), events,
                undecodable, Duration.ofNanos(System.nanoTime() - started), checkpoint);
        progress.finished(result);
        return result;
    }
}
