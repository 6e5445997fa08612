package org.stagewatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
        try (StderrProgress progress = new StderrProgress(started)) {
            written = new DaoExport(store, scope).write(out, chosen, progress);
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

    /**
     * Progress lines on stderr: every 2 s while a file is being written, the rows so far (also while a view sorts before
     * its first row); a line before each slow step; each file with its rows and size when written.
     */
    private static final class StderrProgress implements DaoExport.Progress, AutoCloseable {
        private final long started;
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "export-progress");
            thread.setDaemon(true);
            return thread;
        });
        private volatile String file;
        private volatile long rows;

        StderrProgress(long started) {
            this.started = started;
            ticker.scheduleAtFixedRate(this::tick, PROGRESS_NANOS, PROGRESS_NANOS, TimeUnit.NANOSECONDS);
        }

        private void tick() {
            String current = file;
            long done = rows;
            if (current != null) {
                System.err.printf(Locale.ROOT, "export: [%.1f s] %s: %s…%n", seconds(started), current,
                        done == 0 ? "reading the view (it orders every row before the first)" : String.format(Locale.ROOT, "%,d rows", done));
            }
        }

        @Override
        public void step(String what) {
            file = null;
            System.err.printf(Locale.ROOT, "export: [%.1f s] %s…%n", seconds(started), what);
        }

        @Override
        public void rows(String file, long rows) {
            this.rows = rows;
            this.file = file;
        }

        @Override
        public void written(Path file, long rows, long bytes) {
            this.file = null;
            System.err.printf(Locale.ROOT, "export: wrote %s (%,d rows, %,d bytes)%n", file, rows, bytes);
        }

        @Override
        public void close() {
            ticker.shutdownNow();
        }
    }
}
