package org.stagewatch.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.stagewatch.chain.RawLog;

/**
 * A range's raw logs packed block by block ({@link RawLogCodec}), the rows of {@code raw_log_blocks}. The
 * sync builds it on the decode thread, so the writer thread — the one a backfill waits on — only inserts a
 * row per block; and it keeps no reference to the logs' hex strings, so a range waiting in the pipeline
 * holds a few MB instead of tens and the strings die young.
 */
public final class EncodedLogs {
    private final long[] chainIds;
    private final long[] blockNumbers;
    private final int[] counts;
    private final byte[][] blobs;
    private final int size;

    private EncodedLogs(List<RawLog> logs) {
        List<RawLog> ordered = inChainOrder(logs);
        List<int[]> blocks = new ArrayList<>();
        for (int start = 0; start < ordered.size(); ) {
            int end = start + 1;
            while (end < ordered.size() && ordered.get(end).blockNumber() == ordered.get(start).blockNumber()
                    && ordered.get(end).chainId() == ordered.get(start).chainId()) {
                end++;
            }
            blocks.add(new int[] {start, end});
            start = end;
        }
        chainIds = new long[blocks.size()];
        blockNumbers = new long[blocks.size()];
        counts = new int[blocks.size()];
        blobs = new byte[blocks.size()][];
        for (int b = 0; b < blocks.size(); b++) {
            int[] span = blocks.get(b);
            RawLog first = ordered.get(span[0]);
            chainIds[b] = first.chainId();
            blockNumbers[b] = first.blockNumber();
            counts[b] = span[1] - span[0];
            blobs[b] = RawLogCodec.pack(ordered, span[0], span[1]);
        }
        size = ordered.size();
    }

    /** {@code logs} sorted by chain, block and log index (as a node returns them; sorted only when it did not). */
    private static List<RawLog> inChainOrder(List<RawLog> logs) {
        Comparator<RawLog> order = Comparator.comparingLong(RawLog::chainId).thenComparing(RawLog.CHAIN_ORDER);
        for (int i = 1; i < logs.size(); i++) {
            if (order.compare(logs.get(i - 1), logs.get(i)) > 0) {
                List<RawLog> sorted = new ArrayList<>(logs);
                sorted.sort(order);
                return sorted;
            }
        }
        return logs;
    }

    /** @throws IllegalArgumentException when a hash, topic or data is not 0x-hex, or two logs share a position (a node that lies) */
    public static EncodedLogs of(List<RawLog> logs) {
        return new EncodedLogs(logs);
    }

    /** How many logs. */
    public int size() {
        return size;
    }

    /** How many blocks hold them. */
    int blocks() {
        return blobs.length;
    }

    long chainId(int block) {
        return chainIds[block];
    }

    long blockNumber(int block) {
        return blockNumbers[block];
    }

    int count(int block) {
        return counts[block];
    }

    byte[] blob(int block) {
        return blobs[block];
    }
}
