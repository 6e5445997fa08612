package org.stagewatch.cli;

import java.nio.file.Path;

import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.report.PaperChart;
import picocli.CommandLine.Option;

/**
 * The options of a command that answers at one point or along a series ({@code metrics}, {@code equalizer}):
 * {@code --series --every STEP [--from] [--to] [--chart FILE]}, and the one check of how they go together
 * with {@code --block}/{@code --at}.
 */
final class SeriesOptions {
    @Option(names = "--series", description = "a time series instead of one point (needs --every)")
    boolean series;

    @Option(names = "--every", paramLabel = "STEP", description = "series step: <N>blocks, <N>d or <N>h (e.g. 50000blocks, 1d, 7d)")
    String every;

    @Option(names = "--from", paramLabel = "BLOCK|ISO",
            description = "series start (default: the start block of the contract the series steps along, the votes token)")
    String from;

    @Option(names = "--to", paramLabel = "BLOCK|ISO", description = "series end (default: the indexed head)")
    String to;

    @Option(names = "--chart", paramLabel = "FILE", description = "also draw the series into FILE (.png or .svg)")
    Path chart;

    /** The series asked for, checked before anything is opened; null for one point in time. */
    SeriesPlan plan(PointInTimeOptions pointInTime) {
        if (!series) {
            for (var option : new Object[][] {{"--every", every}, {"--from", from}, {"--to", to}, {"--chart", chart}}) {
                if (option[1] != null) {
                    throw new UserError(option[0] + " needs --series");
                }
            }
            return null;
        }
        if (pointInTime.block != null || pointInTime.at != null) {
            throw new UserError("--block/--at pick one point; a --series takes --from and --to instead");
        }
        if (every == null) {
            throw new UserError("--series needs --every <N>blocks, <N>d or <N>h");
        }
        SeriesPlan plan = new SeriesPlan(every, from, to);
        plan.validate();
        if (chart != null && !PaperChart.supports(chart)) {
            throw new UserError("--chart " + chart + ": the file name must end in .png or .svg");
        }
        return plan;
    }
}
