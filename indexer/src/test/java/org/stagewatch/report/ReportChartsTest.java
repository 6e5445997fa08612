package org.stagewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.MetricsPoint;

/**
 * The charts are fit for a paper: shares on an axis from 0 to 1 and counts from 0, dates (UTC) on a time axis, every
 * series its own colour and marker, a caption painted under the chart naming the DAO, token, chain, block and date
 * range, source and definitions; the samples before any power was delegated are left out and the caption says so; a
 * time series of one sample says its range is shorter than a step.
 */
class ReportChartsTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    /** Daily samples: the first {@code empty} before any delegation, then power spreading over more delegates. */
    private static List<MetricsPoint> daily(int days, int empty) {
        List<MetricsPoint> points = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            List<BigInteger> powers = new ArrayList<>();
            for (int d = 0; day >= empty && d < 2 + day; d++) {
                powers.add(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(1000L * (d + 1))));
            }
            Instant at = START.plus(day, ChronoUnit.DAYS);
            points.add(new MetricsPoint("paper", 42161, "0x912ce59144191c1204e64559fe8253a0e49e6548", 1_000 + 7_200L * day,
                    at.getEpochSecond(), null, at, Concentration.of(powers, null), null, null, null));
        }
        return points;
    }

    @Test
    void shouldDrawFromTheFirstDelegatedPowerWithAxesFromZeroDatesAndACaption() throws Exception {
        List<MetricsPoint> points = daily(30, 3);
        PaperChart paper = ReportCharts.concentration("paper", "1d", points, ReportCharts.FILE_WIDTH, ReportCharts.FILE_HEIGHT);
        XYChart chart = (XYChart) paper.chart();

        assertThat(chart.getStyler().getYAxisMin(0)).isEqualTo(0.0);
        assertThat(chart.getStyler().getYAxisMax(0)).isEqualTo(1.0);
        assertThat(chart.getStyler().getYAxisMin(1)).isEqualTo(0.0);
        assertThat(chart.getStyler().getDatePattern()).isEqualTo("yyyy-MM-dd");
        assertThat(chart.getStyler().getTimezone().getID()).isEqualTo("UTC");
        Set<Object> colours = new HashSet<>();
        Set<Object> markers = new HashSet<>();
        for (XYSeries series : chart.getSeriesMap().values()) {
            assertThat(series.getXData()).as(series.getName() + " starts at the first delegated power").hasSize(27);
            colours.add(series.getLineColor());
            markers.add(series.getMarker());
        }
        assertThat(chart.getSeriesMap()).hasSize(6);
        assertThat(colours).hasSize(6);
        assertThat(markers).hasSize(6);

        String caption = String.join("\n", paper.caption());
        assertThat(caption).contains("DAO 'paper'").contains("0x912ce59144191c1204e64559fe8253a0e49e6548").contains("chain 42161")
                .contains("blocks 22600–209800").contains("2025-01-04T00:00:00Z").contains("27 samples every 1d").contains("Source:")
                .contains("T = delegated votes").contains("Left out: the first 3 samples (from block 1000)");

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(paper.png()));
        assertThat(png.getWidth()).isEqualTo(ReportCharts.FILE_WIDTH);
        assertThat(png.getHeight()).as("the caption is painted below the chart").isGreaterThan(ReportCharts.FILE_HEIGHT + 60);
        Path svg = dir.resolve("chart.svg");
        paper.write(svg);
        assertThat(Files.readString(svg, StandardCharsets.UTF_8)).startsWith("<?xml").contains("<svg");
    }

    @Test
    void shouldSayWhenATimeSeriesIsShorterThanOneStep() {
        List<MetricsPoint> one = daily(1, 0);
        assertThat(ReportCharts.shortSeriesNote("1d", one)).get().asString().contains("shorter than one step of 1d");
        assertThat(String.join(" ", ReportCharts.concentration("paper", "1d", one, 800, 400).caption()))
                .contains("shorter than one step of 1d");
        assertThat(ReportCharts.shortSeriesNote("1d", daily(2, 0))).isEmpty();
    }

    @Test
    void shouldDrawEmptyAxesAndSayWhyWhenNoSampleHasDelegatedPower() throws Exception {
        PaperChart paper = ReportCharts.concentration("paper", "1d", daily(4, 4), 800, 400);
        assertThat(((XYChart) paper.chart()).getSeriesMap()).isEmpty();
        assertThat(String.join(" ", paper.caption())).contains("nothing drawn — no voting power is delegated at any of the 4 samples");
        assertThat(ImageIO.read(new ByteArrayInputStream(paper.png())).getHeight()).isGreaterThan(400);
    }
}
