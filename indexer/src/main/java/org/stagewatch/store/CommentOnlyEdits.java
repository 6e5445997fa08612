package org.stagewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/**
 * Released schema steps whose SQL files later changed in comments only. Flyway keeps each applied step's checksum
 * and refuses a database whose step files now checksum differently, even for a comment; for exactly these steps a
 * database that recorded the checksum as released is moved to the checksum of the file as it is now, before Flyway
 * validates. Any other difference is still Flyway's refusal: a step is matched on its version and its old checksum.
 * {@code MigrationChecksumTest} pins the current checksums; an entry here is added only with a comment-only edit,
 * and never removed.
 */
final class CommentOnlyEdits {
    /** A step's checksum as released and after its comment-only edit; {@code sqlite} null for a step both databases share. */
    record Edit(String version, Boolean sqlite, int released, int now) {
    }

    static final List<Edit> EDITS = List.of(
            new Edit("3", null, -51428963, 1745788883),
            new Edit("5", null, 687411104, 1514553968),
            new Edit("7", true, -144501081, -975387857));

    private CommentOnlyEdits() {
    }

    static void realign(DataSource dataSource, boolean sqlite) {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasHistory(connection, sqlite)) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE flyway_schema_history SET checksum = ? WHERE version = ? AND checksum = ?")) {
                for (Edit edit : EDITS) {
                    if (edit.sqlite() == null || edit.sqlite() == sqlite) {
                        update.setInt(1, edit.now());
                        update.setString(2, edit.version());
                        update.setInt(3, edit.released());
                        update.executeUpdate();
                    }
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the schema history: " + e.getMessage(), e);
        }
    }

    private static boolean hasHistory(Connection connection, boolean sqlite) throws SQLException {
        String query = sqlite ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'"
                : "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'flyway_schema_history'";
        try (PreparedStatement statement = connection.prepareStatement(query); ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }
}
