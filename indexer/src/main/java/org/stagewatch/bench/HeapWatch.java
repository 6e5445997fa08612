package org.stagewatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The peak of the heap in use while a benchmark runs, polled every millisecond. Summing each memory
 * pool's own peak would overstate it (the pools peak at different moments); polling the total may
 * miss a peak shorter than the interval, which matters little next to a million-delegate working set.
 */
final class HeapWatch {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapWatch() {
        poller = Thread.ofPlatform().daemon().name("heap-watch").start(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static HeapWatch start() {
        return new HeapWatch();
    }

    /** Stops polling; the highest heap use seen, in bytes. */
    long stop() {
        running = false;
        poller.interrupt();
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }
}
