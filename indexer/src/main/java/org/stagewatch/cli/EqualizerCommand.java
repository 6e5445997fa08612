package org.stagewatch.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.analyze.equalizer.Dimension;
import org.stagewatch.analyze.equalizer.Equalizer;
import org.stagewatch.analyze.equalizer.EqualizerReport;
import org.stagewatch.query.Answers;
import org.stagewatch.query.Documents;
import org.stagewatch.report.ReportCharts;
import org.stagewatch.report.TokenUnits;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stagewatch equalizer}: the six decentralization scores at a point in time, or as a series
 * (sampled along the votes token's chain, else that of the critical contracts) with an optional chart.
 */
@Command(name = "equalizer", mixinStandardHelpOptions = true,
        description = "The decentralization equalizer: voting power, upgrade control, security council, treasury control, "
                + "proposal access and participation, each 0–100 with its formula and inputs; at a point or over time.")
final class EqualizerCommand implements Callable<Integer> {
    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--csv", description = "print CSV, one row per point")
    boolean csv;

    @Mixin
    DatabaseOption database;

    @Mixin
    ControlPointOptions point;

    @Mixin
    SeriesOptions seriesOptions;

    @Override
    public Integer call() throws IOException {
        if (json && csv) {
            throw new UserError("give either --json or --csv, not both");
        }
        SeriesPlan plan = seriesOptions.plan(point.pointInTime);
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        if (plan == null) {
            EqualizerReport report = Answers.equalizer(store, scope, point.resolve(store, scope));
            if (json) {
                Output.json(System.out, report);
            } else if (csv) {
                Documents.equalizerCsv(System.out, List.of(report));
            } else {
                print(System.out, report, TokenUnits.of(store, scope));
            }
            return 0;
        }
        long started = System.nanoTime();
        Answers.EqualizerSeries series = Answers.equalizerSeries(store, scope, plan, (done, all) -> {
            if (done % 10 == 0 || done.equals(all)) {
                double seconds = (System.nanoTime() - started) / 1e9;
                System.err.printf("equalizer: %d/%d points (%.1f points/s)%n", done, all, done / seconds);
            }
        });
        List<EqualizerReport> reports = series.reports();
        if (reports.size() == 1 && reports.get(0).sampledAt() != null) {
            System.err.println("equalizer: the series range is shorter than one step of " + plan.every()
                    + ", so it has one sample: use a shorter --every (<N>h or <N>blocks) for a curve");
        }
        if (seriesOptions.chart != null) {
            ReportCharts.equalizerSeries(dao, plan.every(), series.timelineChainId(), reports, ReportCharts.FILE_WIDTH,
                    ReportCharts.FILE_HEIGHT).write(seriesOptions.chart);
            System.err.println("equalizer: wrote " + seriesOptions.chart);
        }
        if (json) {
            Output.json(System.out, Documents.equalizerSeries(dao, plan, series));
        } else if (csv) {
            Documents.equalizerCsv(System.out, reports);
        } else {
            reports.forEach(report -> {
                print(System.out, report, TokenUnits.of(store, scope));
                System.out.println();
            });
        }
        return 0;
    }

    /** @param units how the DAO token's amounts among the inputs are shown */
    static void print(PrintStream out, EqualizerReport report, TokenUnits units) {
        out.printf("DAO '%s' decentralization equalizer at chain %d block %d%s%n", report.dao(), report.chainId(), report.block(),
                report.time() == null ? "" : " (" + Instant.ofEpochSecond(report.time()) + ")");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("dimension", "score", "", "inputs"));
        for (Dimension dimension : report.dimensions()) {
            String bar = dimension.score() == null ? "" : "█".repeat((int) Math.round(dimension.score() / 5)) ;
            rows.add(List.of(dimension.name(), dimension.score() == null ? "n/a" : String.format(Locale.ROOT, "%.1f", dimension.score()),
                    bar, dimension.score() == null ? dimension.note() : dimension.inputs().entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + units.input(entry.getKey(), entry.getValue()))
                            .collect(Collectors.joining(", "))));
        }
        Output.table(out, rows);
    }
}
