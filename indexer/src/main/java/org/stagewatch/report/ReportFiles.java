package org.stagewatch.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a report document: one self-contained HTML page, or Markdown with its charts (PNG) and pictures (SVG) beside it. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** @return the files written */
    public static List<Path> writeHtml(ReportDocument document, Path out) throws IOException {
        createParent(out);
        Files.writeString(out, ReportHtml.render(document), StandardCharsets.UTF_8);
        return List.of(out);
    }

    /** @return the files written: the Markdown document, then its figures as {@code <name>-*.png} and {@code <name>-*.svg} */
    public static List<Path> writeMarkdown(ReportDocument document, Path out) throws IOException {
        createParent(out);
        String name = out.getFileName().toString();
        String base = name.substring(0, name.length() - ".md".length());
        List<Path> written = new ArrayList<>();
        Files.writeString(out, ReportMarkdown.render(document, base), StandardCharsets.UTF_8);
        written.add(out);
        for (ReportDocument.Figure figure : document.figures()) {
            Path png = out.resolveSibling(ReportMarkdown.figureFile(base, figure));
            Files.write(png, figure.chart().png());
            written.add(png);
        }
        for (ReportDocument.Picture picture : document.pictures()) {
            Path svg = out.resolveSibling(ReportMarkdown.pictureFile(base, picture));
            Files.writeString(svg, picture.svg(), StandardCharsets.UTF_8);
            written.add(svg);
        }
        return written;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
