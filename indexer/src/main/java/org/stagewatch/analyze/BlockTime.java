package org.stagewatch.analyze;

import java.time.Instant;

import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Store;

/**
 * What the store knows of one block's time: its own header when stored (every block with an indexed event,
 * every range end, every block a state read was taken at), else only the stored headers around it. A block's
 * time is never taken from another block: without its header the time is unknown, and the clock values it
 * would give (timestamp, Arbitrum's L1 block number) are known only as a range between its neighbours'.
 *
 * @param header the block's own header, or null
 * @param before the last stored header below the block (null when the block's header is stored, or none is)
 * @param after  the first stored header above the block (null when the block's header is stored, or none is)
 */
public record BlockTime(long chainId, long block, BlockHeader header, BlockHeader before, BlockHeader after) {

    /** A governor clock's value at the block: exact when {@code low == high}, else only known to lie in between. */
    public record ClockRange(long low, long high) {
        public boolean exact() {
            return low == high;
        }
    }

    public static BlockTime of(Store store, long chainId, long block) {
        BlockHeader own = store.withSync(sync -> sync.block(chainId, block)).orElse(null);
        if (own != null) {
            return new BlockTime(chainId, block, own, null, null);
        }
        return new BlockTime(chainId, block, null, store.withSync(sync -> sync.blockAtOrBefore(chainId, block)).orElse(null),
                store.withSync(sync -> sync.blockAtOrAfter(chainId, block)).orElse(null));
    }

    public static BlockTime of(BlockHeader header) {
        return new BlockTime(header.chainId(), header.number(), header, null, null);
    }

    public boolean known() {
        return header != null;
    }

    /** The block's unix time, or null when the store lacks its header. */
    public Long timestamp() {
        return header == null ? null : header.timestamp();
    }

    /** Why the time is unknown, with the bracket the stored headers give (null when known). */
    public String unknownReason() {
        if (header != null) {
            return null;
        }
        return "block %d of chain %d has no stored header (no indexed event or reading there)%s; give a block the index read, e.g. one printed by another command"
                .formatted(block, chainId, bracket());
    }

    private String bracket() {
        if (before == null && after == null) {
            return "";
        }
        String from = before == null ? "" : "after " + Instant.ofEpochSecond(before.timestamp()) + " (block " + before.number() + ")";
        String to = after == null ? "" : "before " + Instant.ofEpochSecond(after.timestamp()) + " (block " + after.number() + ")";
        return ": its time is " + from + (from.isEmpty() || to.isEmpty() ? "" : " and ") + to;
    }

    /**
     * The clock of a governor in {@code mode} (ERC-6372) at the block: the block number; the timestamp
     * ({@code mode=timestamp}); or, on a chain whose headers carry one (Arbitrum), the L1 block number. Without the
     * block's header the last two are bounded by the neighbouring stored headers' (timestamps and L1 block numbers
     * never decrease along a chain); with no neighbour above, up to {@link Long#MAX_VALUE}.
     */
    public ClockRange clock(String mode) {
        boolean timestamps = mode.contains("timestamp");
        if (header != null) {
            long value = timestamps ? header.timestamp() : header.l1BlockNumber() != null ? header.l1BlockNumber() : block;
            return new ClockRange(value, value);
        }
        BlockHeader near = before != null ? before : after;
        if (!timestamps && (near == null || near.l1BlockNumber() == null)) {
            return new ClockRange(block, block);
        }
        long low = before == null || !timestamps && before.l1BlockNumber() == null ? 0
                : timestamps ? before.timestamp() : before.l1BlockNumber();
        long high = after == null || !timestamps && after.l1BlockNumber() == null ? Long.MAX_VALUE
                : timestamps ? after.timestamp() : after.l1BlockNumber();
        return new ClockRange(low, high);
    }
}
