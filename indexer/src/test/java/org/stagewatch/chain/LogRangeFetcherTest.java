package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stagewatch.chain.JsonRpcStub.Answer;

/** The fetcher against a provider that refuses ranges wider than a limit. */
class LogRangeFetcherTest {
    private static final RpcSettings FAST = new RpcSettings(Duration.ofSeconds(2), 1, 0, 4);

    private static long[] range(JsonNode request) {
        JsonNode filter = request.path("params").get(0);
        return new long[] {Long.decode(filter.path("fromBlock").asText()), Long.decode(filter.path("toBlock").asText())};
    }

    @Test
    void shouldShrinkToTheSuggestedRangeAndCoverEveryBlockOnce() throws Exception {
        List<long[]> asked = new ArrayList<>();
        try (var stub = new JsonRpcStub(request -> {
            long[] range = range(request);
            asked.add(range);
            return range[1] - range[0] + 1 > 300
                    ? Answer.ok(JsonRpcStub.error(request, -32602, "maximum block range: 300"))
                    : Answer.ok(JsonRpcStub.result(request, "[]"));
        }); var client = new RpcClient(List.of(stub.url()), FAST)) {
            LogRangeFetcher fetcher = new LogRangeFetcher(client, 1, 2_000);
            List<long[]> covered = new ArrayList<>();
            for (long next = 0; next <= 1_999; ) {
                var fetched = fetcher.next(next, 1_999, List.of(), List.of());
                covered.add(new long[] {fetched.from(), fetched.to()});
                next = fetched.to() + 1;
            }
            assertThat(covered.get(0)).containsExactly(0, 299);
            assertThat(covered.get(covered.size() - 1)[1]).isEqualTo(1_999);
            for (int i = 1; i < covered.size(); i++) {
                assertThat(covered.get(i)[0]).isEqualTo(covered.get(i - 1)[1] + 1);
            }
            Set<String> failed = new HashSet<>();
            for (long[] range : asked) {
                if (range[1] - range[0] + 1 > 300) {
                    assertThat(failed.add(range[0] + "-" + range[1])).as("the same failing range asked twice").isTrue();
                }
            }
        }
    }

    @Test
    void shouldHalveWhenTheProviderSuggestsNothingAndGrowBackAfterSuccesses() throws Exception {
        try (var stub = new JsonRpcStub(request -> {
            long[] range = range(request);
            return range[0] < 1_000 && range[1] - range[0] + 1 > 250
                    ? Answer.ok(JsonRpcStub.error(request, -32005, "query returned more than 10000 results"))
                    : Answer.ok(JsonRpcStub.result(request, "[]"));
        }); var client = new RpcClient(List.of(stub.url()), FAST)) {
            LogRangeFetcher fetcher = new LogRangeFetcher(client, 1, 1_000);
            var first = fetcher.next(0, 100_000, List.of(), List.of());
            assertThat(first.to() - first.from() + 1).isEqualTo(250);
            long next = first.to() + 1;
            while (next < 1_000) {
                next = fetcher.next(next, 100_000, List.of(), List.of()).to() + 1;
            }
            for (int i = 0; i < 2 * LogRangeFetcher.GROW_AFTER; i++) {
                next = fetcher.next(next, 100_000, List.of(), List.of()).to() + 1;
            }
            assertThat(fetcher.currentRange()).isEqualTo(1_000);
        }
    }

    @Test
    void shouldStopWhenASingleBlockIsStillTooLarge() throws Exception {
        try (var stub = new JsonRpcStub(request -> Answer.ok(JsonRpcStub.error(request, -32005, "query returned more than 10000 results")));
             var client = new RpcClient(List.of(stub.url()), FAST)) {
            assertThatThrownBy(() -> new LogRangeFetcher(client, 1, 8).next(0, 100, List.of(), List.of()))
                    .isInstanceOf(RpcException.class).hasMessageContaining("single block 0");
            assertThat(stub.count("eth_getLogs")).isEqualTo(4);
        }
    }
}
