package org.stagewatch.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.ProposalMetrics;
import org.stagewatch.query.Answers;
import org.stagewatch.store.Store;

/**
 * Writes one DAO's data as files a researcher loads into pandas, R or DuckDB: proposals (with tallies, and the state and
 * quorum {@code proposals} gives at the indexed head), votes, delegations, voting-power history, Safe owners over time
 * (councils flagged), control facts — each read through its SQL view, all in one read transaction — and the stage
 * history as {@code stage --history} computes it. CSV ({@link Csv}) or Parquet ({@link ParquetFiles}). A file appears
 * under its name only once complete (written as {@code .part}, then moved), so an interrupted export leaves no
 * truncated file that looks whole.
 */
public final class DaoExport {
    /** Every file an export writes, in order. */
    public static final List<String> FILES = List.of("proposals", "votes", "delegations", "voting_power", "council_owners",
            "control_facts", "stage_history");
    private static final int PROGRESS_EVERY_ROWS = 10_000;

    public enum Format {
        CSV, PARQUET;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Told how far the export is; called from the exporting thread. */
    public interface Progress {
        /** A step that may take a while before any row is written (the answers computed at the head, the stage history). */
        default void step(String what) {
        }

        /** When a file is started (0 rows), then every {@value #PROGRESS_EVERY_ROWS} rows of it. */
        void rows(String file, long rows);

        void written(Path file, long rows, long bytes);
    }

    /** One file written. */
    public record Written(Path file, long rows) {
    }

    private final Store store;
    private final DaoScope dao;

    public DaoExport(Store store, DaoScope dao) {
        this.store = store;
        this.dao = dao;
    }

    public List<Written> write(Path dir, Format format, Progress progress) throws IOException {
        Files.createDirectories(dir);
        progress.step("proposals' state and quorum at the indexed head");
        List<ExportTable> tables = tables();
        if (format == Format.CSV) {
            return writeCsv(tables, dir, progress);
        }
        Path scratch = Files.createTempDirectory(dir, ".export-csv-");
        try (ParquetFiles parquet = new ParquetFiles()) {
            List<Written> written = new ArrayList<>();
            Progress rowsOnly = new Progress() {
                @Override
                public void step(String what) {
                    progress.step(what);
                }

                @Override
                public void rows(String file, long rows) {
                    progress.rows(file, rows);
                }

                @Override
                public void written(Path file, long rows, long bytes) {
                    // the CSV is a step towards the Parquet file, which is reported instead
                }
            };
            List<Written> csvs = writeCsv(tables, scratch, rowsOnly);
            progress.step("writing Parquet with DuckDB");
            for (Written csv : csvs) {
                String name = csv.file().getFileName().toString().replaceFirst("\\.csv$", "");
                Path part = dir.resolve(name + ".parquet.part");
                parquet.convert(csv.file(), part, header(csv.file()));
                Path file = Files.move(part, dir.resolve(name + ".parquet"), StandardCopyOption.REPLACE_EXISTING);
                written.add(new Written(file, csv.rows()));
                progress.written(file, csv.rows(), Files.size(file));
            }
            return written;
        } finally {
            deleteTree(scratch);
        }
    }

    private List<ExportTable> tables() {
        Map<String, ProposalMetrics.Report> proposals = new HashMap<>();
        for (ProposalMetrics.Report report : Answers.proposals(store, dao, null, null)) {
            proposals.put(key(report.proposal().chainId(), report.proposal().governor(), report.proposal().proposalId()), report);
        }
        return List.of(
                new ViewTable("proposals", "proposal_tallies", "chain_id, created_block, governor, proposal_id", List.of("state", "quorum"),
                        row -> {
                            ProposalMetrics.Report report = proposals.get(key(Long.parseLong(row.get("chain_id")), row.get("governor"),
                                    row.get("proposal_id")));
                            return report == null ? Arrays.asList(null, null) : Arrays.asList(
                                    report.proposal().state().name(), report.proposal().quorum() == null ? null : report.proposal().quorum().toString());
                        }),
                new ViewTable("votes", "vote_history", "chain_id, block_number, log_index"),
                new ViewTable("delegations", "delegation_history", "chain_id, block_number, log_index"),
                new ViewTable("voting_power", "voting_power_history", "chain_id, token, delegate, from_block, log_index"),
                new ViewTable("council_owners", "safe_owner_history", "chain_id, safe, from_block, owner"),
                new ViewTable("control_facts", "control_facts", "chain_id, block_number, log_index, fact, change"),
                new StageHistoryTable());
    }

    private static String key(long chainId, String governor, String proposalId) {
        return chainId + "|" + governor.toLowerCase(Locale.ROOT) + "|" + proposalId;
    }

    private List<Written> writeCsv(List<ExportTable> tables, Path dir, Progress progress) throws IOException {
        List<Written> written = new ArrayList<>();
        // the views share one read transaction; on PostgreSQL a REPEATABLE READ one, so that it is one snapshot (as each
        // query's and API answer's is) and the analyzer's reads on this thread join it
        HandleConsumer<RuntimeException> export = handle -> {
            ExportContext context = new ExportContext(store, dao, handle);
            for (ExportTable table : tables) {
                if (table instanceof StageHistoryTable) {
                    progress.step("the stage history (every point where control changed is rated)");
                }
                written.add(writeOne(table, context, dir, progress));
            }
        };
        try {
            if (store.database().isSqlite()) {
                store.jdbi().useTransaction(export);
            } else {
                store.jdbi().useTransaction(TransactionIsolationLevel.REPEATABLE_READ, export);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return written;
    }

    private Written writeOne(ExportTable table, ExportContext context, Path dir, Progress progress) {
        Path part = dir.resolve(table.name() + ".csv.part");
        Path file = dir.resolve(table.name() + ".csv");
        progress.rows(table.name(), 0); // before the query: a view may sort every row before it gives the first
        try {
            long rows;
            try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                rows = table.write(context, new Sink(out, table.name(), progress));
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            progress.written(file, rows, Files.size(file));
            return new Written(file, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header line of a CSV this export wrote. */
    static List<String> header(Path csv) throws IOException {
        try (var parser = Csv.FORMAT.parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            return parser.iterator().next().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Rows into one CSV printer, counting them for progress. */
    private static final class Sink implements ExportTable.RowSink {
        private final Writer out;
        private final String file;
        private final Progress progress;
        private CSVPrinter printer;
        private long rows;

        Sink(Writer out, String file, Progress progress) {
            this.out = out;
            this.file = file;
            this.progress = progress;
        }

        @Override
        public void header(List<String> columns) throws IOException {
            printer = Csv.printer(out, columns);
        }

        @Override
        public void row(List<String> values) throws IOException {
            printer.printRecord(values);
            rows++;
            if (rows % PROGRESS_EVERY_ROWS == 0) {
                progress.rows(file, rows);
            }
        }
    }
}
