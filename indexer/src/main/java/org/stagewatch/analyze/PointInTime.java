package org.stagewatch.analyze;

import java.time.Instant;

import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Store;

/**
 * Resolves the block a point-in-time question is asked at: {@code --block N}, {@code --at ISO-8601}
 * (the last indexed block at or before that time), or the chain's checkpoint when neither is given.
 * A block beyond the checkpoint is refused: the store cannot know what happened there yet.
 *
 * @param header the stored header at or before {@code block} (its clock values stand for {@code block})
 */
public record PointInTime(long chainId, long block, BlockHeader header) {

    public static PointInTime resolve(Store store, long chainId, Long block, Instant at) {
        Checkpoint checkpoint = store.withSync(sync -> sync.checkpoint(chainId)).orElseThrow(() ->
                new AnalyzeException("chain %d has not been indexed into %s yet: run stagewatch index first"
                        .formatted(chainId, store.database().location())));
        if (block != null && at != null) {
            throw new AnalyzeException("give either --block or --at, not both");
        }
        long target = checkpoint.blockNumber();
        if (block != null) {
            if (block < 0 || block > checkpoint.blockNumber()) {
                String message = "block %d is outside the indexed range of chain %d (0 … %d); index further or pick an earlier block"
                        .formatted(block, chainId, checkpoint.blockNumber());
                throw block < 0 ? new AnalyzeException(message) : new BeyondHeadException(chainId, checkpoint.blockNumber(), message);
            }
            target = block;
        } else if (at != null) {
            BlockHeader byTime = store.withSync(sync -> sync.blockAtOrBeforeTime(chainId, at.getEpochSecond()))
                    .orElseThrow(() -> new AnalyzeException("no indexed block of chain %d at or before %s".formatted(chainId, at)));
            target = byTime.number();
        }
        long resolved = target;
        BlockHeader header = store.withSync(sync -> sync.blockAtOrBefore(chainId, resolved)).orElseThrow(() ->
                new AnalyzeException("no indexed block of chain %d at or before %d".formatted(chainId, resolved)));
        return new PointInTime(chainId, target, header);
    }
}
