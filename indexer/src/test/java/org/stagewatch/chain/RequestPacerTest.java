package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link RequestPacer}: requests spaced at least 1/rps (with its margin) apart, one pacer per URL and rate. */
class RequestPacerTest {
    @Test
    void shouldSpaceRequestsAtLeastTheIntervalApart() throws Exception {
        RequestPacer pacer = new RequestPacer(200); // 5.25 ms apart
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            pacer.await();
        }
        // the first leaves at once, each of the 19 others at least an interval after the one before it
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(19 * Math.round(1e9 * (1 + RequestPacer.MARGIN) / 200));
    }

    @Test
    void shouldShareOnePacerAmongTheEndpointsOfOneUrlAndRate() {
        RequestPacer pacer = RequestPacer.shared("http://127.0.0.1:1/v3/key", 25);
        assertThat(RequestPacer.shared("http://127.0.0.1:1/v3/key", 25)).isSameAs(pacer);
        assertThat(RequestPacer.shared("http://127.0.0.1:2/v3/key", 25)).isNotSameAs(pacer);
        assertThat(RequestPacer.shared("http://127.0.0.1:1/v3/key", 10)).isNotSameAs(pacer);
    }
}
