package org.stagewatch.bench;

import java.time.Duration;

/**
 * The CPU time a process has used, user and system, all its threads together, as the operating system counts it (on
 * Linux in clock ticks, 10 ms); zero where it does not tell. A benchmark reads it before and after what it measures to
 * say whether a wall time was spent waiting or computing.
 */
public final class CpuTime {
    private CpuTime() {
    }

    /** CPU time of this JVM so far. */
    public static Duration self() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU time of process {@code pid} so far; zero when it is gone or not ours to read. */
    public static Duration of(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
    }
}
