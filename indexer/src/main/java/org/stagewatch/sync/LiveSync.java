package org.stagewatch.sync;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.HeadSource;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.chain.RpcException;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.project.Projectors;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Store;

/**
 * Follows a chain's head after the backfill: at every new head (or poll) it checks that the
 * checkpoint block is still on the chain, or, when the head is below it, that the chain is still a
 * prefix of what is indexed — rolling back to the fork point when not — and then
 * indexes up to the new target with the same range indexing as the backfill. A provider failure
 * while following is logged and retried at the next head; nothing indexed is lost.
 */
public final class LiveSync {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSync.class);

    private final Store store;
    private final EventDecoder decoder;
    private final SyncProgress progress;

    public LiveSync(Store store, EventDecoder decoder, SyncProgress progress) {
        this.store = store;
        this.decoder = decoder;
        this.progress = progress;
    }

    public void follow(ChainPlan plan, RpcClient client, HeadSource heads, BooleanSupplier stop) throws InterruptedException {
        Duration interval = Duration.ofMillis(plan.chain().pollIntervalMs());
        Backfill backfill = new Backfill(store, decoder, Projectors.standard(), progress);
        ReorgHandler reorgs = new ReorgHandler(store, client, plan);
        while (!stop.getAsBoolean()) {
            try {
                step(plan, client, backfill, reorgs);
            } catch (RpcException e) {
                LOG.warn("chain '{}': {} — retrying at the next head", plan.chain().name(), e.getMessage());
            }
            if (!stop.getAsBoolean()) {
                heads.await(interval);
            }
        }
    }

    /**
     * One round: verify the checkpoint against the chain (rolling back to the fork point when it is gone, see
     * {@link ReorgHandler#verify}), then index up to the current target — or, with nothing new, settle the reads an
     * earlier round left owed.
     */
    void step(ChainPlan plan, RpcClient client, Backfill backfill, ReorgHandler reorgs) {
        long chainId = plan.chain().chainId();
        Checkpoint checkpoint = store.withSync(sync -> sync.checkpoint(chainId)).orElse(null);
        if (checkpoint != null) {
            checkpoint = reorgs.verify(checkpoint);
        }
        long target = Backfill.target(plan, client, OptionalLong.empty());
        long from = checkpoint == null ? plan.firstBlock() : checkpoint.blockNumber() + 1;
        if (target >= from) {
            backfill.runTo(plan, client, target);
        } else {
            backfill.settleOwedReads(plan, client);
        }
    }
}
