package org.stagewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Plain JDBC batch inserts for the tables a backfill writes millions of rows to (raw logs, token
 * events): one prepared statement per table and range, parameters set by position. Jdbi's bean
 * binding costs more than the insert itself at that volume; everything else stays in the DAOs.
 */
final class JdbcBatch {
    private JdbcBatch() {
    }

    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    static <T> void insert(Connection connection, String sql, List<T> rows, Binder<T> binder) throws SQLException {
        insert(connection, sql, rows.size(), (statement, i) -> binder.bind(statement, rows.get(i)));
    }

    /** Binds row {@code i} of a columnar batch (see {@link EncodedLogs}). */
    @FunctionalInterface
    interface IndexBinder {
        void bind(PreparedStatement statement, int i) throws SQLException;
    }

    /** Like {@link #insert(Connection, String, List, Binder)} for rows 0 … {@code count - 1} of column arrays. */
    static void insert(Connection connection, String sql, int count, IndexBinder binder) throws SQLException {
        if (count == 0) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                binder.bind(statement, i);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
