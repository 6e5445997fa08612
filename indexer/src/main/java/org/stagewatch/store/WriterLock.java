package org.stagewatch.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Makes sure one indexer at a time writes to a database. SQLite: an exclusive OS lock on
 * {@code <db>.lock} (released by the OS when the process dies, even by kill -9), holding the
 * owner's pid for the message. PostgreSQL: an advisory lock held for the life of its own connection (pg_advisory_lock).
 */
public final class WriterLock implements AutoCloseable {
    private static final long ADVISORY_KEY = 0x5354_4147_4557_4154L; // "STAGEWAT"

    private final AutoCloseable release;

    private WriterLock(AutoCloseable release) {
        this.release = release;
    }

    public static WriterLock acquire(Database database) {
        return database.isSqlite() ? fileLock(database.location()) : advisoryLock(database);
    }

    private static WriterLock fileLock(String location) {
        Path file = Path.of(location.replaceFirst("^jdbc:sqlite:", "") + ".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String owner = new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new StoreException("another stagewatch index is writing to %s (%s); stop it first, or use another --db"
                        .formatted(location, owner.isEmpty() ? "lock file " + file : "pid " + owner));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new WriterLock(() -> {
                lock.release();
                channel.close();
            });
        } catch (IOException e) {
            throw new StoreException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static WriterLock advisoryLock(Database database) {
        try {
            Connection connection = database.dataSource().getConnection();
            try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, ADVISORY_KEY);
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        connection.close();
                        throw new StoreException("another stagewatch index is writing to " + database.location()
                                + " (its advisory lock is held); stop it first");
                    }
                }
            }
            return new WriterLock(connection::close);
        } catch (SQLException e) {
            throw new StoreException("cannot lock " + database.location() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            release.close();
        } catch (Exception e) {
            throw new StoreException("cannot release the writer lock: " + e.getMessage(), e);
        }
    }
}
