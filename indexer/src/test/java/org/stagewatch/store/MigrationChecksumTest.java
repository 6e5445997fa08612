package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

/**
 * Released schema steps never change. Flyway keeps each applied step's checksum in the database and refuses to open
 * one whose steps' files now checksum differently — a one-word edit of a comment in V5 once did that to every
 * database written before it. The checksums here are those of the steps as released; a new step is added to them
 * when it is released, and never edited after.
 */
class MigrationChecksumTest {
    /** Every step but V7 and V13 is one file or class for both databases; V6 and V8 are Java steps whose checksum is their version. */
    private static final Map<String, Integer> BOTH = Map.ofEntries(
            Map.entry("1", 644599398),
            Map.entry("2", -1840224834),
            Map.entry("3", 1745788883),
            Map.entry("4", 1098245916),
            Map.entry("5", 1514553968),
            Map.entry("6", 6),
            Map.entry("8", 8),
            Map.entry("9", 664219952),
            Map.entry("10", -12409806),
            Map.entry("12", -1614043857),
            Map.entry("14", 1239468084),
            Map.entry("15", -1140158002));
    private static final Map<String, Integer> SQLITE_V7 = Map.of("7", -975387857, "13", -510552083);
    private static final Map<String, Integer> POSTGRESQL_V7 = Map.of("7", -1881598351, "13", 1513989984);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldKeepEveryReleasedStepAsItWasReleased(boolean sqlite) {
        SQLiteDataSource empty = new SQLiteDataSource();
        empty.setUrl("jdbc:sqlite:" + dir.resolve("empty.db"));
        Map<String, Integer> checksums = new TreeMap<>();
        Arrays.stream(Database.flyway(empty, sqlite).info().all())
                .forEach(step -> checksums.put(step.getVersion().toString(), step.getChecksum()));
        assertThat(checksums).containsAllEntriesOf(BOTH).containsAllEntriesOf(sqlite ? SQLITE_V7 : POSTGRESQL_V7);
    }

    /** A database migrated when V3, V5 and (SQLite) V7 had their released comments still opens and migrates. */
    @Test
    void shouldOpenADatabaseMigratedBeforeTheCommentOnlyEdits() {
        String target = dir.resolve("released.db").toString();
        Database.open(target);
        SQLiteDataSource file = new SQLiteDataSource();
        file.setUrl("jdbc:sqlite:" + target);
        Jdbi.create(file).useHandle(handle -> {
            for (CommentOnlyEdits.Edit edit : CommentOnlyEdits.EDITS) {
                handle.execute("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?", edit.released(), edit.version());
            }
            handle.execute("UPDATE flyway_schema_history SET checksum = 1 WHERE version = '4'"); // another change stays refused
        });
        assertThatThrownBy(() -> Database.open(target)).isInstanceOf(StoreException.class).hasMessageContaining("4");
        Jdbi.create(file).useHandle(handle ->
                handle.execute("UPDATE flyway_schema_history SET checksum = ? WHERE version = '4'", BOTH.get("4")));
        Database.open(target);
        Map<String, Integer> applied = new TreeMap<>();
        Jdbi.create(file).useHandle(handle -> handle.createQuery(
                "SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL")
                .map((rows, context) -> Map.entry(rows.getString(1), rows.getInt(2))).forEach(entry -> applied.put(entry.getKey(), entry.getValue())));
        assertThat(applied).containsAllEntriesOf(Map.of("3", BOTH.get("3"), "5", BOTH.get("5"), "7", SQLITE_V7.get("7")));
    }
}
