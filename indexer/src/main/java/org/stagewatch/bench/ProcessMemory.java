package org.stagewatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident set (Linux {@code VmHWM}): heap, metaspace, thread stacks, code cache and direct
 * buffers together, what the machine must actually hold. Elsewhere than Linux it is unknown (0).
 */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Starts the peak afresh at the current resident set (Linux: {@code echo 5 > /proc/self/clear_refs}). */
    public static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: the peak then covers the whole process
        }
    }

    /** The peak resident set in bytes since the last reset (or the process start); 0 when unknown. */
    public static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
