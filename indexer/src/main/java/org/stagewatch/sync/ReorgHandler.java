package org.stagewatch.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Store;

/**
 * Finds reorgs a run starts on (see {@link #verify}), finds the fork point after a reorg and rolls the
 * store back to it. The fork point is the highest stored header whose hash the chain still has; every
 * row above it is deleted (all tables) and the checkpoint reset in one transaction, so the next range
 * re-indexes the new branch. A reorg deeper than finality (the node's {@code finalized} block, else
 * the configured depth) is refused.
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

    /**
     * Checks, before a run or a follower's round indexes anything, that what is indexed is still the node's chain,
     * and rolls back to the fork point when it is not. The rule:
     * <ul>
     * <li>The checkpoint at or below the head: the chain's block at its height must have its hash.</li>
     * <li>The checkpoint above the head: the node lags (a load-balanced provider's backends are often a block or
     * two apart), or the chain reorged onto a shorter branch. A block the node does not serve proves nothing
     * either way; its head block does. When the head's hash is the one indexed at that height (a stored header
     * there, or the parent hash of the stored header just above), the chain up to the head is what was indexed
     * and the blocks above it are its descendants, not contradicted: nothing is rolled back, and nothing is
     * indexed until the head passes the checkpoint (a branch that replaces them shows at its first block). When
     * the hash differs, or no stored header says which block was indexed at the head's height, the stored
     * headers at or below the head are checked from the top down and everything above the highest one the chain
     * still has is rolled back. For a node that only lags that costs re-indexing a few blocks; keeping rows of
     * blocks that are gone would cost wrong numbers.</li>
     * </ul>
     *
     * @return the checkpoint to go on from: {@code checkpoint}, or the fork point after a rollback
     */
    Checkpoint verify(Checkpoint checkpoint) {
        return verify(checkpoint, client.headBlock());
    }

    /** {@link #verify(Checkpoint)} against a head the caller has just asked for. */
    Checkpoint verify(Checkpoint checkpoint, long head) {
        long chainId = plan.chain().chainId();
        if (checkpoint.blockNumber() <= head) {
            BlockHeader onChain = client.header(chainId, checkpoint.blockNumber());
            if (onChain.hash().equals(checkpoint.blockHash())) {
                return checkpoint;
            }
            return rollBack(checkpoint, "block %d is now %s, was %s".formatted(checkpoint.blockNumber(), onChain.hash(),
                    checkpoint.blockHash()));
        }
        BlockHeader atHead = client.header(chainId, head);
        Optional<String> indexed = store.withSync(sync -> sync.block(chainId, head).map(BlockHeader::hash)
                .or(() -> sync.block(chainId, head + 1).map(BlockHeader::parentHash)));
        if (indexed.isPresent() && indexed.get().equals(atHead.hash())) {
            LOG.debug("chain '{}': head {} is below the checkpoint {} but is the block indexed there; waiting for the node",
                    plan.chain().name(), head, checkpoint.blockNumber());
            return checkpoint;
        }
        return rollBack(checkpoint, indexed.isPresent()
                ? "the head %d is below the checkpoint %d, and its block is now %s, was %s".formatted(head,
                        checkpoint.blockNumber(), atHead.hash(), indexed.get())
                : "the head %d is below the checkpoint %d".formatted(head, checkpoint.blockNumber()));
    }

    /**
     * Walks the stored headers down from the checkpoint (from the head, when the checkpoint is above it: blocks the
     * node does not serve count as gone) to the highest one the chain still has, and rolls back to it.
     *
     * @return the checkpoint after rollback (the fork point)
     */
    Checkpoint rollBack(Checkpoint checkpoint, String reason) {
        long chainId = plan.chain().chainId();
        long head = client.headBlock();
        long finalized = client.finalizedBlock().orElse(Math.max(0, head - plan.chain().finalityDepthOrDefault()));
        long floor = Math.min(finalized, checkpoint.blockNumber());
        long cursor = Math.min(checkpoint.blockNumber(), head);
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
