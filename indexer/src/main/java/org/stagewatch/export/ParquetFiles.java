package org.stagewatch.export;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns the CSV files an export wrote into Parquet with DuckDB's embedded engine (its JDBC driver carries the native
 * library and the Parquet writer: no Hadoop, no network). Each CSV is read with its columns typed explicitly — the
 * {@link ExportTable#INTEGER_COLUMNS} as BIGINT, every other column as text, so an uint256 amount is never turned into
 * a float — with quoted empty fields kept as empty text and unquoted ones as NULL, as {@link Csv} wrote them.
 */
final class ParquetFiles implements AutoCloseable {
    /** The longest CSV record DuckDB accepts here (a proposal description may be long). */
    private static final long MAX_LINE_BYTES = 256L << 20;

    private final Connection duckdb;

    ParquetFiles() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            duckdb = DriverManager.getConnection("jdbc:duckdb:");
        } catch (ClassNotFoundException | SQLException | LinkageError e) {
            throw new ExportException("Parquet needs DuckDB's native library for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ", which this build cannot load (" + e.getMessage()
                    + "): rebuild Stagewatch on this machine, or export --format csv");
        }
    }

    /** Writes {@code parquet} with the rows of {@code csv}, whose header is {@code columns}. */
    void convert(Path csv, Path parquet, List<String> columns) {
        String types = columns.stream().map(column -> literal(column) + ": "
                        + (ExportTable.INTEGER_COLUMNS.contains(column) ? "'BIGINT'" : "'VARCHAR'"))
                .collect(Collectors.joining(", ", "{", "}"));
        String sql = String.format(Locale.ROOT, "COPY (SELECT * FROM read_csv(%s, header = true, auto_detect = false, columns = %s, "
                        + "delim = ',', quote = '\"', escape = '\"', allow_quoted_nulls = false, max_line_size = %d)) TO %s "
                        + "(FORMAT parquet, COMPRESSION zstd)", literal(csv.toAbsolutePath().toString()), types, MAX_LINE_BYTES,
                literal(parquet.toAbsolutePath().toString()));
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new ExportException("writing " + parquet + " with DuckDB failed: " + e.getMessage());
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            duckdb.close();
        } catch (SQLException e) {
            // nothing is left to write: the Parquet files are complete once their COPY returned
        }
    }
}
