package org.stagewatch.store;

import java.util.Optional;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite's error codes, found anywhere in a cause chain (Flyway and Jdbi wrap them), told in words a user can
 * act on: a full disk, a read-only or damaged file. Other failures are not described here.
 */
public final class SqliteFailures {
    private SqliteFailures() {
    }

    /** The first SQLite result code in {@code failure}'s cause chain. */
    static Optional<SQLiteErrorCode> code(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite && sqlite.getResultCode() != null) {
                return Optional.of(sqlite.getResultCode());
            }
        }
        return Optional.empty();
    }

    static boolean isDiskFull(Throwable failure) {
        return code(failure).map(code -> code == SQLiteErrorCode.SQLITE_FULL).orElse(false);
    }

    /**
     * One line for a failure whose cause is a SQLite condition of the file or its disk, e.g.
     * "database x.db could not be migrated: the disk holding it is full; …"; empty for other failures.
     *
     * @param doing what failed, as a verb phrase after the database's name ("cannot be read")
     */
    public static Optional<String> describe(String location, String doing, Throwable failure) {
        return code(failure).map(code -> {
            String name = code.name();
            String what;
            if (code == SQLiteErrorCode.SQLITE_FULL) {
                what = "the disk holding it is full; free space on it and run again";
            } else if (name.startsWith("SQLITE_READONLY")) {
                what = "it is read-only (its permissions, an immutable attribute or a read-only mount); make it and its folder "
                        + "writable, or use another --db";
            } else if (name.startsWith("SQLITE_CANTOPEN")) {
                what = "SQLite cannot open it; check that it is a file, and the permissions of the file and its folder";
            } else if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                what = "it is not a SQLite database (or is encrypted); check the --db path";
            } else if (name.startsWith("SQLITE_CORRUPT")) {
                what = "the file is damaged (SQLite: database disk image is malformed); restore a copy, or index into a fresh --db";
            } else if (name.startsWith("SQLITE_IOERR")) {
                what = "the disk failed to read or write it (" + name + "); check the disk";
            } else if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
                what = "another process kept it locked for longer than 10 seconds; try again";
            } else {
                return null;
            }
            return "database %s %s: %s".formatted(location, doing, what);
        });
    }
}
