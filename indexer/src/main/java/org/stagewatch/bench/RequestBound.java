package org.stagewatch.bench;

import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * The least time a backfill of given logs can take through a provider's limits: the fewest requests the caps allow
 * — eth_getLogs ranges cut greedily from the first block (each at most {@code maxRange} blocks and {@code maxLogs}
 * logs, which for contiguous ranges is the fewest), plus the header batches for every block holding logs and every
 * range's first and last block, {@code maxBatch} a batch — times the longer of 1/rps and latency ÷ the concurrency the
 * rate limit lets pay off ({@code ⌈rps × latency⌉}, at most {@code maxConcurrency}).
 *
 * @param getLogs       the fewest eth_getLogs requests
 * @param headerBatches the fewest header batches
 * @param seconds       the bound
 */
public record RequestBound(long getLogs, long headerBatches, double seconds) {
    public long requests() {
        return getLogs + headerBatches;
    }

    /**
     * @param logsPerBlock   the logs of each block that has any
     * @param maxRange       most blocks a range (0 = no cap)
     * @param maxLogs        most logs an answer (0 = no cap)
     * @param rps            requests per second (0 = no limit)
     * @param maxConcurrency most requests in flight the client will have
     */
    public static RequestBound of(NavigableMap<Long, Long> logsPerBlock, long first, long last, long maxRange, long maxLogs,
                                  int maxBatch, double rps, double latencySeconds, int maxConcurrency) {
        TreeSet<Long> headers = new TreeSet<>(logsPerBlock.keySet());
        long ranges = 0;
        long from = first;
        while (from <= last) {
            long to = maxRange > 0 ? Math.min(last, from + maxRange - 1) : last;
            if (maxLogs > 0) {
                long logs = 0;
                for (var block : logsPerBlock.subMap(from, true, to, true).entrySet()) {
                    if (logs + block.getValue() > maxLogs && block.getKey() > from) {
                        to = block.getKey() - 1;
                        break;
                    }
                    logs += block.getValue();
                }
            }
            headers.add(from);
            headers.add(to);
            ranges++;
            from = to + 1;
        }
        long batches = (headers.size() + Math.max(1, maxBatch) - 1) / Math.max(1, maxBatch);
        long requests = ranges + batches;
        double perRequest = rps > 0 ? 1 / rps : 0;
        long concurrency = rps > 0 ? Math.min(maxConcurrency, (long) Math.ceil(rps * latencySeconds)) : maxConcurrency;
        double byLatency = latencySeconds / Math.max(1, concurrency);
        return new RequestBound(ranges, batches, requests * Math.max(perRequest, byLatency));
    }
}
