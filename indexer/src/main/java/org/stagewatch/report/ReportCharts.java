package org.stagewatch.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.equalizer.Dimension;
import org.stagewatch.analyze.equalizer.Equalizer;
import org.stagewatch.analyze.equalizer.EqualizerReport;

/**
 * Every chart Stagewatch draws ({@code metrics --chart}, {@code equalizer --chart}, the report's figures), with XChart,
 * made for a paper: each series its own colour from the Okabe–Ito palette (told apart with any colour vision) and its
 * own marker, the second axis's series dashed; every value axis from 0 to the top; dates (UTC) on time axes; and a
 * caption ({@link PaperChart}) naming the DAO, chain, block and date range, the source and the definitions, and what
 * was left out. A missing value (a score with nothing to score it from) is a gap in its line.
 */
public final class ReportCharts {
    static final int REPORT_WIDTH = 1000;
    static final int REPORT_HEIGHT = 520;
    public static final int FILE_WIDTH = 1200;
    public static final int FILE_HEIGHT = 700;
    /** Okabe & Ito's colour-blind-safe palette, without its yellow (too faint on white). */
    static final Color[] PALETTE = {new Color(0x000000), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73),
        new Color(0x0072B2), new Color(0xD55E00), new Color(0xCC79A7)};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS};
    static final String SOURCE = "Source: Stagewatch, from the DAO's contracts' logs indexed into its database (no other data).";
    static final String CONCENTRATION_DEFINITIONS = "Definitions: T = delegated votes, the sum of every delegate's voting power "
            + "(getPastVotes) at the sample block; top-N share = power of the N largest delegates / T; Gini = inequality of power among delegates with "
            + "positive power (0 equal, towards 1 one holder); HHI = Σ (power/T)²; Nakamoto majority = fewest delegates holding more than T/2; effective delegates "
            + "= 1/HHI. Left axis: shares (solid lines); right axis: delegate counts (dashed).";

    private ReportCharts() {
    }

    /**
     * Concentration over time: shares (top-1, top-10, Gini, HHI) on the left axis from 0 to 1, delegate counts (Nakamoto
     * majority, effective delegates) on the right from 0; the series starts at the first sample where power is
     * delegated (the samples before it, with T = 0, have no shares to draw, and the caption says they were left out).
     * When no sample has delegated power the axes are drawn empty and the caption says why.
     */
    public static PaperChart concentration(String dao, String every, List<MetricsPoint> points, int width, int height) {
        int first = 0;
        while (first < points.size() && points.get(first).byAddress().delegates() == 0) {
            first++;
        }
        List<MetricsPoint> drawn = points.subList(first, points.size());
        boolean byTime = !points.isEmpty() && points.get(0).sampledAt() != null;
        XYChart chart = lineChart(width, height, "Voting-power concentration of DAO '" + dao + "' (every " + every + ")", byTime,
                "share of delegated votes T");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "delegates");
        chart.getStyler().setYAxisMin(0, 0.0).setYAxisMax(0, 1.0).setYAxisMin(1, 0.0);
        List<String> caption = new ArrayList<>();
        if (drawn.isEmpty()) {
            chart.getStyler().setYAxisMax(1, 1.0);
            caption.add("DAO '" + dao + "': nothing drawn — no voting power is delegated at any of the " + points.size()
                    + (points.size() == 1 ? " sample" : " samples") + " every " + every + (points.isEmpty() ? "" : " (" + range(points.get(0).block(),
                    points.get(0).timestamp(), points.get(points.size() - 1).block(), points.get(points.size() - 1).timestamp()) + ")")
                    + ", so no share is defined.");
            caption.add(SOURCE);
            shortSeriesNote(every, points).ifPresent(caption::add);
            return new PaperChart(chart, caption);
        }
        List<Object> x = new ArrayList<>();
        drawn.forEach(point -> x.add(byTime ? Date.from(point.sampledAt()) : point.block()));
        line(chart, "top-1 share", x, drawn, metrics -> share(metrics, "1"), 0);
        line(chart, "top-10 share", x, drawn, metrics -> share(metrics, "10"), 0);
        line(chart, "Gini", x, drawn, metrics -> number(metrics.gini()), 0);
        line(chart, "HHI", x, drawn, metrics -> number(metrics.hhi()), 0);
        line(chart, "Nakamoto majority", x, drawn, metrics -> number(metrics.nakamoto().majority()), 1);
        line(chart, "effective delegates", x, drawn, metrics -> number(metrics.effectiveDelegates()), 1);
        if (byTime) {
            timeAxis(chart, drawn.get(0).sampledAt(), drawn.get(drawn.size() - 1).sampledAt());
        }
        MetricsPoint start = drawn.get(0);
        MetricsPoint end = drawn.get(drawn.size() - 1);
        caption.add("DAO '" + dao + "', votes token " + start.token() + " on chain " + start.chainId() + ", " + range(start.block(),
                start.timestamp(), end.block(), end.timestamp()) + "; " + drawn.size() + (drawn.size() == 1 ? " sample" : " samples")
                + " every " + every + ".");
        caption.add(SOURCE);
        caption.add(CONCENTRATION_DEFINITIONS);
        if (first > 0) {
            caption.add("Left out: the first " + first + (first == 1 ? " sample" : " samples") + " (from block " + points.get(0).block()
                    + "), before any voting power was delegated (T = 0: no share is defined).");
        }
        shortSeriesNote(every, points).ifPresent(caption::add);
        return new PaperChart(chart, caption);
    }

    /** The six equalizer scores over time, 0–100. */
    public static PaperChart equalizerSeries(String dao, String every, long chainId, List<EqualizerReport> reports, int width, int height) {
        boolean byTime = !reports.isEmpty() && reports.get(0).sampledAt() != null;
        XYChart chart = lineChart(width, height, "Decentralization equalizer of DAO '" + dao + "' (every " + every + ")", byTime,
                "score (0–100)");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        List<Object> x = new ArrayList<>();
        reports.forEach(report -> x.add(byTime ? new Date(report.sampledAt() * 1000) : report.block()));
        int index = 0;
        for (String name : Equalizer.DIMENSIONS) {
            List<Double> y = reports.stream().map(report -> score(report, name)).map(score -> score == null ? Double.NaN : score).toList();
            style(chart.addSeries(name, x, y), index++, false);
        }
        if (byTime && !reports.isEmpty()) {
            timeAxis(chart, Instant.ofEpochSecond(reports.get(0).sampledAt()), Instant.ofEpochSecond(reports.get(reports.size() - 1).sampledAt()));
        }
        List<String> caption = new ArrayList<>();
        if (!reports.isEmpty()) {
            EqualizerReport start = reports.get(0);
            EqualizerReport end = reports.get(reports.size() - 1);
            caption.add("DAO '" + dao + "', sampled along chain " + chainId + ", " + range(start.block(), start.time(), end.block(), end.time())
                    + " (every other chain at the sample's time); " + reports.size() + " samples every " + every + ".");
        }
        caption.add(SOURCE);
        caption.add("Definitions: the six scores of the decentralization equalizer (README, 'The decentralization equalizer'), each 0–100 "
                + "from indexed control facts, voting power and the config's stage declaration; a gap where a score has nothing to score it from.");
        if (reports.size() == 1 && byTime) {
            caption.add("The series range is shorter than one step of " + every + ": one sample.");
        }
        return new PaperChart(chart, caption);
    }

    /** The six scores at one point as bars. */
    static PaperChart equalizerNow(EqualizerReport report) {
        boolean absent = report.dimensions().stream().anyMatch(dimension -> dimension.score() == null);
        CategoryChart chart = new CategoryChartBuilder().width(REPORT_WIDTH).height(REPORT_HEIGHT)
                .title("Decentralization equalizer of DAO '" + report.dao() + "' at block " + report.block()
                        + (absent ? " (n/a: nothing to score it from)" : ""))
                .xAxisTitle("dimension").yAxisTitle("score (0–100)").build();
        chart.getStyler().setLabelsVisible(true).setLabelsPosition(0.9);
        chart.getStyler().setSeriesColors(new Color[] {PALETTE[4]}).setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0).setLegendVisible(false).setDecimalPattern("0.#");
        List<String> names = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (Dimension dimension : report.dimensions()) {
            names.add(dimension.score() == null ? dimension.name() + " (n/a)" : dimension.name());
            scores.add(dimension.score() == null ? 0.0 : dimension.score());
        }
        chart.addSeries("score", names, scores);
        return new PaperChart(chart, List.of("DAO '" + report.dao() + "', chain " + report.chainId() + " at block " + report.block()
                + (report.time() == null ? " (time unknown)" : " (" + Instant.ofEpochSecond(report.time()) + ")")
                + "; every other chain at that time.", SOURCE, "Definitions: the six scores of the decentralization equalizer "
                + "(README, 'The decentralization equalizer'), each 0–100; a dimension with nothing to score it from is drawn at 0 and marked n/a."));
    }

    /**
     * The note a time-stepped series owes its reader when the range asked for is shorter than one step (so it has a
     * single sample); empty otherwise.
     */
    public static Optional<String> shortSeriesNote(String every, List<MetricsPoint> points) {
        if (points.size() != 1 || points.get(0).sampledAt() == null) {
            return Optional.empty();
        }
        return Optional.of("The series range is shorter than one step of " + every + ", so it has one sample (block "
                + points.get(0).block() + "): use a shorter --every (<N>h or <N>blocks) for a curve.");
    }

    private static String range(long firstBlock, Long firstTime, long lastBlock, Long lastTime) {
        String blocks = firstBlock == lastBlock ? "block " + firstBlock : "blocks " + firstBlock + "–" + lastBlock;
        if (firstTime == null || lastTime == null) {
            return blocks;
        }
        return blocks + " (" + Instant.ofEpochSecond(firstTime) + " – " + Instant.ofEpochSecond(lastTime) + ")";
    }

    private static XYChart lineChart(int width, int height, String title, boolean byTime, String yTitle) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(byTime ? "date (UTC)" : "block").yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE).setMarkerSize(6)
                .setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLocale(Locale.ROOT).setTimezone(TimeZone.getTimeZone("UTC")).setYAxisDecimalPattern("0.##");
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        if (!byTime) {
            chart.getStyler().setXAxisDecimalPattern("#,##0");
        }
        return chart;
    }

    /** Dates on a time axis: days when the range spans at least two, else hours and minutes too. */
    private static void timeAxis(XYChart chart, Instant first, Instant last) {
        boolean days = Duration.between(first, last).compareTo(Duration.ofDays(2)) >= 0;
        chart.getStyler().setDatePattern(days ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm");
    }

    private static void line(XYChart chart, String name, List<Object> x, List<MetricsPoint> points, Function<Concentration, Double> metric,
                             int axis) {
        List<Double> y = new ArrayList<>();
        for (MetricsPoint point : points) {
            Double value = metric.apply(point.byAddress());
            y.add(value == null ? Double.NaN : value);
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setYAxisGroup(axis);
        style(series, chart.getSeriesMap().size() - 1, axis == 1);
    }

    private static void style(XYSeries series, int index, boolean dashed) {
        series.setMarkerColor(PALETTE[index % PALETTE.length]);
        series.setLineColor(PALETTE[index % PALETTE.length]);
        series.setMarker(MARKERS[index % MARKERS.length]);
        series.setLineStyle(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f)
                : new BasicStroke(2f));
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
