package org.stagewatch.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap of one benchmark phase: the JVM's per-pool peaks, reset at the start of the phase and
 * summed at its end (an upper bound: pools may peak at different moments).
 */
final class HeapWatch {
    private HeapWatch() {
    }

    static void reset() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakBytes() {
        return heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static java.util.stream.Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP);
    }
}
