package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stagewatch.chain.JsonRpcStub.Answer;

/** Two eth_getLogs requests in flight against a provider that answers slowly and refuses wide ranges. */
class LogPrefetchTest {
    private static final RpcSettings FAST = new RpcSettings(Duration.ofSeconds(5), 1, 0, 4);

    private static long[] range(JsonNode request) {
        JsonNode filter = request.path("params").get(0);
        return new long[] {Long.decode(filter.path("fromBlock").asText()), Long.decode(filter.path("toBlock").asText())};
    }

    /** One log at the first block of the range asked, so each answer says which request it belongs to. */
    private static String logAt(long block) {
        return """
                [{"blockNumber":"0x%x","blockHash":"0x%064x","transactionHash":"0x%064x","transactionIndex":"0x0",\
                "logIndex":"0x0","address":"0x%040x","topics":["0x%064x"],"data":"0x","removed":false}]"""
                .formatted(block, block, block, 7, 1);
    }

    /**
     * A provider that takes 20 ms an answer, answers "too many results" (suggesting 300 blocks) to every range wider than
     * 300 blocks that starts below block {@code narrowBelow}, and "too wide" to every range reaching block
     * {@code failsFrom} (so a single block there fails too).
     */
    private static Answer slowNarrowProvider(JsonNode request, long narrowBelow, long failsFrom, AtomicInteger inFlight,
                                             AtomicInteger mostInFlight, List<long[]> asked) {
        if (!request.path("method").asText().equals("eth_getLogs")) {
            return Answer.ok(JsonRpcStub.result(request, "null"));
        }
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
        long[] range = range(request);
        asked.add(range);
        if (range[1] >= failsFrom) {
            return Answer.ok(JsonRpcStub.error(request, -32602, "maximum block range: 300"));
        }
        // a dense stretch: too many results there, with the range that fits suggested as Infura does
        return range[0] < narrowBelow && range[1] - range[0] + 1 > 300
                ? Answer.ok(JsonRpcStub.error(request, -32005, "query returned more than 10000 results. Try with this block range [0x%x, 0x%x]."
                        .formatted(range[0], range[0] + 299)))
                : Answer.ok(JsonRpcStub.result(request, logAt(range[0])));
    }

    @Test
    void shouldHandOutContiguousRangesInBlockOrderWithTwoRequestsInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<long[]> asked = new CopyOnWriteArrayList<>();
        try (var stub = new JsonRpcStub(request -> slowNarrowProvider(request, 1_000, Long.MAX_VALUE, inFlight, mostInFlight, asked));
             var client = new RpcClient(List.of(stub.url()), FAST);
             var prefetch = LogPrefetch.of(new LogRangeFetcher(client, 1, 1_000), 0, 4_999, List.of(), List.of(), 2, "test-logs")) {
            List<LogRangeFetcher.Fetched> ranges = new ArrayList<>();
            for (Optional<LogRangeFetcher.Fetched> next = prefetch.next(); next.isPresent(); next = prefetch.next()) {
                ranges.add(next.get());
            }

            assertThat(ranges.get(0).from()).isZero();
            assertThat(ranges.get(ranges.size() - 1).to()).isEqualTo(4_999);
            for (int i = 0; i < ranges.size(); i++) {
                LogRangeFetcher.Fetched fetched = ranges.get(i);
                if (i > 0) {
                    assertThat(fetched.from()).as("range %d starts where range %d ended", i, i - 1).isEqualTo(ranges.get(i - 1).to() + 1);
                }
                // each range carries the answer to its own request
                assertThat(fetched.logs()).extracting(RawLog::blockNumber).containsExactly(fetched.from());
            }
            assertThat(ranges).as("narrowed to 300 blocks below block 1,000").anyMatch(fetched -> fetched.to() - fetched.from() + 1 == 300);
            assertThat(ranges).as("grown back to 1,000 above it").anyMatch(fetched -> fetched.to() - fetched.from() + 1 == 1_000);
            assertThat(mostInFlight.get()).as("requests in flight at once").isEqualTo(2);
            Set<String> failed = new HashSet<>();
            for (long[] range : asked) {
                if (range[0] < 1_000 && range[1] - range[0] + 1 > 300) {
                    assertThat(failed.add(range[0] + "-" + range[1])).as("the same failing range asked twice").isTrue();
                }
            }
        }
    }

    @Test
    void shouldThrowAFailureWhereItsRangeWouldHaveComeOut() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        List<long[]> asked = new CopyOnWriteArrayList<>();
        try (var stub = new JsonRpcStub(request -> slowNarrowProvider(request, 0, 2_500, inFlight, new AtomicInteger(), asked));
             var client = new RpcClient(List.of(stub.url()), FAST);
             var prefetch = LogPrefetch.of(new LogRangeFetcher(client, 1, 250), 0, 4_999, List.of(), List.of(), 2, "test-logs")) {
            long covered = -1;
            while (covered < 2_499) {
                LogRangeFetcher.Fetched fetched = prefetch.next().orElseThrow();
                assertThat(fetched.from()).isEqualTo(covered + 1);
                covered = fetched.to();
            }
            assertThat(covered).isEqualTo(2_499);
            assertThatThrownBy(prefetch::next).isInstanceOf(RpcException.class).hasMessageContaining("single block 2500");
        }
    }

    @Test
    void shouldStartWithAnEighthAQuarterAndHalfOfTheRangeThenAskItWhole() throws Exception {
        List<long[]> asked = new CopyOnWriteArrayList<>();
        try (var stub = new JsonRpcStub(request -> {
                 asked.add(range(request));
                 return Answer.ok(JsonRpcStub.result(request, "[]"));
             });
             var client = new RpcClient(List.of(stub.url()), FAST);
             var prefetch = new LogPrefetch<>(new LogRangeFetcher(client, 1, 1_000), 0, 4_999, List.of(), List.of(), () -> 1,
                     Long.MAX_VALUE, Function.identity(), "test-logs")) {
            List<String> ranges = new ArrayList<>();
            for (Optional<LogRangeFetcher.Fetched> next = prefetch.next(); next.isPresent(); next = prefetch.next()) {
                ranges.add(next.get().from() + "-" + next.get().to());
            }

            assertThat(ranges).containsExactly("0-124", "125-374", "375-874", "875-1874", "1875-2874", "2875-3874", "3875-4874",
                    "4875-4999");
            assertThat(asked).extracting(range -> range[0] + "-" + range[1]).containsExactlyElementsOf(ranges);
        }
    }

    @Test
    void shouldAskTheGapOfANarrowedAnswerBeforeThatRangeIsTakenFurther() throws Exception {
        // ranges 0-299, 300-899 (narrowed to 300-599), then 900-999: the gap 600-899 is asked while 300-599 is still
        // being taken further (its headers, under a request rate, can take seconds), not once that step is done
        AtomicInteger inFlight = new AtomicInteger();
        List<long[]> asked = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean gapAskedMeanwhile = new java.util.concurrent.atomic.AtomicBoolean();
        Function<LogRangeFetcher.Fetched, LogRangeFetcher.Fetched> headers = fetched -> {
            if (fetched.from() == 300) {
                long until = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < until && !gapAskedMeanwhile.get()) {
                    gapAskedMeanwhile.set(asked.stream().anyMatch(range -> range[0] == 600));
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return fetched;
        };
        try (var stub = new JsonRpcStub(request -> slowNarrowProvider(request, Long.MAX_VALUE, Long.MAX_VALUE, inFlight, new AtomicInteger(), asked));
             var client = new RpcClient(List.of(stub.url()), FAST);
             var prefetch = new LogPrefetch<>(new LogRangeFetcher(client, 1, 2_400), 0, 999, List.of(), List.of(), () -> 4,
                     Long.MAX_VALUE, headers, "test-logs")) {
            List<String> ranges = new ArrayList<>();
            for (Optional<LogRangeFetcher.Fetched> next = prefetch.next(); next.isPresent(); next = prefetch.next()) {
                ranges.add(next.get().from() + "-" + next.get().to());
            }

            assertThat(ranges).startsWith("0-299", "300-599").endsWith("900-999");
            assertThat(gapAskedMeanwhile).as("the gap asked while 300-599 was taken further").isTrue();
        }
    }

    @Test
    void shouldAskTheGapANarrowedAnswerLeftInSeveralRequestsAtOnce() throws Exception {
        // the first request asks the whole interval, [0, 999]; the provider narrows every range over 300 blocks to 300:
        // the 700 blocks left go as three requests in flight together, not one narrowed request after another
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<long[]> asked = new CopyOnWriteArrayList<>();
        try (var stub = new JsonRpcStub(request -> slowNarrowProvider(request, Long.MAX_VALUE, Long.MAX_VALUE, inFlight, mostInFlight, asked));
             var client = new RpcClient(List.of(stub.url()), FAST);
             var prefetch = LogPrefetch.of(new LogRangeFetcher(client, 1, 1_000), 0, 999, List.of(), List.of(), 4, "test-logs")) {
            List<String> ranges = new ArrayList<>();
            for (Optional<LogRangeFetcher.Fetched> next = prefetch.next(); next.isPresent(); next = prefetch.next()) {
                ranges.add(next.get().from() + "-" + next.get().to());
            }

            assertThat(ranges).containsExactly("0-299", "300-599", "600-899", "900-999");
            assertThat(asked).extracting(range -> range[0] + "-" + range[1]).startsWith("0-999", "0-299")
                    .contains("300-599", "600-899", "900-999").doesNotContain("300-999");
            assertThat(mostInFlight.get()).as("the gap's requests in flight at once").isEqualTo(3);
        }
    }
}
