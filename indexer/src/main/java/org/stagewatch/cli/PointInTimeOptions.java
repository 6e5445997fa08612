package org.stagewatch.cli;

import java.time.Instant;

import org.stagewatch.analyze.Instants;
import picocli.CommandLine.Option;

/** {@code --block N} or {@code --at ISO-8601}; neither means the indexed head. */
final class PointInTimeOptions {
    @Option(names = "--block", paramLabel = "N", description = "answer as of this block (default: the indexed head)")
    Long block;

    @Option(names = "--at", paramLabel = "ISO-8601", description = "answer as of this time, e.g. 2025-01-31T00:00:00Z")
    String at;

    Instant instant() {
        return at == null ? null : Instants.parse(at, "--at");
    }
}
