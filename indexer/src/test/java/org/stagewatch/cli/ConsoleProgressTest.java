package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stagewatch.sync.SyncProgress;

/** The progress line's ETA: the run so far extrapolated, or the calls still to send at a configured rate. */
class ConsoleProgressTest {
    @Test
    void shouldExtrapolateTheRunWithoutARate() {
        // a quarter of the blocks in 10 s: 30 s to go
        assertThat(ConsoleProgress.etaSeconds(10, 250, 1_000, null)).isEqualTo(30);
        assertThat(ConsoleProgress.etaSeconds(10, 250, 1_000, new SyncProgress.Requests(2, 4, 100, 0, 5_000))).isEqualTo(30);
    }

    @Test
    void shouldNotPromiseLessThanTheCallsStillToSendAtTheRate() {
        // 250 blocks took 500 calls (each header of a batch counted): 750 blocks to go are 1,500 calls, 60 s at 25/s,
        // though the first quarter went in 10 s (an early burst of the provider's bucket, or ranges without events)
        var requests = new SyncProgress.Requests(3, 4, 100, 25, 500);
        assertThat(ConsoleProgress.etaSeconds(10, 250, 1_000, requests)).isEqualTo(60);
        // when the run is slower than the rate, its own pace
        assertThat(ConsoleProgress.etaSeconds(100, 250, 1_000, requests)).isEqualTo(300);
        assertThat(ConsoleProgress.etaSeconds(10, 0, 1_000, requests)).isZero();
    }
}
