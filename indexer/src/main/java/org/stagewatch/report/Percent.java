package org.stagewatch.report;

import java.math.BigDecimal;
import java.util.Locale;

/** A share as people read it in tables and documents: a percentage to two places ("12.34%"). */
public final class Percent {
    private Percent() {
    }

    public static String of(BigDecimal share) {
        return String.format(Locale.ROOT, "%.2f%%", share.doubleValue() * 100);
    }
}
