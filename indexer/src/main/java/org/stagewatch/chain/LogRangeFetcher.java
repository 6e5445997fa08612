package org.stagewatch.chain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches logs over a block interval in ranges whose size each endpoint teaches ({@link RangeLimits}, one per
 * endpoint host): it starts from the configured size, grows after successes, and on a "range too large" answer
 * retries the same start with the size the provider suggested, or half — never the same failing range twice. A
 * one-block range that still fails is an error. The limits are shared by concurrent calls ({@link LogPrefetch} keeps
 * several in flight); a retry is narrower than the range that failed whatever the others did meanwhile. What was
 * learned can be taken out ({@link #learned}) and put back in a later run ({@link #restore}), so a restart starts at
 * the learned size.
 */
public final class LogRangeFetcher {
    static final int GROW_AFTER = RangeLimits.GROW_AFTER;

    private final RpcClient client;
    private final long chainId;
    private final long maxRange;
    private final Map<String, RangeLimits> byHost = new ConcurrentHashMap<>();

    public LogRangeFetcher(RpcClient client, long chainId, long maxRange) {
        this.client = client;
        this.chainId = chainId;
        this.maxRange = Math.max(1, maxRange);
    }

    /** One fetched range: its bounds and its logs in chain order. */
    public record Fetched(long from, long to, List<RawLog> logs) {
    }

    /** Fetches the next range starting at {@code from}, never beyond {@code limit}. */
    public Fetched next(long from, long limit, Collection<String> addresses, Collection<String> topic0s) {
        long narrowerThan = Long.MAX_VALUE; // after a failure: the width that failed
        while (true) {
            RangeLimits limits = limits();
            long to = Math.min(limit, from + Math.min(limits.next(), narrowerThan - 1) - 1);
            long width = to - from + 1;
            try {
                List<RawLog> logs = client.logs(chainId, from, to, addresses, topic0s);
                limits.succeeded(width, logs.size());
                return new Fetched(from, to, logs);
            } catch (RangeTooLargeException e) {
                if (width == 1) {
                    throw new RpcException("%s: eth_getLogs for the single block %d is still too large: %s"
                            .formatted(client.url(), from, e.getMessage()));
                }
                limits.refused(width, e);
                narrowerThan = width; // strictly smaller next time, so the same range is never asked twice
            }
        }
    }

    private RangeLimits limits() {
        return byHost.computeIfAbsent(client.host(), host -> new RangeLimits(maxRange));
    }

    /** The range the endpoint in use would be asked for next. */
    public long currentRange() {
        return limits().next();
    }

    /** What each endpoint taught so far (with the batch size it takes), by host. */
    public Map<String, RangeLimits.Learned> learned() {
        Map<String, RangeLimits.Learned> learned = new LinkedHashMap<>();
        Map<String, Integer> batchSizes = client.batchSizes();
        byHost.forEach((host, limits) -> learned.put(host, limits.learned(batchSizes.getOrDefault(host, 0))));
        return learned;
    }

    /** Starts each endpoint named from what an earlier run learned of it. */
    public void restore(Map<String, RangeLimits.Learned> learned) {
        learned.forEach((host, known) -> {
            byHost.computeIfAbsent(host, unused -> new RangeLimits(maxRange)).restore(known);
            client.restoreBatchSize(host, known.batchSize());
        });
    }
}
