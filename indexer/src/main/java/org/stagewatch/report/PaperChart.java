package org.stagewatch.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart fit to go into a paper as it is: XChart's drawing with a caption painted beneath it in the same image — what
 * is shown (DAO, chain, block and date range), where it comes from, how each series is defined, and what was left out —
 * so the picture says what it is when it travels without the text around it. PNG, or SVG for a {@code .svg} file.
 */
public record PaperChart(Chart<?, ?> chart, List<String> caption) {
    private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final int MARGIN = 14;
    private static final int LINE_GAP = 4;

    public static boolean supports(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".svg");
    }

    /** Writes the chart to {@code file}, creating its directory: SVG for a .svg name, PNG otherwise. */
    public void write(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
                out.write(svg());
            } else {
                out.write(png());
            }
        }
    }

    byte[] png() throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> lines = wrap(measure(), chart.getWidth() - 2 * MARGIN);
        int height = chart.getHeight() + captionHeight(lines.size());
        BufferedImage image = new BufferedImage(chart.getWidth(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paint(g, lines, height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    byte[] svg() throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> lines = wrap(measure(), chart.getWidth() - 2 * MARGIN);
        int height = chart.getHeight() + captionHeight(lines.size());
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g, lines, height);
        Processor processor = Processors.get("svg");
        Document document = processor.getDocument(g.getCommands(), new PageSize(0.0, 0.0, chart.getWidth(), height));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.writeTo(out);
        return out.toByteArray();
    }

    private void paint(Graphics2D g, List<String> lines, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, chart.getWidth(), height);
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.setFont(CAPTION_FONT);
        g.setColor(Color.BLACK);
        FontMetrics metrics = g.getFontMetrics();
        int y = chart.getHeight() + MARGIN / 2 + metrics.getAscent();
        for (String line : lines) {
            g.drawString(line, MARGIN, y);
            y += metrics.getHeight() + LINE_GAP;
        }
    }

    private static FontMetrics measure() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(CAPTION_FONT);
        } finally {
            g.dispose();
        }
    }

    private static int captionHeight(int lines) {
        FontMetrics metrics = measure();
        return MARGIN + lines * (metrics.getHeight() + LINE_GAP);
    }

    /** The caption's paragraphs broken into lines no wider than {@code width} pixels, at spaces. */
    private List<String> wrap(FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : caption) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && metrics.stringWidth(candidate) > width) {
                    lines.add(line.toString());
                    line = new StringBuilder("    " + word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
