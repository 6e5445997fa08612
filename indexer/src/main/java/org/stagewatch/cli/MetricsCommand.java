package org.stagewatch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.Labels;
import org.stagewatch.analyze.MetricsAnalyzer;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stagewatch metrics}: voting-power concentration at a block, or as a series with an optional chart. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Voting-power concentration (Nakamoto, top-N shares, Gini, HHI, entropy) at a block or over time.")
final class MetricsCommand implements Callable<Integer> {
    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--csv", description = "print CSV, one row per point")
    boolean csv;

    @Option(names = "--series", description = "a time series instead of one point (needs --every)")
    boolean series;

    @Option(names = "--every", paramLabel = "STEP", description = "series step: <N>blocks, <N>d or <N>h (e.g. 50000blocks, 1d, 7d)")
    String every;

    @Option(names = "--from", paramLabel = "BLOCK|ISO", description = "series start (default: the token's start block)")
    String from;

    @Option(names = "--to", paramLabel = "BLOCK|ISO", description = "series end (default: the indexed head)")
    String to;

    @Option(names = "--chart", paramLabel = "FILE", description = "also draw the series into FILE (.png or .svg)")
    Path chart;

    @Option(names = "--labels", paramLabel = "FILE", description = "CSV address,entity: every metric per entity as well")
    Path labels;

    @Mixin
    DatabaseOption database;

    @Mixin
    PointInTimeOptions pointInTime;

    @Override
    public Integer call() throws Exception {
        validate();
        Labels entities = labels == null ? null : Labels.load(labels);
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        MetricsAnalyzer analyzer = new MetricsAnalyzer(store);
        if (!series) {
            MetricsPoint point = analyzer.at(scope, pointInTime.block, pointInTime.instant(), entities);
            if (json) {
                Output.json(System.out, MetricsOutput.json(point));
            } else if (csv) {
                MetricsOutput.csv(System.out, List.of(point), entities != null);
            } else {
                MetricsOutput.human(System.out, point);
            }
            return 0;
        }
        SeriesPlan plan = new SeriesPlan(every, from, to);
        List<MetricsPoint> points = analyzer.series(scope, plan, entities);
        if (chart != null) {
            MetricsChart.write(chart, dao, every, points);
            System.err.println("metrics: wrote " + chart);
        }
        if (json) {
            Output.json(System.out, MetricsOutput.seriesJson(dao, plan, points));
        } else {
            MetricsOutput.csv(System.out, points, entities != null);
        }
        return 0;
    }

    private void validate() {
        if (json && csv) {
            throw new UserError("give either --json or --csv, not both");
        }
        if (!series) {
            for (var option : new Object[][] {{"--every", every}, {"--from", from}, {"--to", to}, {"--chart", chart}}) {
                if (option[1] != null) {
                    throw new UserError(option[0] + " needs --series");
                }
            }
            return;
        }
        if (pointInTime.block != null || pointInTime.at != null) {
            throw new UserError("--block/--at pick one point; a --series takes --from and --to instead");
        }
        if (every == null) {
            throw new UserError("--series needs --every <N>blocks, <N>d or <N>h");
        }
        new SeriesPlan(every, from, to).validate();
        if (chart != null && !MetricsChart.supports(chart)) {
            throw new UserError("--chart " + chart + ": the file name must end in .png or .svg");
        }
    }
}
