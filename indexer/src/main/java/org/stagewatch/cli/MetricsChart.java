package org.stagewatch.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.stagewatch.analyze.Concentration;
import org.stagewatch.analyze.MetricsPoint;

/**
 * Draws a metrics series with XChart: shares (top-1, top-10, Gini, HHI) on the left axis in [0, 1],
 * delegate counts (Nakamoto majority, effective delegates) on the right; time on the x axis for
 * day/hour steps, block numbers otherwise. PNG or SVG by the file's extension.
 */
final class MetricsChart {
    private MetricsChart() {
    }

    static boolean supports(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".svg");
    }

    static void write(Path file, String dao, String every, List<MetricsPoint> points) throws IOException {
        System.setProperty("java.awt.headless", "true");
        boolean byTime = !points.isEmpty() && points.get(0).sampledAt() != null;
        XYChart chart = new XYChartBuilder().width(1200).height(700)
                .title("Voting-power concentration of DAO '" + dao + "' (every " + every + ")")
                .xAxisTitle(byTime ? "date (UTC)" : "block").yAxisTitle("share of delegated votes").build();
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "delegates");
        chart.getStyler().setMarkerSize(3);
        List<Object> x = new ArrayList<>();
        for (MetricsPoint point : points) {
            x.add(byTime ? Date.from(point.sampledAt()) : point.block());
        }
        add(chart, "top-1 share", x, points, metrics -> share(metrics, "1"), 0);
        add(chart, "top-10 share", x, points, metrics -> share(metrics, "10"), 0);
        add(chart, "gini", x, points, metrics -> number(metrics.gini()), 0);
        add(chart, "hhi", x, points, metrics -> number(metrics.hhi()), 0);
        add(chart, "nakamoto majority", x, points, metrics -> number(metrics.nakamoto().majority()), 1);
        add(chart, "effective delegates", x, points, metrics -> number(metrics.effectiveDelegates()), 1);
        save(chart, file);
    }

    /** Writes {@code chart} to {@code file}, creating its directory: SVG for a .svg name, PNG otherwise. */
    static void save(XYChart chart, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        }
    }

    private static void add(XYChart chart, String name, List<Object> x, List<MetricsPoint> points,
                            Function<Concentration, Double> metric, int axis) {
        List<Double> y = new ArrayList<>();
        for (MetricsPoint point : points) {
            Double value = metric.apply(point.byAddress());
            y.add(value == null ? Double.NaN : value);
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setYAxisGroup(axis);
    }

    private static Double share(Concentration metrics, String top) {
        return metrics.topShares() == null ? null : metrics.topShares().get(top).doubleValue();
    }

    private static Double number(Number value) {
        return value == null ? null : value.doubleValue();
    }
}
