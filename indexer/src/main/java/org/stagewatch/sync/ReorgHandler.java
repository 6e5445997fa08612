package org.stagewatch.sync;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Store;

/**
 * Finds the fork point after a reorg and rolls the store back to it. The fork point is the highest
 * stored header whose hash the chain still has; every row above it is deleted (all tables) and the
 * checkpoint reset in one transaction, so the next range re-indexes the new branch. A reorg deeper
 * than finality (the node's {@code finalized} block, else the configured depth) is refused.
 */
final class ReorgHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReorgHandler.class);
    private static final int BATCH = 50;

    private final Store store;
    private final RpcClient client;
    private final ChainPlan plan;

    ReorgHandler(Store store, RpcClient client, ChainPlan plan) {
        this.store = store;
        this.client = client;
        this.plan = plan;
    }

    /** @return the checkpoint after rollback (the fork point) */
    Checkpoint rollBack(Checkpoint checkpoint, String reason) {
        long chainId = plan.chain().chainId();
        long head = client.headBlock();
        long finalized = client.finalizedBlock().orElse(Math.max(0, head - plan.chain().finalityDepthOrDefault()));
        long floor = Math.min(finalized, checkpoint.blockNumber());
        long cursor = checkpoint.blockNumber();
        while (cursor >= floor) {
            List<BlockHeader> stored = storedBelow(chainId, cursor, floor);
            if (stored.isEmpty()) {
                break;
            }
            Map<Long, BlockHeader> onChain = client.headers(chainId, stored.stream().map(BlockHeader::number).toList());
            for (BlockHeader header : stored) {
                BlockHeader now = onChain.get(header.number());
                if (now.hash().equals(header.hash())) {
                    store.rollbackAbove(chainId, header.number(), header.hash());
                    ReorgMeters.rolledBack(plan.chain().name(), checkpoint.blockNumber() - header.number());
                    LOG.warn("chain '{}': reorg ({}); rolled back from block {} to the fork point {}", plan.chain().name(),
                            reason, checkpoint.blockNumber(), header.number());
                    return new Checkpoint(chainId, header.number(), header.hash());
                }
            }
            cursor = stored.get(stored.size() - 1).number() - 1;
        }
        throw new SyncException(("chain '%s': reorg deeper than finality: no indexed block between %d and %d is still on "
                + "the chain (%s). Re-index into a fresh --db; the existing data was not changed.")
                .formatted(plan.chain().name(), floor, checkpoint.blockNumber(), reason));
    }

    private List<BlockHeader> storedBelow(long chainId, long from, long floor) {
        return store.withSync(sync -> sync.blocksDescending(chainId, from, floor, BATCH));
    }
}
