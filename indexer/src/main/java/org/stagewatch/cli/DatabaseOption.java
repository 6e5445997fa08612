package org.stagewatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import picocli.CommandLine.Option;

/** {@code --db}: the SQLite file (or JDBC URL) every command reads or writes. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH|URL", defaultValue = "stagewatch.db",
            description = "SQLite file, or PostgreSQL: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?schema=S] or a "
                    + "jdbc:postgresql:// URL; the password may come from PGPASSWORD or ~/.pgpass (default: ${DEFAULT-VALUE})")
    String db;

    /** For index: creates a missing database and migrates an older one. */
    Store open() {
        return new Store(Database.open(db));
    }

    /**
     * For read-only commands: the database is opened read-only and must already be an indexed Stagewatch
     * database of the current schema; a missing file is an error, not a new empty database.
     */
    Store openExisting() {
        return new Store(Database.openReadOnly(db));
    }

    /**
     * For commands that rewrite what a database holds without indexing (reproject): the database must exist — a
     * missing file is an error, not a new empty database — and is opened for writing (an older schema is migrated).
     */
    Store openExistingForWriting() {
        if (!db.startsWith("jdbc:") && !Files.exists(Path.of(db))) {
            throw new UserError("no database at " + db + ": run stagewatch index --config FILE --db " + db + " first");
        }
        return new Store(Database.open(db));
    }
}
