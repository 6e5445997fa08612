package org.stagewatch.cli;

import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import picocli.CommandLine.Option;

/** {@code --db}: the SQLite file (or JDBC URL) every command reads or writes. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH|JDBC-URL", defaultValue = "stagewatch.db",
            description = "SQLite file or jdbc:postgresql:// URL (default: ${DEFAULT-VALUE})")
    String db;

    Store open() {
        return new Store(Database.open(db));
    }

    /** For read-only commands: a missing file is an error, not a new empty database. */
    Store openExisting() {
        if (!db.startsWith("jdbc:") && !java.nio.file.Files.exists(java.nio.file.Path.of(db))) {
            throw new UserError("no database at " + db + ": run stagewatch index --config FILE --db " + db + " first");
        }
        return open();
    }
}
