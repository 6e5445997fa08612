package org.stagewatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stagewatch report}: one researcher-ready document about a DAO from the database alone — the
 * stage card, every requirement with its evidence, the routes to critical contracts, councils and the
 * stage history, concentration and the equalizer now and over time with charts — as a self-contained
 * HTML page, or as Markdown with its charts as PNG files beside it.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "A researcher-ready document: stage card, requirements with evidence, routes, councils and stage history, "
                + "concentration and the decentralization equalizer now and over time, with charts (.html, or .md with PNGs).")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--out", required = true, paramLabel = "FILE.html|FILE.md",
            description = "the document to write: .html (one self-contained page) or .md (charts as <name>-*.png beside it)")
    Path out;

    @Option(names = "--every", paramLabel = "STEP",
            description = "series step: <N>blocks, <N>d or <N>h (default: a block step giving about 50 samples over the token's indexed range)")
    String every;

    @Mixin
    DatabaseOption database;

    /** The two documents the command writes, by the --out file's extension. */
    enum Format {
        HTML, MARKDOWN;

        static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return HTML;
            }
            if (name.endsWith(".md")) {
                return MARKDOWN;
            }
            throw new UserError("--out " + file + ": the file name must end in .html (one self-contained page) or .md "
                    + "(Markdown with the charts as PNG files beside it)");
        }
    }

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        Format format = Format.of(out);
        if (every != null) {
            new SeriesPlan(every, null, null).validate();
        }
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        Consumer<String> progress = step -> System.err.printf(Locale.ROOT, "report: [%.1f s] %s%n", seconds(started), step);
        ReportData data = ReportData.collect(store, scope, every, progress);
        ReportCharts.shortSeriesNote(data.every(), data.metricsSeries()).ifPresent(progress);
        progress.accept("writing " + out + "…");
        ReportDocument document = ReportSections.build(data, database.db, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<Path> written = format == Format.HTML ? writeHtml(document) : writeMarkdown(document);
        for (Path file : written) {
            System.err.printf(Locale.ROOT, "report: wrote %s (%,d bytes)%n", file, Files.size(file));
        }
        System.err.printf(Locale.ROOT, "report: done in %.1f s%n", seconds(started));
        return 0;
    }

    private List<Path> writeHtml(ReportDocument document) throws IOException {
        createParent(out);
        Files.writeString(out, ReportHtml.render(document), StandardCharsets.UTF_8);
        return List.of(out);
    }

    private List<Path> writeMarkdown(ReportDocument document) throws IOException {
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

    private static double seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
