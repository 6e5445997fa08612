package org.stagewatch.report;

import java.util.Locale;

/** Seconds as people read them next to the exact number: "1,500,216 s (17.4 d)". */
public final class Durations {
    private Durations() {
    }

    public static String of(long seconds) {
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%,d s", seconds);
        }
        return seconds < 86_400 ? String.format(Locale.ROOT, "%,d s (%.1f h)", seconds, seconds / 3_600.0)
                : String.format(Locale.ROOT, "%,d s (%.2f d)", seconds, seconds / 86_400.0);
    }
}
