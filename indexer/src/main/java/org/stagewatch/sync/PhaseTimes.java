package org.stagewatch.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a backfill's time went, in nanoseconds per phase: {@code fetch} (the decode thread waiting on the node: for
 * the next range of logs from the prefetch, whose workers read eth_getLogs answers ahead, for the headers and
 * chain checks, and for the probe readings a range owes), {@code decode} (decoding, projecting and packing the logs, on the decode thread), {@code wait}
 * (the writer idle, waiting for the pipeline), {@code write} (adding ranges to the open transaction and committing
 * it) and {@code reads} (eth_call state reads after a commit). Fetch and decode are the decode thread's time
 * apart from waiting for the writer, and overlap the writer's (see {@link RangePipeline}); wait, write and reads
 * add up to the writer's elapsed time.
 * {@code bench backfill} prints them so a slow run says which side was slow.
 */
public final class PhaseTimes {
    private final AtomicLong fetch = new AtomicLong();
    private final AtomicLong wait = new AtomicLong();
    private final AtomicLong decode = new AtomicLong();
    private final AtomicLong write = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();

    void addFetch(long nanos) {
        fetch.addAndGet(nanos);
    }

    void addWait(long nanos) {
        wait.addAndGet(nanos);
    }

    void addDecode(long nanos) {
        decode.addAndGet(nanos);
    }

    void addWrite(long nanos) {
        write.addAndGet(nanos);
    }

    void addReads(long nanos) {
        reads.addAndGet(nanos);
    }

    /** Seconds per phase, in the order fetch, wait, decode, write, reads. */
    public Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("fetch", fetch.get() / 1e9);
        seconds.put("wait", wait.get() / 1e9);
        seconds.put("decode", decode.get() / 1e9);
        seconds.put("write", write.get() / 1e9);
        seconds.put("reads", reads.get() / 1e9);
        return seconds;
    }
}
