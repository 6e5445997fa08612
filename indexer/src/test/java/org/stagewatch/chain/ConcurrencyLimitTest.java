package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The adaptive limit on requests in flight: grows while answers come back well, cut on 429s and timeouts. */
class ConcurrencyLimitTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Lets out as many requests as the limit allows and answers them all as {@code outcome} with {@code latency}. */
    private static void round(ConcurrencyLimit limit, ConcurrencyLimit.Outcome outcome, long latency) throws InterruptedException {
        List<Long> sent = new ArrayList<>();
        for (int i = limit.limit(); i > 0; i--) {
            sent.add(limit.acquire());
        }
        sent.forEach(at -> limit.release(at, outcome, latency));
    }

    @Test
    void shouldGrowFromTheConfiguredLimitWhileLatencyStaysFlat() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(4);
        for (int i = 0; i < 5; i++) {
            round(limit, ConcurrencyLimit.Outcome.OK, 50 * MS);
        }
        assertThat(limit.limit()).isGreaterThan(16);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void shouldCutOnceForAllTheRequestsOutWhenTheFirst429CameBack() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(20);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(limit.acquire());
        }
        sent.forEach(at -> limit.release(at, ConcurrencyLimit.Outcome.DROPPED, 50 * MS));
        assertThat(limit.limit()).isEqualTo((int) (20 * ConcurrencyLimit.BACKOFF));
        // sent after the cut: a new 429 cuts again
        limit.release(limit.acquire(), ConcurrencyLimit.Outcome.DROPPED, 50 * MS);
        assertThat(limit.limit()).isEqualTo((int) ((int) (20 * ConcurrencyLimit.BACKOFF) * ConcurrencyLimit.BACKOFF));
    }

    @Test
    void shouldGrowOnlyByOneAWindowAfterACut() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(10);
        limit.release(limit.acquire(), ConcurrencyLimit.Outcome.DROPPED, 50 * MS);
        int cut = limit.limit();
        round(limit, ConcurrencyLimit.Outcome.OK, 50 * MS);
        assertThat(limit.limit()).as("a window is as many answers as the limit").isBetween(cut, cut + 1);
        for (int i = 0; i < 3; i++) {
            round(limit, ConcurrencyLimit.Outcome.OK, 50 * MS);
        }
        assertThat(limit.limit()).isBetween(cut + 1, cut + 4);
    }

    @Test
    void shouldNotGrowWhileLatencyRises() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(4);
        for (int i = 0; i < 3; i++) {
            round(limit, ConcurrencyLimit.Outcome.OK, 50 * MS);
        }
        int before = limit.limit();
        assertThat(before).isLessThan(ConcurrencyLimit.CEILING);
        // two windows of answers ten times slower: rising against the long-run average (which follows a lasting change
        // only slowly, so that a new level of latency becomes, after some fifty answers, the one to compare with)
        for (int i = 0; i < 2; i++) {
            round(limit, ConcurrencyLimit.Outcome.OK, 500 * MS);
        }
        assertThat(limit.limit()).isEqualTo(before);
    }

    @Test
    void shouldNotGrowPastWhatTheConfiguredRateCanUse() throws Exception {
        // 20 requests/s at 50 ms: one on the wire; 4 places are more than 1.5 × 1 + 2
        ConcurrencyLimit slow = new ConcurrencyLimit(4, 20);
        for (int i = 0; i < 5; i++) {
            round(slow, ConcurrencyLimit.Outcome.OK, 50 * MS);
        }
        assertThat(slow.limit()).isEqualTo(4);
        // 300 requests/s at 50 ms: 15 on the wire; it grows to the first limit past 1.5 × 15 + 2 = 24.5, and no further
        ConcurrencyLimit fast = new ConcurrencyLimit(4, 300);
        for (int i = 0; i < 10; i++) {
            round(fast, ConcurrencyLimit.Outcome.OK, 50 * MS);
        }
        assertThat(fast.limit()).isEqualTo(25);
    }

    @Test
    void shouldTakeTheLimitToWhatTheConfiguredRateNeedsAtTheFirstAnswer() throws Exception {
        // 300 requests/s at 50 ms: 15 on the wire, plus 2 — at once, where growing by one an answer from 4 takes a round
        // of answers per step, and whether or not the limit was in use
        ConcurrencyLimit limit = new ConcurrencyLimit(4, 300);
        limit.release(limit.acquire(), ConcurrencyLimit.Outcome.OK, 50 * MS);
        assertThat(limit.limit()).isEqualTo(17);
        // without a rate, one answer is one more place at most
        ConcurrencyLimit unpaced = new ConcurrencyLimit(4);
        unpaced.release(unpaced.acquire(), ConcurrencyLimit.Outcome.OK, 50 * MS);
        assertThat(unpaced.limit()).isEqualTo(4);
        // after a 429 the limit is the provider's to set: no jump back to the rate's need
        ConcurrencyLimit cut = new ConcurrencyLimit(4, 300);
        cut.release(cut.acquire(), ConcurrencyLimit.Outcome.DROPPED, 50 * MS);
        cut.release(cut.acquire(), ConcurrencyLimit.Outcome.OK, 50 * MS);
        assertThat(cut.limit()).isLessThan(4);
    }

    @Test
    void shouldKeepGrowingThroughARisingLatencyWhenARateIsConfigured() throws Exception {
        // the same answers as shouldNotGrowWhileLatencyRises, with 300 requests/s configured: at 500 ms that rate needs
        // 150 requests on the wire, so the limit goes on growing (to the ceiling), by one an answer
        ConcurrencyLimit limit = new ConcurrencyLimit(4, 300);
        for (int i = 0; i < 3; i++) {
            round(limit, ConcurrencyLimit.Outcome.OK, 50 * MS);
        }
        int before = limit.limit();
        for (int i = 0; i < 2; i++) {
            round(limit, ConcurrencyLimit.Outcome.OK, 500 * MS);
        }
        assertThat(limit.limit()).isGreaterThan(before + before / 2);
    }

    @Test
    void shouldLetOutTheWaitingRequestOfHighestPriorityFirst() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(1);
        long held = limit.acquire();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> waiting = new ArrayList<>();
        // queued one after another: a later range's headers, an earlier range's, then a range's eth_getLogs
        for (var request : List.of(Map.entry("headers of 5000", RequestPriority.range(5000)),
                Map.entry("headers of 100", RequestPriority.range(100)),
                Map.entry("eth_getLogs of 9000", RequestPriority.logs(9000)))) {
            int before = limit.waiting();
            Thread thread = Thread.ofPlatform().start(() -> {
                try {
                    RequestPriority.with(request.getValue(), () -> {
                        long sent = limit.acquire();
                        order.add(request.getKey());
                        limit.release(sent, ConcurrencyLimit.Outcome.IGNORED, MS);
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waiting.add(thread);
            while (limit.waiting() == before) {
                Thread.sleep(1);
            }
        }
        limit.release(held, ConcurrencyLimit.Outcome.IGNORED, MS);
        for (Thread thread : waiting) {
            thread.join(5_000);
        }
        assertThat(order).containsExactly("eth_getLogs of 9000", "headers of 100", "headers of 5000");
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void shouldNeverGoBelowOneNorAboveTheCeiling() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(2);
        for (int i = 0; i < 10; i++) {
            limit.release(limit.acquire(), ConcurrencyLimit.Outcome.DROPPED, MS);
        }
        assertThat(limit.limit()).isEqualTo(1);
        ConcurrencyLimit growing = new ConcurrencyLimit(4);
        for (int i = 0; i < 200; i++) {
            round(growing, ConcurrencyLimit.Outcome.OK, MS);
        }
        assertThat(growing.limit()).isEqualTo(ConcurrencyLimit.CEILING);
    }
}
