package org.stagewatch.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;

/**
 * Whose a database is and at which schema version, read with plain SELECTs (no Flyway, which would create
 * its history table): the tables of the main schema, and the newest step of Flyway's history that succeeded.
 *
 * @param tables  the database's tables, sorted
 * @param version the schema version Stagewatch's steps brought it to; null when it has no history table
 */
record SchemaState(List<String> tables, MigrationVersion version) {
    static final String HISTORY = "flyway_schema_history";
    /** Tables every Stagewatch schema has since V1: with the history table, what tells Stagewatch's database from another program's. */
    private static final List<String> OWN = List.of("contracts", "sync_checkpoints");

    static SchemaState read(Connection connection, boolean sqlite) throws SQLException {
        List<String> tables = new ArrayList<>();
        String listing = sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(listing)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        MigrationVersion version = null;
        if (tables.contains(HISTORY)) {
            version = MigrationVersion.EMPTY;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT version FROM " + HISTORY + " WHERE success AND version IS NOT NULL")) {
                while (rows.next()) {
                    MigrationVersion step = MigrationVersion.fromVersion(rows.getString(1));
                    if (step.compareTo(version) > 0) {
                        version = step;
                    }
                }
            }
        }
        return new SchemaState(List.copyOf(tables), version);
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    /** A schema with tables that Stagewatch did not create (no history table, or not Stagewatch's tables). */
    boolean isForeign() {
        return !tables.isEmpty() && (version == null || !tables.containsAll(OWN));
    }

    /** One line on a foreign database: what is in it, what to do, and that nothing was changed. */
    String foreignProblem(String location, boolean sqlite) {
        List<String> shown = tables.size() > 6 ? tables.subList(0, 6) : tables;
        String instead = sqlite ? "give the path of a Stagewatch database, or a new path to have stagewatch index create one"
                : "give Stagewatch a schema of its own (add currentSchema=stagewatch to the URL after CREATE SCHEMA stagewatch)";
        return "database %s belongs to another program (its tables: %s%s), not to Stagewatch: %s. It was not changed."
                .formatted(location, String.join(", ", shown), tables.size() > shown.size() ? ", …" : "", instead);
    }
}
