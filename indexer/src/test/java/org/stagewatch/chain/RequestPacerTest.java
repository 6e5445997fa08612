package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When {@link RequestPacer} reports the rate as what holds requests back, and when not. */
class RequestPacerTest {
    @Test
    void shouldBeSaturatedWhenRequestsLeaveBackToBack() throws Exception {
        // 52.5 ms apart: a loaded machine oversleeps by a few milliseconds, far inside the 20 % that still counts as
        // back to back (at 5 ms apart the same oversleep alone read as "not saturated")
        RequestPacer pacer = new RequestPacer(20);
        assertThat(pacer.saturated()).isFalse();
        for (int i = 0; i < 20; i++) {
            pacer.await();
        }
        assertThat(pacer.saturated()).isTrue();
    }

    @Test
    void shouldNotBeSaturatedByBurstsThatWaitOnlyForEachOther() throws Exception {
        RequestPacer pacer = new RequestPacer(200);
        boolean anyWaited = false;
        // four let out together, then an answer's latency of quiet: each burst waits for its own spacing, yet the
        // rate is used at a quarter of what it allows
        for (int burst = 0; burst < 10; burst++) {
            for (int i = 0; i < 4; i++) {
                anyWaited |= pacer.await();
            }
            Thread.sleep(50);
        }
        assertThat(anyWaited).isTrue();
        assertThat(pacer.saturated()).isFalse();
    }
}
