package org.stagewatch.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.Option;

/** {@code --block N} or {@code --at ISO-8601}; neither means the indexed head. */
final class PointInTimeOptions {
    @Option(names = "--block", paramLabel = "N", description = "answer as of this block (default: the indexed head)")
    Long block;

    @Option(names = "--at", paramLabel = "ISO-8601", description = "answer as of this time, e.g. 2025-01-31T00:00:00Z")
    String at;

    Instant instant() {
        if (at == null) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(at).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw new UserError("--at '" + at + "' is not an ISO-8601 instant (e.g. 2025-01-31T00:00:00Z) or date (2025-01-31)");
            }
        }
    }
}
