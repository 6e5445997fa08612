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
 *   <li>{@code fixedRequests}: what a run asks once, each a JSON-RPC batch (the provider counts a batch as one
 *       request) — the start-up (chain id and head: without {@code --to}, where the run ends depends on the head, so
 *       no eth_getLogs can go before its answer; and nothing may be written before the chain id is checked) and the
 *       state reads of the last block;</li>
 * </ul>
 * each taking the longer of 1/rps and latency ÷ the concurrency the rate lets pay off ({@code ⌈rps × latency⌉}, at
 * most {@code maxConcurrency}), and two round trips nothing overlaps: the start-up's, and the last answer, which comes a
 * latency after the last request leaves — {@code 2 × latency + (requests − 2) × that}. A header batch can only be asked
 * once its range's eth_getLogs has answered, so with fewer eth_getLogs than fill a latency at that pace there is a third:
 * the bound is also at least {@code 3 × latency + (header batches − 1) × that}, and it is the larger of the two. The token bucket's first second
 * (it starts full) is not counted: a client kept to the rate cannot use it. Neither are the node's own time to answer
 * nor the client's to read and store the answers: the bound is the provider's limits alone.
 *
 * @param getLogs       the fewest eth_getLogs requests
 * @param headerBatches the fewest header batches
 * @param fixedRequests the requests made once a run
 * @param secondsPerRequest the longer of 1/rps and latency ÷ the concurrency that pays off
 * @param seconds       the bound
 */
public record RequestBound(long getLogs, long headerBatches, long fixedRequests, double secondsPerRequest, double seconds) {
    public long requests() {
        return getLogs + headerBatches + fixedRequests;
    }

    /**
     * @param logsPerBlock   the logs of each block that has any
     * @param maxRange       most blocks a range (0 = no cap)
     * @param maxLogs        most logs an answer (0 = no cap)
     * @param fixedRequests  requests made once a run
     * @param rps            requests per second (0 = no limit)
     * @param maxConcurrency most requests in flight the client will have
     */
    public static RequestBound of(NavigableMap<Long, Long> logsPerBlock, long first, long last, long maxRange, long maxLogs,
                                  int maxBatch, int fixedRequests, double rps, double latencySeconds, int maxConcurrency) {
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
        long requests = ranges + batches + fixedRequests;
        double perRequest = rps > 0 ? 1 / rps : 0;
        long concurrency = rps > 0 ? Math.min(maxConcurrency, (long) Math.ceil(rps * latencySeconds)) : maxConcurrency;
        double byLatency = latencySeconds / Math.max(1, concurrency);
        double each = Math.max(perRequest, byLatency);
        double overlapped = 2 * latencySeconds + Math.max(0, requests - 2) * each;
        double afterFirstLogs = 3 * latencySeconds + Math.max(0, batches - 1) * each;
        return new RequestBound(ranges, batches, fixedRequests, each, Math.max(overlapped, afterFirstLogs));
    }
}
