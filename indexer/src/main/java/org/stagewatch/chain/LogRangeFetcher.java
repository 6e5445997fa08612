package org.stagewatch.chain;

import java.util.Collection;
import java.util.List;

/**
 * Fetches logs over a block interval in ranges whose size adapts to the provider: it starts from
 * the configured size, doubles after {@value #GROW_AFTER} successes in a row (up to the configured
 * maximum), and on a "range too large" answer retries the same start with the size the provider
 * suggested, or half, never the same failing range twice. A one-block range that still fails is an error.
 * The size is shared by concurrent calls ({@link LogPrefetch} keeps two in flight); a retry is narrower than
 * the range that failed whatever the others did to the size meanwhile.
 */
public final class LogRangeFetcher {
    static final int GROW_AFTER = 3;

    private final RpcClient client;
    private final long chainId;
    private final long maxRange;
    private long range;
    private int successes;

    public LogRangeFetcher(RpcClient client, long chainId, long maxRange) {
        this.client = client;
        this.chainId = chainId;
        this.maxRange = Math.max(1, maxRange);
        this.range = this.maxRange;
    }

    /** One fetched range: its bounds and its logs in chain order. */
    public record Fetched(long from, long to, List<RawLog> logs) {
    }

    /** Fetches the next range starting at {@code from}, never beyond {@code limit}. */
    public Fetched next(long from, long limit, Collection<String> addresses, Collection<String> topic0s) {
        long narrowerThan = Long.MAX_VALUE; // after a failure: the width that failed
        while (true) {
            long to = Math.min(limit, from + Math.min(currentRange(), narrowerThan - 1) - 1);
            try {
                List<RawLog> logs = client.logs(chainId, from, to, addresses, topic0s);
                succeeded();
                return new Fetched(from, to, logs);
            } catch (RangeTooLargeException e) {
                long width = to - from + 1;
                if (width == 1) {
                    throw new RpcException("%s: eth_getLogs for the single block %d is still too large: %s"
                            .formatted(client.url(), from, e.getMessage()));
                }
                long suggested = e.suggestedBlocks().orElse(0);
                // strictly smaller than the range that failed, so the same range is never asked twice
                shrink(Math.max(1, suggested > 0 && suggested < width ? suggested : width / 2));
                narrowerThan = width;
            }
        }
    }

    private synchronized void succeeded() {
        if (++successes >= GROW_AFTER && range < maxRange) {
            range = Math.min(maxRange, range * 2);
            successes = 0;
        }
    }

    private synchronized void shrink(long size) {
        range = Math.min(range, size);
        successes = 0;
    }

    public synchronized long currentRange() {
        return range;
    }
}
