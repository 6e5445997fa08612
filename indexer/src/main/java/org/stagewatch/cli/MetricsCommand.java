package org.stagewatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.Labels;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.query.Answers;
import org.stagewatch.query.Documents;
import org.stagewatch.report.ReportCharts;
import org.stagewatch.report.TokenUnits;
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

    @Option(names = "--labels", paramLabel = "FILE", description = "CSV address,entity: every metric per entity as well")
    Path labels;

    @Mixin
    DatabaseOption database;

    @Mixin
    PointInTimeOptions pointInTime;

    @Mixin
    SeriesOptions seriesOptions;

    @Mixin
    BlockListOption blockList;

    @Override
    public Integer call() throws Exception {
        if (json && csv) {
            throw new UserError("give either --json or --csv, not both");
        }
        if (blockList.given() && seriesOptions.series) {
            throw new UserError("--blocks lists the blocks itself: leave out --series");
        }
        blockList.checkAlone(pointInTime);
        List<Long> blocks = blockList.parse();
        SeriesPlan plan = seriesOptions.plan(pointInTime);
        Labels entities = labels == null ? null : Labels.load(labels);
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        if (blocks != null) {
            List<MetricsPoint> points = new ArrayList<>();
            for (long block : blocks) {
                points.add(Answers.metrics(store, scope, block, null, entities));
            }
            if (json) {
                Output.json(System.out, BlockListOption.document(dao, null, blocks, points.stream().map(Documents::metrics).toList()));
            } else if (csv) {
                Documents.metricsCsv(System.out, points, entities != null);
            } else {
                for (int i = 0; i < points.size(); i++) {
                    System.out.println((i == 0 ? "" : "\n") + BlockListOption.section(blocks.get(i), i, blocks.size()));
                    MetricsOutput.human(System.out, points.get(i), TokenUnits.of(store, points.get(i).chainId(), points.get(i).token()));
                }
            }
            return 0;
        }
        if (plan == null) {
            MetricsPoint point = Answers.metrics(store, scope, pointInTime.block, pointInTime.instant(), entities);
            if (json) {
                Output.json(System.out, Documents.metrics(point));
            } else if (csv) {
                Documents.metricsCsv(System.out, List.of(point), entities != null);
            } else {
                MetricsOutput.human(System.out, point, TokenUnits.of(store, point.chainId(), point.token()));
            }
            return 0;
        }
        List<MetricsPoint> points = Answers.metricsSeries(store, scope, plan, entities);
        ReportCharts.shortSeriesNote(plan.every(), points).ifPresent(note -> System.err.println("metrics: " + note));
        if (seriesOptions.chart != null) {
            ReportCharts.concentration(dao, plan.every(), points, ReportCharts.FILE_WIDTH, ReportCharts.FILE_HEIGHT).write(seriesOptions.chart);
            if (points.stream().allMatch(point -> point.byAddress().delegates() == 0)) {
                System.err.println("metrics: no sample has delegated voting power: the chart's axes are empty (pick a later --from)");
            }
            System.err.println("metrics: wrote " + seriesOptions.chart);
        }
        if (json) {
            Output.json(System.out, Documents.metricsSeries(dao, plan, points));
        } else {
            Documents.metricsCsv(System.out, points, entities != null);
        }
        return 0;
    }
}
