package org.stagewatch.cli;

import java.io.PrintStream;
import java.time.Instant;

import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.report.TokenUnits;

/**
 * How {@code metrics} prints a {@link MetricsPoint} for people: a table with each definition next to its
 * number (the JSON and CSV shapes are {@link org.stagewatch.query.Documents}'s, shared with the HTTP API).
 */
final class MetricsOutput {
    private MetricsOutput() {
    }

    static void human(PrintStream out, MetricsPoint point, TokenUnits units) {
        Concentration metrics = point.byAddress();
        out.printf("DAO '%s', token %s on chain %d, at block %,d (%s); amounts %s%n", point.dao(), point.token(), point.chainId(),
                point.block(), point.timestamp() == null ? "time unknown" : Instant.ofEpochSecond(point.timestamp()),
                units.describe());
        if (point.timeNote() != null) {
            out.println("  " + point.timeNote());
        }
        MetricsTable.print(out, metrics, point.byEntity(), point, units);
    }
}
