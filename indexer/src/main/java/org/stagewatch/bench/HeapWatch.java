package org.stagewatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.stream.Stream;

/**
 * Peak heap of a benchmark, measured one of two ways (each benchmark says which it prints):
 * <ul>
 *   <li><b>polled</b> ({@link #start}/{@link #stop}, {@code bench metrics}): the heap in use, as one total, every
 *       millisecond. Polling may miss a peak shorter than the interval, which matters little next to a
 *       million-delegate working set;</li>
 *   <li><b>pool peaks</b> ({@link #resetPoolPeaks}/{@link #poolPeakBytes}, {@code bench backfill}): the JVM's own
 *       peak of each heap pool since the reset, summed. It misses nothing, and overstates (the pools peak at
 *       different moments): an upper bound, the safe side for a heap target.</li>
 * </ul>
 */
public final class HeapWatch {
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

    /** Starts polling. */
    public static HeapWatch start() {
        return new HeapWatch();
    }

    /** Stops polling; the highest heap use seen, in bytes. */
    public long stop() {
        running = false;
        poller.interrupt();
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    /** Collects garbage and starts every heap pool's peak afresh. */
    public static void resetPoolPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The heap pools' peaks since {@link #resetPoolPeaks}, summed (an upper bound of the peak heap), in bytes. */
    public static long poolPeakBytes() {
        return heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP);
    }
}
