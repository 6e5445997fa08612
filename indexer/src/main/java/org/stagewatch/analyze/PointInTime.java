package org.stagewatch.analyze;

import java.time.Instant;

import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Store;

/**
 * Resolves the block a point-in-time question is asked at: {@code --block N}, {@code --at ISO-8601}, or the
 * chain's checkpoint when neither is given. A block beyond the checkpoint is refused: the store cannot know
 * what happened there yet. The block's time is its own header's, or unknown ({@link BlockTime}), never
 * another block's.
 * <p>{@code --at T} maps to the last stored block whose timestamp is ≤ T (a bisection over the stored
 * headers, which the blocks table's index does). Every block with an indexed event or reading has a stored
 * header, so every answer at that block holds for the blocks up to the next stored one; but which of those is
 * the last by T is known only when the next stored header is the very next block (or the block is the
 * checkpoint, the last indexed one): otherwise {@link #note} says so.
 *
 * @param note what the answer's block stands for when it is not exactly the one asked for (null when it is)
 */
public record PointInTime(long chainId, long block, BlockTime time, String note) {

    /** The block's own header, or null when the store lacks it (then the time is unknown, see {@link #time}). */
    public BlockHeader header() {
        return time.header();
    }

    /** The block's unix time, or null when unknown. */
    public Long timestamp() {
        return time.timestamp();
    }

    /** Why the time is unknown, or what the block stands for; null when the point is exact. */
    public String timeNote() {
        return note != null ? note : time.unknownReason();
    }

    public static PointInTime resolve(Store store, long chainId, Long block, Instant at) {
        Checkpoint checkpoint = store.withSync(sync -> sync.checkpoint(chainId)).orElseThrow(() ->
                new AnalyzeException("chain %d has not been indexed into %s yet: run stagewatch index first"
                        .formatted(chainId, store.database().location())));
        if (block != null && at != null) {
            throw new AnalyzeException("give either --block or --at, not both");
        }
        if (block != null) {
            if (block < 0 || block > checkpoint.blockNumber()) {
                String message = "block %d is outside the indexed range of chain %d (0 … %d); index further or pick an earlier block"
                        .formatted(block, chainId, checkpoint.blockNumber());
                throw block < 0 ? new AnalyzeException(message) : new BeyondHeadException(chainId, checkpoint.blockNumber(), message);
            }
            return new PointInTime(chainId, block, BlockTime.of(store, chainId, block), null);
        }
        if (at == null) {
            return new PointInTime(chainId, checkpoint.blockNumber(), BlockTime.of(store, chainId, checkpoint.blockNumber()), null);
        }
        BlockHeader byTime = store.withSync(sync -> sync.blockAtOrBeforeTime(chainId, at.getEpochSecond()))
                .orElseThrow(() -> new AnalyzeException("no indexed block of chain %d at or before %s".formatted(chainId, at)));
        if (byTime.number() >= checkpoint.blockNumber()) {
            return new PointInTime(chainId, checkpoint.blockNumber(), BlockTime.of(store, chainId, checkpoint.blockNumber()), null);
        }
        BlockHeader next = store.withSync(sync -> sync.blockAtOrAfter(chainId, byTime.number() + 1)).orElse(null);
        String note = next == null || next.number() == byTime.number() + 1 ? null
                : ("block %d is the last stored block at or before %s; blocks %d … %d have no indexed event or reading, so this "
                        + "answer holds for them too, but which of them is the last by that time the store does not know")
                        .formatted(byTime.number(), at, byTime.number() + 1, next.number() - 1);
        return new PointInTime(chainId, byTime.number(), BlockTime.of(byTime), note);
    }
}
