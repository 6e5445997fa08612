package org.stagewatch.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A table exported as one of the SQL views (docs/schema.md) shows it: every column of the view, the DAO's rows only, in
 * a stable order; optionally with columns a command computes added at the end (per row, from the view's values).
 *
 * @param extraColumns names of the added columns (empty for none)
 * @param extra        the added values of one row, given the view's values by column name; null when none are added
 */
record ViewTable(String name, String view, String orderBy, List<String> extraColumns,
                 Function<Map<String, String>, List<String>> extra) implements ExportTable {
    /** Rows between fetches from the database (PostgreSQL streams them inside the export's transaction). */
    private static final int FETCH_SIZE = 10_000;

    ViewTable(String name, String view, String orderBy) {
        this(name, view, orderBy, List.of(), null);
    }

    String sql() {
        return "SELECT * FROM " + view + " WHERE dao_id = :dao ORDER BY " + orderBy;
    }

    @Override
    public long write(ExportContext context, RowSink rows) {
        return context.handle().createQuery(sql()).bind("dao", context.dao().daoId()).setFetchSize(FETCH_SIZE)
                .scanResultSet((supplier, statementContext) -> {
                    try {
                        return copy(supplier.get(), rows);
                    } catch (SQLException e) {
                        throw new IllegalStateException("reading " + view + ": " + e.getMessage(), e);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private long copy(ResultSet result, RowSink rows) throws SQLException, IOException {
        ResultSetMetaData meta = result.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        List<String> header = new ArrayList<>(columns);
        header.addAll(extraColumns);
        rows.header(header);
        long count = 0;
        while (result.next()) {
            List<String> values = new ArrayList<>(header.size());
            for (int i = 1; i <= columns.size(); i++) {
                values.add(result.getString(i));
            }
            if (extra != null) {
                Map<String, String> byName = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    byName.put(columns.get(i), values.get(i));
                }
                values.addAll(extra.apply(byName));
            }
            rows.row(values);
            count++;
        }
        return count;
    }
}
