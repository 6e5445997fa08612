package org.stagewatch.sync;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a backfill's time went, in nanoseconds per phase: {@code fetch} (eth_getLogs and headers, JSON
 * included, on the fetch thread), {@code wait} (the writer idle, waiting for the fetcher), {@code decode}
 * (decoding and projecting), {@code write} (the range's transaction) and {@code reads} (eth_call state
 * reads after a range). Fetch overlaps the rest; the writer's phases add up to its elapsed time.
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
    public java.util.Map<String, Double> seconds() {
        java.util.Map<String, Double> seconds = new java.util.LinkedHashMap<>();
        seconds.put("fetch", fetch.get() / 1e9);
        seconds.put("wait", wait.get() / 1e9);
        seconds.put("decode", decode.get() / 1e9);
        seconds.put("write", write.get() / 1e9);
        seconds.put("reads", reads.get() / 1e9);
        return seconds;
    }
}
