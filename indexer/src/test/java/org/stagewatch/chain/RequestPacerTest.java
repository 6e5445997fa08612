package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
    void shouldSpaceABatchByItsCallsAndKeepAnySecondWithinTheRate() throws Exception {
        RequestPacer pacer = new RequestPacer(100); // 10.5 ms a call, at most 100 calls within any 1.05 s
        pacer.await(20);
        long batch = System.nanoTime();
        pacer.await();
        long next = System.nanoTime();
        assertThat(next - batch).as("a batch of 20 holds the next request back 20 intervals").isGreaterThanOrEqualTo(20 * Math.round(1e9 * 1.05 / 100));

        // batches of 30 then single calls: spaced by calls alone, the second after a batch would hold 30 + 95 calls
        List<long[]> left = new ArrayList<>(); // {when, calls}
        long until = System.nanoTime() + 1_600_000_000L;
        for (int i = 0; System.nanoTime() < until; i++) {
            int calls = i % 10 == 0 ? 30 : 1;
            pacer.await(calls);
            left.add(new long[] {System.nanoTime(), calls});
        }
        for (long[] first : left) {
            long inSecond = left.stream().filter(l -> l[0] >= first[0] && l[0] - first[0] < 1_000_000_000L).mapToLong(l -> l[1]).sum();
            assertThat(inSecond).as("calls within a second from %d", first[0]).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void shouldNotCountARequestNoLongerToBeSentAtItsTurn() throws Exception {
        RequestPacer pacer = new RequestPacer(10); // 105 ms a call
        pacer.await();
        long first = System.nanoTime();
        // a batch of 5 cut while it waited (its endpoint learned a smaller batch cap): not sent, so not counted
        assertThat(pacer.await(5, () -> false)).isFalse();
        assertThat(pacer.await(1, () -> true)).isTrue();
        // one interval after the first, not the 5 × 105 ms the cut batch would have held it back
        assertThat(System.nanoTime() - first).isBetween(100_000_000L, 400_000_000L);
    }

    @Test
    void shouldSizeBatchesSoThatBackToBackTheyFillEverySecondWithinTheRate() {
        assertThat(Endpoint.rateBatch(100, 300)).isEqualTo(29); // counting 30, a tenth of the rate: ten a second, 300
        assertThat(Endpoint.rateBatch(100, 25)).isEqualTo(1); // a tenth is 2.5, and a batch of 2 counts 3
        assertThat(Endpoint.rateBatch(5, 40)).isEqualTo(3); // counting 4: ten a second
        assertThat(Endpoint.rateBatch(100, 2_000)).isEqualTo(100); // the batch size the provider takes: counting 101, within a tenth
        assertThat(Endpoint.rateBatch(100, 2)).isEqualTo(1);
        for (double rps : new double[] {3, 7, 25, 40, 91, 99, 300, 1_000, 2_000}) {
            int size = Endpoint.rateBatch(100, rps);
            int counted = Endpoint.metered(size);
            assertThat(counted).as("%s calls/s: batches of %d", rps, size).isLessThanOrEqualTo((int) Math.max(1, rps / 10));
            // batches paced back to back, one every counted × 1.05/rps: the most that start within any second
            long inSecond = (long) Math.ceil(rps / (1.05 * counted)) * counted;
            assertThat(inSecond).as("%s calls/s in batches of %d", rps, size).isLessThanOrEqualTo((long) rps);
        }
    }

    @Test
    void shouldLetTheWaitingRequestOfHighestPriorityGoFirst() throws Exception {
        RequestPacer pacer = new RequestPacer(10); // 105 ms apart
        pacer.await(); // the next turn is ≈ 105 ms away: the three below all wait for it
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        // they arrive header batch first, state read last: they leave state read, eth_getLogs, header batch
        for (var request : List.of(Map.entry("header batch", RequestPriority.range(5)), Map.entry("eth_getLogs", RequestPriority.logs(8)),
                Map.entry("state read", RequestPriority.FIRST))) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    RequestPriority.with(request.getValue(), () -> {
                        pacer.await();
                        order.add(request.getKey());
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            Thread.sleep(15);
        }
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        assertThat(order).containsExactly("state read", "eth_getLogs", "header batch");
    }

    @Test
    void shouldShareOnePacerAmongTheEndpointsOfOneUrlAndRate() {
        RequestPacer pacer = RequestPacer.shared("http://127.0.0.1:1/v3/key", 25);
        assertThat(RequestPacer.shared("http://127.0.0.1:1/v3/key", 25)).isSameAs(pacer);
        assertThat(RequestPacer.shared("http://127.0.0.1:2/v3/key", 25)).isNotSameAs(pacer);
        assertThat(RequestPacer.shared("http://127.0.0.1:1/v3/key", 10)).isNotSameAs(pacer);
    }
}
