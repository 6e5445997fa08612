package org.stagewatch.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Random;

import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.stagewatch.store.Database;
import org.stagewatch.store.PowerHistoryWriter;

/**
 * Writes a synthetic votes-token history straight into a store (the real schema, through plain JDBC batches on
 * SQLite and COPY on PostgreSQL rather than the sync): {@code delegates} addresses, {@code checkpoints}
 * DelegateVotesChanged rows, {@value #PER_BLOCK} per block, one block every {@value #BLOCK_SECONDS} s.
 * The first checkpoint of each delegate comes first, so all are known early; later ones pick a
 * delegate at random and give it a heavy-tailed power with 18 decimals (5 % drop to zero). A governor
 * with a 4 % quorum fraction and a minted supply make {@code nakamoto.quorum} and the supply share
 * computable. Secondary indexes are dropped while loading and built once at the end, as a bulk load should.
 * {@link #pack} then builds the packed power history (V5) with the writer the sync and the V6 migration use.
 */
final class SyntheticStore {
    static final String DAO = "bench";
    static final long CHAIN_ID = 1;
    static final String TOKEN = "0x" + "b".repeat(40);
    static final String GOVERNOR = "0x" + "c".repeat(40);
    static final String TREASURY = "0x" + "d".repeat(40);
    static final int PER_BLOCK = 10;
    static final long BLOCK_SECONDS = 12;
    static final long GENESIS_TIME = 1_700_000_000L;
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final String TX_PREFIX = "0x" + "e".repeat(48);
    private static final String SUPPLY = "10000000000000" + "0".repeat(18);

    private SyntheticStore() {
    }

    /** @return the last block written */
    static long write(Database database, int delegates, long checkpoints, long seed) throws SQLException {
        Random random = new Random(seed);
        String[] addresses = new String[delegates];
        for (int i = 0; i < delegates; i++) {
            addresses[i] = String.format("0x%016x%016x%08x", random.nextLong(), random.nextLong(), random.nextInt());
        }
        String[] powers = new String[delegates];
        long lastBlock = (checkpoints - 1) / PER_BLOCK + 1;
        boolean sqlite = database.isSqlite();
        try (Handle handle = database.jdbi().open()) {
            Connection connection = handle.getConnection();
            if (sqlite) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA synchronous = OFF"); // a benchmark store: losing it to a crash costs a re-run
                }
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP INDEX delegates_seen");
            }
            writeFixtures(connection, lastBlock);
            try (Rows power = Rows.of(connection, "voting_power", "chain_id, token, delegate, previous_votes, new_votes, block_number, log_index, tx_hash");
                 Rows delegate = Rows.of(connection, "delegates", "chain_id, token, delegate, block_number")) {
                for (long i = 0; i < checkpoints; i++) {
                    int who = i < delegates ? (int) i : random.nextInt(delegates);
                    long block = i / PER_BLOCK + 1;
                    String next = random.nextInt(20) == 0 ? "0" : randomPower(random);
                    power.add(CHAIN_ID, TOKEN, addresses[who], powers[who] == null ? "0" : powers[who], next, block, (int) (i % PER_BLOCK),
                            TX_PREFIX + i);
                    if (powers[who] == null) {
                        delegate.add(CHAIN_ID, TOKEN, addresses[who], block);
                    }
                    powers[who] = next;
                    if (i % 50_000 == 49_999) {
                        power.flush();
                        delegate.flush();
                        connection.commit(); // smaller transactions keep SQLite's write-ahead log short
                    }
                }
            }
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE INDEX delegates_seen ON delegates (chain_id, token, delegate, block_number)");
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // SQLite: move everything from the write-ahead log into the database file, as a long-running sync would have;
                // PostgreSQL: the statistics a database that has been running a while has (as after a bulk load)
                statement.execute(sqlite ? "PRAGMA wal_checkpoint(TRUNCATE)" : "ANALYZE");
            }
        }
        return lastBlock;
    }

    /**
     * Packs the whole history through the last block in one transaction: what the sync does range by range
     * while indexing, and what the V6 migration does to a database that predates it.
     */
    static void pack(Database database, long lastBlock) throws SQLException {
        try (Handle handle = database.jdbi().open()) {
            Connection connection = handle.getConnection();
            if (database.isSqlite()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA cache_size = -262144"); // 256 MiB: the pack walks two big indexes at once
                }
            }
            connection.setAutoCommit(false);
            PowerHistoryWriter.pack(connection, CHAIN_ID, TOKEN, lastBlock);
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /** Powers spread over nine orders of magnitude, with all 18 decimals filled. */
    private static String randomPower(Random random) {
        long tokens = (long) Math.pow(10, random.nextDouble() * 9);
        return tokens + String.format("%018d", Math.floorMod(random.nextLong(), 1_000_000_000_000_000_000L));
    }

    private static void writeFixtures(Connection connection, long lastBlock) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // the columns named: later migrations add columns with defaults (V15: proxy)
            String contract = "INSERT INTO contracts (dao_id, chain_id, address, kind, label, start_block, critical, transfers) VALUES ";
            statement.execute(contract + "('" + DAO + "', 1, '" + TOKEN + "', 'votes-token', 'BENCH', 0, 0, 1)");
            statement.execute(contract + "('" + DAO + "', 1, '" + GOVERNOR + "', 'governor', 'Bench Governor', 0, 0, 0)");
            statement.execute("INSERT INTO transfers VALUES (1, '" + TOKEN + "', '" + ZERO + "', '" + TREASURY + "', '"
                    + SUPPLY + "', 0, 0, '0x00')");
            statement.execute("INSERT INTO governor_settings VALUES (1, '" + GOVERNOR + "', 'quorumNumerator', '0', '4', 0, 1)");
            statement.execute("INSERT INTO state_reads VALUES (1, '" + GOVERNOR + "', 'quorumDenominator', '', '100', 0)");
            statement.execute("INSERT INTO sync_checkpoints VALUES (1, " + lastBlock + ", '0xhead', '2026-01-01T00:00:00Z')");
        }
        try (Rows block = Rows.of(connection, "blocks", "chain_id, block_number, block_hash, parent_hash, block_time")) {
            for (long number = 0; number <= lastBlock; number++) {
                block.add(CHAIN_ID, number, "0xb" + number, "0xb" + (number - 1), GENESIS_TIME + number * BLOCK_SECONDS);
                if (number % 50_000 == 0) {
                    block.flush();
                }
            }
        }
    }

    /**
     * Rows into one table, sent in batches: SQLite through a prepared statement's batches, PostgreSQL through COPY
     * (the driver's CopyManager), its fastest way in. The values are numbers and plain hex or decimal text: nothing in
     * them needs quoting in COPY's text format.
     */
    private abstract static class Rows implements AutoCloseable {
        static Rows of(Connection connection, String table, String columns) throws SQLException {
            int count = columns.split(",").length;
            if (!connection.isWrapperFor(PGConnection.class)) {
                PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                        + String.join(", ", Collections.nCopies(count, "?")) + ")");
                return new Rows() {
                    @Override
                    void add(Object... values) throws SQLException {
                        for (int i = 0; i < values.length; i++) {
                            statement.setObject(i + 1, values[i]);
                        }
                        statement.addBatch();
                    }

                    @Override
                    void flush() throws SQLException {
                        statement.executeBatch();
                    }

                    @Override
                    void release() throws SQLException {
                        statement.close();
                    }
                };
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY " + table + " (" + columns + ") FROM STDIN";
            return new Rows() {
                private final StringBuilder text = new StringBuilder(1 << 20);

                @Override
                void add(Object... values) {
                    for (int i = 0; i < values.length; i++) {
                        text.append(values[i]).append(i + 1 < values.length ? '\t' : '\n');
                    }
                }

                @Override
                void flush() throws SQLException {
                    if (text.isEmpty()) {
                        return;
                    }
                    try {
                        copy.copyIn(sql, new StringReader(text.toString()));
                    } catch (IOException e) {
                        throw new SQLException("COPY into " + table + ": " + e.getMessage(), e);
                    }
                    text.setLength(0);
                }
            };
        }

        abstract void add(Object... values) throws SQLException;

        abstract void flush() throws SQLException;

        void release() throws SQLException {
        }

        @Override
        public void close() throws SQLException {
            flush();
            release();
        }
    }
}
