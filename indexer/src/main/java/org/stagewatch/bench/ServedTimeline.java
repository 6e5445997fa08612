package org.stagewatch.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a backfill's wall time went, read from what the provider served: <b>start-up</b> (from the backfill's start
 * to the first eth_getLogs arriving), <b>ranges</b> (to the last eth_getLogs or headers answered, in a batch or
 * alone) and <b>tail</b> (to the backfill's end); within the ranges phase the share of time with at least one request in flight
 * and the mean number in flight; and the calls other than eth_getLogs and headers (the start-up's batch, the state
 * reads' batches, single calls), each with the phase it fell in.
 *
 * @param startupSeconds from the backfill's start to the first eth_getLogs
 * @param rangesSeconds  from the first eth_getLogs to the last eth_getLogs or headers answered
 * @param tailSeconds    from then to the backfill's end
 * @param busyShare      share of the ranges phase with a request in flight
 * @param meanInFlight   requests in flight on average over the ranges phase
 * @param rangeRequests  eth_getLogs and headers (batches, or single calls) served in the ranges phase, 429s included
 * @param otherCalls     other calls by phase and method, e.g. "start-up eth_chainId" → 1
 */
public record ServedTimeline(double startupSeconds, double rangesSeconds, double tailSeconds, double busyShare,
                             double meanInFlight, long rangeRequests, Map<String, Long> otherCalls) {

    /** @param start and @param end the backfill's start and end, System.nanoTime */
    public static ServedTimeline of(List<SimulatedProvider.Served> served, long start, long end) {
        long first = served.stream().filter(s -> s.arrived() >= start && s.kind().equals("eth_getLogs"))
                .mapToLong(SimulatedProvider.Served::arrived).min().orElse(end);
        List<SimulatedProvider.Served> ranges = served.stream()
                .filter(s -> s.arrived() >= first && (s.kind().equals("eth_getLogs") || s.kind().equals("batch") || s.kind().equals("header")))
                .sorted(Comparator.comparingLong(SimulatedProvider.Served::arrived)).toList();
        long last = ranges.stream().mapToLong(SimulatedProvider.Served::answered).max().orElse(first);
        long busy = 0;
        long inFlight = 0;
        long coveredTo = first;
        for (SimulatedProvider.Served s : ranges) {
            long from = Math.max(s.arrived(), coveredTo);
            if (s.answered() > from) {
                busy += s.answered() - from;
                coveredTo = s.answered();
            }
            inFlight += s.answered() - s.arrived();
        }
        Map<String, Long> other = new TreeMap<>();
        List<SimulatedProvider.Served> rest = new ArrayList<>(served);
        rest.removeIf(s -> s.arrived() < start || ranges.contains(s));
        for (SimulatedProvider.Served s : rest) {
            String phase = s.arrived() < first ? "start-up" : s.arrived() <= last ? "ranges" : "tail";
            other.merge(phase + " " + s.kind() + (s.rateLimited() ? " (429)" : ""), 1L, Long::sum);
        }
        double span = Math.max(1, last - first);
        return new ServedTimeline((first - start) / 1e9, (last - first) / 1e9, (end - last) / 1e9, busy / span, inFlight / span,
                ranges.size(), other);
    }
}
