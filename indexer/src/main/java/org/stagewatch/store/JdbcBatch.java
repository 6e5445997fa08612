package org.stagewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
