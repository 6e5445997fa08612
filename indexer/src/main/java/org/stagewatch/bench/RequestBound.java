package org.stagewatch.bench;

import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * The least time a backfill of given logs can take through a provider's limits. It counts the requests the backfill
 * must make:
 * <ul>
 *   <li>eth_getLogs ranges cut greedily from the first block, each at most {@code maxRange} blocks and {@code maxLogs}
 *       logs (for contiguous ranges the fewest);</li>
 *   <li>header batches: one header for every block holding logs and for every range's first and last block (the
 *       chain checks need them), {@code maxBatch} a batch over the whole run (the fewest, though the backfill batches
 *       range by range);</li>
 *   <li>{@code fixedCalls}: what a run asks once — chain id, head, the head's block, the state reads at the end;</li>
 * </ul>
 * each taking the longer of 1/rps and latency ÷ the concurrency the rate lets pay off ({@code ⌈rps × latency⌉}, at
 * most {@code maxConcurrency}), and two round trips nothing overlaps: the head must be known before the first
 * eth_getLogs, and the last answer comes a latency after the last request leaves — {@code 2 × latency + (requests −
 * 2) × that}. The token bucket's first second (it starts full) is not counted: a client kept to the rate cannot use it.
 *
 * @param getLogs       the fewest eth_getLogs requests
 * @param headerBatches the fewest header batches
 * @param fixedCalls    the calls made once a run
 * @param secondsPerRequest the longer of 1/rps and latency ÷ the concurrency that pays off
 * @param seconds       the bound
 */
public record RequestBound(long getLogs, long headerBatches, long fixedCalls, double secondsPerRequest, double seconds) {
    public long requests() {
        return getLogs + headerBatches + fixedCalls;
    }

    /**
     * @param logsPerBlock   the logs of each block that has any
     * @param maxRange       most blocks a range (0 = no cap)
     * @param maxLogs        most logs an answer (0 = no cap)
     * @param fixedCalls     calls made once a run
     * @param rps            requests per second (0 = no limit)
     * @param maxConcurrency most requests in flight the client will have
     */
    public static RequestBound of(NavigableMap<Long, Long> logsPerBlock, long first, long last, long maxRange, long maxLogs,
                                  int maxBatch, int fixedCalls, double rps, double latencySeconds, int maxConcurrency) {
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
        long requests = ranges + batches + fixedCalls;
        double perRequest = rps > 0 ? 1 / rps : 0;
        long concurrency = rps > 0 ? Math.min(maxConcurrency, (long) Math.ceil(rps * latencySeconds)) : maxConcurrency;
        double byLatency = latencySeconds / Math.max(1, concurrency);
        double each = Math.max(perRequest, byLatency);
        return new RequestBound(ranges, batches, fixedCalls, each, 2 * latencySeconds + Math.max(0, requests - 2) * each);
    }
}
