package org.stagewatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.export.DaoExport;
import org.stagewatch.export.ExportException;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stagewatch export}: one DAO's data as CSV or Parquet files, for pandas, R or DuckDB. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a DAO's proposals, votes, delegations, voting-power history, council owners, control facts and "
                + "stage history as CSV or Parquet files into a directory.")
final class ExportCommand implements Callable<Integer> {
    /** At most one progress line per file this often. */
    private static final long PROGRESS_NANOS = Duration.ofSeconds(2).toNanos();

    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write the files into (created if missing)")
    Path out;

    @Option(names = "--format", paramLabel = "csv|parquet", defaultValue = "csv",
            description = "csv (default) or parquet (written with DuckDB's embedded engine)")
    String format;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        DaoExport.Format chosen = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> DaoExport.Format.CSV;
            case "parquet" -> DaoExport.Format.PARQUET;
            default -> throw new UserError("--format " + format + ": give csv or parquet");
        };
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("--out " + out + " is a file: give a directory (it is created if missing)");
        }
        long started = System.nanoTime();
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        List<DaoExport.Written> written;
        try {
            written = new DaoExport(store, scope).write(out, chosen, new StderrProgress(started));
        } catch (IOException e) {
            throw new UserError("cannot write into " + out + ": " + e);
        } catch (ExportException e) {
            throw new UserError(e.getMessage());
        }
        long rows = written.stream().mapToLong(DaoExport.Written::rows).sum();
        System.err.printf(Locale.ROOT, "export: %d files, %,d rows in %s in %.1f s%n", written.size(), rows, out, seconds(started));
        return 0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Progress lines on stderr: rows so far every 2 s while a long file is written, then each file with its size. */
    private static final class StderrProgress implements DaoExport.Progress {
        private final long started;
        private long last = System.nanoTime();

        StderrProgress(long started) {
            this.started = started;
        }

        @Override
        public void step(String what) {
            System.err.printf(Locale.ROOT, "export: [%.1f s] %s…%n", seconds(started), what);
        }

        @Override
        public void rows(String file, long rows) {
            long now = System.nanoTime();
            if (now - last >= PROGRESS_NANOS) {
                last = now;
                System.err.printf(Locale.ROOT, "export: [%.1f s] %s: %,d rows…%n", seconds(started), file, rows);
            }
        }

        @Override
        public void written(Path file, long rows, long bytes) {
            last = System.nanoTime();
            System.err.printf(Locale.ROOT, "export: wrote %s (%,d rows, %,d bytes)%n", file, rows, bytes);
        }
    }
}
