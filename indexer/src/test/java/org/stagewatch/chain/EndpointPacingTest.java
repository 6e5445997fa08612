package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stagewatch.chain.JsonRpcStub.Answer;

/**
 * How an endpoint paces its requests against a scripted provider on loopback: the configured request rate over any
 * second, a Retry-After holding every request, and requests in flight converging on what a provider with a
 * concurrency cap takes.
 */
class EndpointPacingTest {
    private static final long SECOND = 1_000_000_000L;

    private static String chainId(JsonNode request) {
        return JsonRpcStub.result(request, "\"0x1\"");
    }

    /** Calls eth_chainId {@code each} times from each of {@code threads} threads at once. */
    private static void hammer(RpcClient client, int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        assertThat(client.chainId()).isEqualTo(1);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldNeverSendMoreThanTheConfiguredRateInAnySecond() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        try (var stub = new JsonRpcStub(request -> {
            arrivals.add(System.nanoTime());
            return new Answer(200, Map.of(), chainId(request), 30);
        }); var client = new RpcClient(List.of(stub.url()), new RpcSettings(Duration.ofSeconds(5), 2, 20, 8))) {
            hammer(client, 16, 5);
        }
        assertThat(arrivals).hasSize(80);
        // as a provider's token bucket of one second's worth counts them: the stub's handler timestamps arrivals when a
        // thread of its own gets to run, which on a loaded machine can bunch requests that left evenly spaced
        assertThat(refusedByTokenBucket(arrivals, 20)).as("requests a 20-rps token bucket would refuse").isZero();
    }

    /** How many of the arrivals a token bucket of {@code rps} tokens, refilled at {@code rps} a second, would refuse. */
    private static int refusedByTokenBucket(List<Long> arrivals, int rps) {
        List<Long> sorted = new ArrayList<>(arrivals);
        sorted.sort(null);
        double tokens = rps;
        long last = sorted.get(0);
        int refused = 0;
        for (long at : sorted) {
            tokens = Math.min(rps, tokens + (at - last) * rps / (double) SECOND);
            last = at;
            if (tokens >= 1) {
                tokens -= 1;
            } else {
                refused++;
            }
        }
        return refused;
    }

    @Test
    void shouldHoldEveryRequestUntilTheRetryAfterHasPassed() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        List<Long> refusals = new CopyOnWriteArrayList<>();
        AtomicInteger seen = new AtomicInteger();
        try (var stub = new JsonRpcStub(request -> {
            long now = System.nanoTime();
            arrivals.add(now);
            if (seen.incrementAndGet() <= 3) {
                refusals.add(now);
                return new Answer(429, Map.of("Retry-After", "2"), "{\"error\":\"rate limited\"}", 20);
            }
            return new Answer(200, Map.of(), chainId(request), 20);
        }); var client = new RpcClient(List.of(stub.url()), new RpcSettings(Duration.ofSeconds(5), 4, 0, 4))) {
            hammer(client, 4, 5);
        }
        long firstRefusal = refusals.stream().mapToLong(Long::longValue).min().orElseThrow();
        long lastRefusal = refusals.stream().mapToLong(Long::longValue).max().orElseThrow();
        // the burst arrived together; requests already on their way when the refusals were read may still arrive just
        // after them, but from 300 ms on nothing until the two seconds the provider asked for have passed
        assertThat(arrivals).filteredOn(at -> at > lastRefusal + 300_000_000L && at < firstRefusal + 1_900_000_000L)
                .as("requests sent while the Retry-After ran").isEmpty();
        assertThat(arrivals).hasSize(23);
    }

    @Test
    void shouldConvergeOnTheConcurrencyAProviderTakes() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        try (var stub = new JsonRpcStub(request -> {
            try {
                if (inFlight.incrementAndGet() > 6) {
                    refused.incrementAndGet();
                    return new Answer(429, Map.of(), "{\"error\":\"too many concurrent requests\"}", 0);
                }
                Thread.sleep(40);
                answered.incrementAndGet();
                return Answer.ok(chainId(request));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }); var client = new RpcClient(List.of(stub.url()), new RpcSettings(Duration.ofSeconds(5), 10, 0, 2))) {
            hammer(client, 24, 15);
            assertThat(answered.get()).isEqualTo(24 * 15);
            assertThat(client.concurrencyLimit()).as("grown from 2, held near the provider's 6").isBetween(3, 9);
            assertThat(refused.get()).as("429s while probing").isLessThan(answered.get() / 10);
        }
    }
}
