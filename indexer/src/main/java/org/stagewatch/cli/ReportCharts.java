package org.stagewatch.cli;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.stagewatch.analyze.Concentration;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.equalizer.Dimension;
import org.stagewatch.analyze.equalizer.Equalizer;
import org.stagewatch.analyze.equalizer.EqualizerReport;

/**
 * The report's charts, drawn with XChart: concentration over time (as {@code metrics --chart} draws it),
 * the six equalizer scores over the same samples, and the current scores as bars; encoded as PNG (XChart
 * draws every glyph as a path, so its SVG of one chart is ~0.7 MB against ~60 kB of PNG). A missing value (a score with nothing to score it from) is a gap in its line.
 */
final class ReportCharts {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;
    /** Tableau's ten colours: six lines stay apart (XChart's default draws two of them yellow). */
    private static final Color[] PALETTE = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759), new Color(0x76b7b2),
        new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7), new Color(0x9c755f), new Color(0xbab0ac)};

    private ReportCharts() {
    }

    static XYChart concentration(String dao, String every, List<MetricsPoint> points) {
        boolean byTime = !points.isEmpty() && points.get(0).sampledAt() != null;
        XYChart chart = lineChart("Voting-power concentration of DAO '" + dao + "' (every " + every + ")", byTime,
                "share of delegated votes");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "delegates");
        List<Object> x = new ArrayList<>();
        points.forEach(point -> x.add(byTime ? Date.from(point.sampledAt()) : point.block()));
        line(chart, "top-1 share", x, points, metrics -> share(metrics, "1"), 0);
        line(chart, "top-10 share", x, points, metrics -> share(metrics, "10"), 0);
        line(chart, "gini", x, points, metrics -> number(metrics.gini()), 0);
        line(chart, "hhi", x, points, metrics -> number(metrics.hhi()), 0);
        line(chart, "nakamoto majority", x, points, metrics -> number(metrics.nakamoto().majority()), 1);
        line(chart, "effective delegates", x, points, metrics -> number(metrics.effectiveDelegates()), 1);
        return chart;
    }

    static XYChart equalizerSeries(String dao, String every, List<EqualizerReport> reports) {
        boolean byTime = !reports.isEmpty() && reports.get(0).sampledAt() != null;
        XYChart chart = lineChart("Decentralization equalizer of DAO '" + dao + "' (every " + every + ")", byTime, "score (0–100)");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        List<Object> x = new ArrayList<>();
        reports.forEach(report -> x.add(byTime ? new Date(report.sampledAt() * 1000) : report.block()));
        for (String name : Equalizer.DIMENSIONS) {
            List<Double> y = reports.stream().map(report -> score(report, name)).map(score -> score == null ? Double.NaN : score).toList();
            chart.addSeries(name, x, y);
        }
        return chart;
    }

    static CategoryChart equalizerNow(EqualizerReport report) {
        boolean absent = report.dimensions().stream().anyMatch(dimension -> dimension.score() == null);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Decentralization equalizer of DAO '" + report.dao() + "' at block " + report.block()
                        + (absent ? " (n/a: nothing to score it from)" : ""))
                .xAxisTitle("dimension").yAxisTitle("score (0–100)").build();
        chart.getStyler().setLabelsVisible(true).setLabelsPosition(0.9);
        chart.getStyler().setSeriesColors(PALETTE).setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0).setLegendVisible(false).setDecimalPattern("0.#");
        List<String> names = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (Dimension dimension : report.dimensions()) {
            names.add(dimension.score() == null ? dimension.name() + " (n/a)" : dimension.name());
            scores.add(dimension.score() == null ? 0.0 : dimension.score());
        }
        chart.addSeries("score", names, scores);
        return chart;
    }

    static byte[] png(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        return out.toByteArray();
    }

    private static XYChart lineChart(String title, boolean byTime, String yTitle) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(byTime ? "date (UTC)" : "block").yAxisTitle(yTitle).build();
        chart.getStyler().setSeriesColors(PALETTE).setChartBackgroundColor(Color.WHITE).setMarkerSize(4).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal);
        if (!byTime) {
            chart.getStyler().setXAxisDecimalPattern("#,##0");
        }
        return chart;
    }

    private static void line(XYChart chart, String name, List<Object> x, List<MetricsPoint> points, Function<Concentration, Double> metric,
                             int axis) {
        List<Double> y = new ArrayList<>();
        for (MetricsPoint point : points) {
            Double value = metric.apply(point.byAddress());
            y.add(value == null ? Double.NaN : value);
        }
        chart.addSeries(name, x, y).setYAxisGroup(axis);
    }

    static Double score(EqualizerReport report, String name) {
        return report.dimensions().stream().filter(dimension -> dimension.name().equals(name)).findFirst().map(Dimension::score)
                .orElse(null);
    }

    private static Double share(Concentration metrics, String top) {
        return metrics.topShares() == null ? null : metrics.topShares().get(top).doubleValue();
    }

    private static Double number(Number value) {
        return value == null ? null : value.doubleValue();
    }
}
