package org.stagewatch.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Makes sure one indexer at a time writes each chain's rows. SQLite: an exclusive OS lock on {@code <db>.lock}
 * for the whole file (released by the OS when the process dies, even by kill -9), holding the owner's pid for the
 * message — SQLite lets one transaction write at a time anyway, and an indexer's commits are long, so a second
 * indexer on another chain of the same file would only wait on the first (or time out). PostgreSQL: one advisory
 * lock per chain ({@code pg_try_advisory_lock} on a key made of the schema and the chain id), held by a
 * connection of its own outside the pool for the life of the lock and released by the server when that
 * connection ends, however the process died. Indexers of different chains run side by side; a second indexer of
 * a chain is refused with the first one's host and pid, which its lock connection carries as its
 * {@code application_name}.
 */
public final class WriterLock implements AutoCloseable {
    private final AutoCloseable release;

    private WriterLock(AutoCloseable release) {
        this.release = release;
    }

    /** Locks every chain in {@code chainIds} (PostgreSQL), or the whole file (SQLite); all or none. */
    public static WriterLock acquire(Database database, Collection<Long> chainIds) {
        return database.isSqlite() ? fileLock(database.location()) : advisoryLocks(database, new TreeSet<>(chainIds));
    }

    /** Locks every chain the database has contracts on: for commands that rewrite all of them (reproject). */
    public static WriterLock acquireAll(Database database) {
        if (database.isSqlite()) {
            return fileLock(database.location());
        }
        List<Long> chains = database.jdbi().withHandle(handle -> handle.createQuery("SELECT DISTINCT chain_id FROM contracts")
                .mapTo(Long.class).list());
        return advisoryLocks(database, new TreeSet<>(chains));
    }

    private static WriterLock fileLock(String location) {
        Path file = Path.of(location.replaceFirst("^jdbc:sqlite:", "") + ".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
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

    /** What a lock connection calls itself, so a refused indexer can tell who holds the chain. */
    static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown host");
        }
        String name = "stagewatch index on " + host + " pid " + ProcessHandle.current().pid();
        return name.length() <= 63 ? name : "stagewatch index on " + host.substring(0, Math.max(0, 63 - name.length() + host.length()))
                + " pid " + ProcessHandle.current().pid();
    }

    private static WriterLock advisoryLocks(Database database, Collection<Long> chainIds) {
        Connection connection = null;
        try {
            connection = database.directConnection();
            try (var statement = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                statement.setString(1, owner());
                statement.execute();
            }
            for (long chainId : chainIds) {
                long key = key(connection, chainId);
                boolean locked;
                try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    statement.setLong(1, key);
                    try (var result = statement.executeQuery()) {
                        result.next();
                        locked = result.getBoolean(1);
                    }
                }
                if (!locked) {
                    String holder = holder(connection, key);
                    throw new StoreException(("another stagewatch index is writing chain %d to %s (%s); stop it first, "
                            + "or run this one for other chains (index --chain NAME)")
                            .formatted(chainId, database.location(), holder));
                }
            }
            return new WriterLock(connection::close);
        } catch (SQLException e) {
            close(connection);
            throw new StoreException("cannot lock " + database.location() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(connection); // the locks taken so far end with their connection
            throw e;
        }
    }

    /** The advisory lock key of a chain in this schema: two schemas of one database index the same chain independently. */
    private static long key(Connection connection, long chainId) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT hashtextextended('stagewatch writer ' || current_schema() || ' ' || ?, 0)")) {
            statement.setString(1, Long.toString(chainId));
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Who holds a key: its connection's application_name ({@link #owner}), else its server process. */
    private static String holder(Connection connection, long key) throws SQLException {
        try (var statement = connection.prepareStatement("""
                SELECT a.application_name, l.pid FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid::text::bigint = ? AND l.objid::text::bigint = ? AND l.objsubid = 1""")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            try (var result = statement.executeQuery()) {
                if (!result.next()) {
                    return "its lock was just released: try again";
                }
                String name = result.getString(1);
                return name != null && name.startsWith("stagewatch index on ") ? name.substring("stagewatch ".length())
                        : "server process " + result.getLong(2);
            }
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the lock ends with the connection either way
            }
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
