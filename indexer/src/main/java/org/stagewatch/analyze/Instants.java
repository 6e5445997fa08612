package org.stagewatch.analyze;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** ISO-8601 instants ({@code 2025-01-31T00:00:00Z}) or dates ({@code 2025-01-31}, midnight UTC) as options take them. */
public final class Instants {
    private Instants() {
    }

    public static Instant parse(String text, String option) {
        return parse(text, option, "");
    }

    /** @param alternative what else the option accepts, for the message (e.g. ", nor a block number") */
    public static Instant parse(String text, String option, String alternative) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw new AnalyzeException("%s '%s' is not an ISO-8601 instant (e.g. 2025-01-31T00:00:00Z) or date (2025-01-31)%s"
                        .formatted(option, text, alternative));
            }
        }
    }
}
