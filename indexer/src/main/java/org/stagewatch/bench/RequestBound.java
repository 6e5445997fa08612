package org.stagewatch.bench;

import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * The least time a backfill of given logs can take through a provider's limits. It counts the calls the backfill must
 * make, and the HTTP requests they take at the fewest:
 * <ul>
 *   <li>eth_getLogs ranges cut greedily from the first block, each at most {@code maxRange} blocks and {@code maxLogs}
 *       logs (for contiguous ranges the fewest), one request each;</li>
 *   <li>headers: one for every block holding logs and for every range's first and last block (the chain checks need
 *       them), in batches of {@code maxBatch} over the whole run (the fewest, though the backfill batches range by
 *       range), under a rate of at most what a second takes (counting at most {@code rps}: a larger batch would pass
 *       the rate within the second it is sent);</li>
 *   <li>what a run asks once, each a JSON-RPC batch — the start-up of {@code startUpCalls} calls (chain id and head:
 *       without {@code --to}, where the run ends depends on the head, so no eth_getLogs can go before its answer; and
 *       nothing may be written before the chain id is checked) and the {@code endCalls} state reads of the last
 *       block.</li>
 * </ul>
 * The rate meters calls as Infura does ({@link SimulatedProvider}): each call, and each batch as one more. So the
 * fewest calls are every call alone, and the fewest requests every batch as large as the provider takes; each is
 * counted at its fewest, which no backfill can beat. The calls take at least 1/rps each, and the requests latency ÷
 * the concurrency the rate lets pay off ({@code ⌈rps × latency⌉}, at most {@code maxConcurrency}) each; two round trips
 * nothing overlaps: the start-up's, and the last answer, which comes a latency after the last request leaves —
 * {@code 2 × latency + max((calls − startUpCalls − 1) / rps, (requests − 2) × latency ÷ concurrency)}. A header can
 * only be asked once its range's eth_getLogs has answered, so with fewer eth_getLogs than fill a latency at that pace
 * there is a third: the bound is also at least {@code 3 × latency + max((headers − 1) / rps, (header batches − 1) ×
 * latency ÷ concurrency)}, and it is the larger of the two. The token bucket's first second (it starts full) is not
 * counted: a client kept to the rate cannot use it. Neither are the node's own time to answer nor the client's to read
 * and store the answers: the bound is the provider's limits alone.
 *
 * @param getLogs           the fewest eth_getLogs requests
 * @param headers           the headers to ask
 * @param headerBatches     the fewest header batches
 * @param fixedRequests     the requests made once a run
 * @param fixedCalls        the calls those requests hold
 * @param secondsPerCall    1/rps (0 without a rate)
 * @param secondsPerRequest latency ÷ the concurrency that pays off
 * @param seconds           the bound
 */
public record RequestBound(long getLogs, long headers, long headerBatches, long fixedRequests, long fixedCalls,
                           double secondsPerCall, double secondsPerRequest, double seconds) {
    public long requests() {
        return getLogs + headerBatches + fixedRequests;
    }

    /** The fewest calls: the eth_getLogs, the headers and the fixed ones, each alone (a batch counts one more). */
    public long calls() {
        return getLogs + headers + fixedCalls;
    }

    /** The ranges' part of the bound: their eth_getLogs and headers at the rate, or their requests at the latency. */
    public double rangesSeconds() {
        return Math.max((getLogs + headers) * secondsPerCall, (getLogs + headerBatches) * secondsPerRequest);
    }

    /**
     * @param logsPerBlock   the logs of each block that has any
     * @param maxRange       most blocks a range (0 = no cap)
     * @param maxLogs        most logs an answer (0 = no cap)
     * @param startUpCalls   calls of the run's first request
     * @param endCalls       calls of the state reads at its end
     * @param rps            calls per second (0 = no limit)
     * @param maxConcurrency most requests in flight the client will have
     */
    public static RequestBound of(NavigableMap<Long, Long> logsPerBlock, long first, long last, long maxRange, long maxLogs,
                                  int maxBatch, int startUpCalls, int endCalls, double rps, double latencySeconds, int maxConcurrency) {
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
        long headerCalls = headers.size();
        int batch = Math.max(1, rps > 0 ? (int) Math.min(maxBatch, Math.max(1, Math.floor(rps) - 1)) : maxBatch);
        long batches = (headerCalls + batch - 1) / batch;
        long fixedRequests = 2;
        long fixedCalls = startUpCalls + endCalls;
        long calls = ranges + headerCalls + fixedCalls;
        long requests = ranges + batches + fixedRequests;
        double perCall = rps > 0 ? 1 / rps : 0;
        long concurrency = rps > 0 ? Math.min(maxConcurrency, (long) Math.ceil(rps * latencySeconds)) : maxConcurrency;
        double perRequest = latencySeconds / Math.max(1, concurrency);
        double overlapped = 2 * latencySeconds + Math.max(Math.max(0, calls - startUpCalls - 1) * perCall,
                Math.max(0, requests - 2) * perRequest);
        double afterFirstLogs = 3 * latencySeconds + Math.max(Math.max(0, headerCalls - 1) * perCall,
                Math.max(0, batches - 1) * perRequest);
        return new RequestBound(ranges, headerCalls, batches, fixedRequests, fixedCalls, perCall, perRequest,
                Math.max(overlapped, afterFirstLogs));
    }
}
