package org.stagewatch.store;

/**
 * Opens an existing store so that nothing can be written through it, whatever the code path — the store of the
 * HTTP API and of every query command. It is {@link Database#openReadOnly}: SQLite connections set
 * {@code PRAGMA query_only} (and open with {@code SQLITE_OPEN_READONLY} where the file or its folder cannot be
 * written), PostgreSQL transactions are {@code READ ONLY} at the server ({@code default_transaction_read_only});
 * the schema is never migrated, and a database whose schema is older or newer than this Stagewatch's is refused
 * with what to do.
 */
public final class ReadOnlyDatabase {
    private ReadOnlyDatabase() {
    }

    /** @param target a SQLite file path or a JDBC URL, as for {@link Database#open} */
    public static Database open(String target) {
        return Database.openReadOnly(target);
    }
}
