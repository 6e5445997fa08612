package org.stagewatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.report.ReportCharts;
import org.stagewatch.report.ReportData;
import org.stagewatch.report.ReportDocument;
import org.stagewatch.report.ReportFiles;
import org.stagewatch.report.ReportSections;
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
        ReportDocument document = ReportSections.build(data, version(), database.db, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<Path> written = format == Format.HTML ? ReportFiles.writeHtml(document, out) : ReportFiles.writeMarkdown(document, out);
        for (Path file : written) {
            System.err.printf(Locale.ROOT, "report: wrote %s (%,d bytes)%n", file, Files.size(file));
        }
        System.err.printf(Locale.ROOT, "report: done in %.1f s%n", seconds(started));
        return 0;
    }

    /** The program and version as {@code --version} prints them, the document's author line. */
    private static String version() {
        return StagewatchCommand.class.getAnnotation(Command.class).version()[0];
    }

    private static double seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0;
    }
}
