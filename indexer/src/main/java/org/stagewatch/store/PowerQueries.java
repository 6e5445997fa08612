package org.stagewatch.store;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The one read voting-power analytics is built on: a token's checkpoints in log order from a starting
 * point, decoded into primitive batches ({@link PowerRows}) without a string or BigInteger per row. It
 * reads the packed copy {@link PowerHistoryWriter} keeps — the last snapshot at or before the start, the
 * chunks after it — and the few rows above the packed coverage from {@code voting_power} itself, all in
 * one transaction, so a concurrent writer's range is seen whole or not at all.
 */
public final class PowerQueries {
    private static final int TAIL_FETCH_SIZE = 10_000;
    /** Chunks are tens of kilobytes: PostgreSQL would otherwise hold ten thousand of them per fetch. */
    private static final int CHUNK_FETCH_SIZE = 16;
    private static final int IN_LIST = 500;
    private static final long MMAP_BYTES = 1L << 40;

    private final Database database;

    public PowerQueries(Database database) {
        this.database = database;
    }

    /** Receives the history: {@link #start} once, then the rows in log order. */
    public interface HistorySink {
        /**
         * @param delegateIds every id in the rows is below this
         * @param ids         the id of each address asked for that has one (a delegate of the token by then)
         */
        void start(int delegateIds, Map<String, Integer> ids);

        /** The next rows; the batch is the sink's from now on. */
        void rows(PowerRows rows);
    }

    /**
     * Every delegate's power at the last snapshot at or before {@code start} (as rows at that snapshot's
     * block; nothing when there is none), then every checkpoint after it up to {@code through}, in
     * (block, logIndex) order. The power of d at any B between the start and {@code through} is the last
     * row of d at or before B.
     *
     * @param addresses delegates whose ids the sink needs (for regrouping by entity); may be empty
     */
    public void history(long chainId, String token, long start, long through, Collection<String> addresses, HistorySink sink) {
        inReadTransaction("the voting-power history of token %s on chain %d (from block %d)".formatted(token, chainId, start), connection -> {
            read(connection, chainId, token, start, through, addresses, sink);
            return null;
        });
    }

    /**
     * Every checkpoint in ({@code after}, {@code through}], in (block, logIndex) order, without a snapshot: for a reader
     * that holds every delegate's power at {@code after} already. The sink's {@code start} gets no ids.
     */
    public void historyAfter(long chainId, String token, long after, long through, HistorySink sink) {
        inReadTransaction("the voting-power history of token %s on chain %d (after block %d)".formatted(token, chainId, after), connection -> {
            sink.start((int) single(connection, "SELECT COALESCE(MAX(delegate_id) + 1, 0) FROM delegates WHERE chain_id = ? AND token = ?",
                    chainId, token), Map.of());
            Emitter out = new Emitter(sink);
            readAfter(connection, chainId, token, after, through, out);
            out.flush();
            return null;
        });
    }

    /** A delegate's voting power at a block. */
    public record DelegatePower(String delegate, BigInteger power) {
    }

    /**
     * Every delegate of the token with positive power at {@code block}, in order of first sighting: the power of each
     * is {@code newVotes} of its last checkpoint at or before the block (getPastVotes for block clocks), read from the
     * packed copy as a point in time — the last snapshot at or before the block and the rows after it.
     */
    public List<DelegatePower> powersAt(long chainId, String token, long block) {
        return inReadTransaction("the voting power of token %s on chain %d at block %d".formatted(token, chainId, block), connection -> {
            PointState state = new PointState();
            read(connection, chainId, token, block, block, List.of(), state);
            String[] names = names(connection, chainId, token, state.delegateIds);
            List<DelegatePower> powers = new ArrayList<>();
            for (int id = 0; id < state.delegateIds; id++) {
                BigInteger power = state.power(id);
                if (power.signum() > 0) {
                    if (names[id] == null) {
                        throw new StoreException("delegate id %d of token %s on chain %d has power at block %d but no delegates row: "
                                .formatted(id, token, chainId, block) + "the table was changed outside Stagewatch; re-index into a fresh --db");
                    }
                    powers.add(new DelegatePower(names[id], power));
                }
            }
            return powers;
        });
    }

    /** One delegate's power at {@code block} (see {@link #powersAt}): zero when it is no delegate of the token by then. */
    public BigInteger powerAt(long chainId, String token, String delegate, long block) {
        return inReadTransaction("the voting power of %s (token %s on chain %d) at block %d".formatted(delegate, token, chainId, block),
                connection -> {
                    PointState state = new PointState();
                    read(connection, chainId, token, block, block, List.of(delegate), state);
                    Integer id = state.ids.get(delegate);
                    return id == null ? BigInteger.ZERO : state.power(id);
                });
    }

    /** Each delegate's power after the rows read so far, by delegate id: a point in time is the state after all of them. */
    private static final class PointState implements HistorySink {
        private Map<String, Integer> ids = Map.of();
        private int delegateIds;
        private long[] limbs = new long[0];

        @Override
        public void start(int delegateIds, Map<String, Integer> ids) {
            this.ids = ids;
            this.delegateIds = delegateIds;
            limbs = new long[delegateIds * PowerCodec.LIMBS];
        }

        @Override
        public void rows(PowerRows rows) {
            for (int i = 0; i < rows.size; i++) {
                int id = rows.ids[i];
                if (id >= delegateIds) { // a delegate numbered after the count was read: not in one transaction
                    throw new IllegalStateException("delegate id " + id + " is not below the " + delegateIds + " read first");
                }
                System.arraycopy(rows.limbs, i * PowerCodec.LIMBS, limbs, id * PowerCodec.LIMBS, PowerCodec.LIMBS);
            }
        }

        BigInteger power(int id) {
            return PowerCodec.toBigInteger(limbs, id * PowerCodec.LIMBS);
        }
    }

    /** The address of each numbered delegate of the token, by id (the first {@code count}). */
    private static String[] names(Connection connection, long chainId, String token, int count) throws SQLException {
        String[] names = new String[count];
        try (PreparedStatement select = prepare(connection, """
                SELECT delegate_id, delegate FROM delegates WHERE chain_id = ? AND token = ? AND delegate_id IS NOT NULL""",
                chainId, token)) {
            select.setFetchSize(TAIL_FETCH_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int id = rows.getInt(1);
                    if (id < count) {
                        names[id] = rows.getString(2);
                    }
                }
            }
        }
        return names;
    }

    @FunctionalInterface
    private interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs {@code read} in one transaction (repeatable read on PostgreSQL), so a concurrent writer's range is seen whole or not at all. */
    private <T> T inReadTransaction(String what, Read<T> read) {
        try {
            return database.jdbi().withHandle(handle -> {
                prepare(handle);
                if (database.isSqlite()) {
                    return handle.inTransaction(transaction -> read.apply(transaction.getConnection()));
                }
                return handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, transaction -> read.apply(transaction.getConnection()));
            });
        } catch (SQLException e) {
            throw new StoreException("reading %s from %s failed: %s".formatted(what, database.location(), e.getMessage()), e);
        }
    }

    private static void read(Connection connection, long chainId, String token, long start, long through,
                             Collection<String> addresses, HistorySink sink) throws SQLException {
        sink.start((int) single(connection, "SELECT COALESCE(MAX(delegate_id) + 1, 0) FROM delegates WHERE chain_id = ? AND token = ?",
                chainId, token), idsOf(connection, chainId, token, addresses));
        Emitter out = new Emitter(sink);
        long snapshotBlock = -1;
        try (PreparedStatement select = prepare(connection, """
                SELECT block_number, data FROM power_snapshots WHERE chain_id = ? AND token = ? AND block_number <= ?
                ORDER BY block_number DESC LIMIT 1""", chainId, token, start)) {
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    snapshotBlock = rows.getLong(1);
                    PowerCodec.Reader reader = new PowerCodec.Reader(rows.getBytes(2), "power_snapshots of token " + token);
                    int count = (int) reader.varint();
                    for (int id = 0; id < count; id++) {
                        int at = out.add(snapshotBlock, id);
                        if (!reader.power(out.batch.limbs, at)) {
                            out.batch.size--; // zero: the same as no row
                        }
                    }
                }
            }
        }
        readAfter(connection, chainId, token, snapshotBlock, through, out);
        out.flush();
    }

    /** The rows in ({@code after}, {@code through}]: from the chunks that hold them, then from voting_power above the packed coverage. */
    private static void readAfter(Connection connection, long chainId, String token, long after, long through, Emitter out)
            throws SQLException {
        try (PreparedStatement select = prepare(connection, """
                SELECT data FROM power_chunks WHERE chain_id = ? AND token = ? AND block_number > ? AND first_block <= ?
                ORDER BY block_number""", chainId, token, after, through)) {
            select.setFetchSize(CHUNK_FETCH_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    decodeChunk(rows.getBytes(1), token, after, through, out);
                }
            }
        }
        long coverage = single(connection, "SELECT COALESCE(MAX(block_number), -1) FROM power_chunks WHERE chain_id = ? AND token = ?",
                chainId, token);
        if (through > coverage) {
            readTail(connection, chainId, token, Math.max(coverage, after), through, out);
        }
    }

    private static void decodeChunk(byte[] data, String token, long after, long through, Emitter out) {
        PowerCodec.Reader reader = new PowerCodec.Reader(data, "power_chunks of token " + token);
        long block = 0;
        while (reader.hasMore()) {
            block += reader.varint();
            int id = (int) reader.varint();
            if (block > through) {
                return;
            }
            int at = out.add(block, id);
            reader.power(out.batch.limbs, at);
            if (block <= after) {
                out.batch.size--; // at or before the block the rows start after (a chunk may straddle it)
            }
        }
    }

    /** Rows above the packed coverage, straight from voting_power (few: those the last pack had not reached). */
    private static void readTail(Connection connection, long chainId, String token, long after, long through, Emitter out)
            throws SQLException {
        PowerHistoryWriter.readCheckpoints(connection, chainId, token, after, through, TAIL_FETCH_SIZE, (block, id, votes) -> {
            int at = out.add(block, id);
            PowerCodec.parseDecimal(votes, 0, votes.length(), out.batch.limbs, at);
        });
    }

    private static Map<String, Integer> idsOf(Connection connection, long chainId, String token, Collection<String> addresses)
            throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        List<String> all = new ArrayList<>(addresses);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("SELECT delegate, delegate_id FROM delegates "
                    + "WHERE chain_id = ? AND token = ? AND delegate_id IS NOT NULL AND delegate IN (" + marks + ")")) {
                select.setLong(1, chainId);
                select.setString(2, token);
                for (int i = 0; i < part.size(); i++) {
                    select.setString(3 + i, part.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
        }
        return ids;
    }

    /** The one number {@code sql} answers, its parameters a token ({@code chainId}, {@code token}) and then {@code more}. */
    static long single(Connection connection, String sql, long chainId, String token, long... more) throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, chainId, token, more)) {
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** {@code sql} prepared with its parameters bound: a token ({@code chainId}, {@code token}), then {@code more}. */
    static PreparedStatement prepare(Connection connection, String sql, long chainId, String token, long... more) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.setLong(1, chainId);
            statement.setString(2, token);
            for (int i = 0; i < more.length; i++) {
                statement.setLong(3 + i, more[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Fills batches and hands each on when full. */
    private static final class Emitter {
        private final HistorySink sink;
        PowerRows batch = new PowerRows();

        Emitter(HistorySink sink) {
            this.sink = sink;
        }

        int add(long block, int id) {
            if (batch.isFull()) {
                sink.rows(batch);
                batch = new PowerRows();
            }
            return batch.add(block, id);
        }

        void flush() {
            if (batch.size > 0) {
                sink.rows(batch);
            }
            batch = new PowerRows();
        }
    }

    /**
     * Lets SQLite map the file into memory for this connection: the packed history is hundreds of megabytes,
     * and reading it through the small page cache costs a system call per page.
     */
    private void prepare(Handle handle) {
        if (database.isSqlite()) {
            handle.execute("PRAGMA mmap_size = " + MMAP_BYTES);
        }
    }
}
