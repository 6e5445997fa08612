package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
    void shouldNotGrowWhileTheRequestRateBinds() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(4);
        for (int i = 0; i < 5; i++) {
            limit.waitedForRate();
            round(limit, ConcurrencyLimit.Outcome.OK, 50 * MS);
        }
        assertThat(limit.limit()).isEqualTo(4);
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
