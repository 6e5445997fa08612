package org.stagewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Keeps the packed copy of one token's voting-power history (V5) equal to its {@code voting_power} rows,
 * on the caller's connection and inside its transaction — the sync calls it in the transaction that commits
 * a range, so rows, packed copy and checkpoint commit together. What it keeps true:
 * <ul>
 *   <li>every delegate of the token up to the packed block has a {@code delegate_id}: 0, 1, 2, … in order of
 *       (first sighting, address), so the ids left after a rollback are exactly those of the delegates left;</li>
 *   <li>{@code power_chunks} cover disjoint block intervals [first_block, block_number]; every row at or below
 *       the last chunk's block_number (the coverage) is in exactly one chunk, in log order; the rows above it —
 *       the tail — are in none, and readers take them from {@code voting_power};</li>
 *   <li>a snapshot at block S holds every delegate's power after all rows ≤ S, and S is the end of a chunk.</li>
 * </ul>
 * A rollback deletes chunks, snapshots and delegates above the fork point like every chain table; what is
 * left keeps all three, and the rows between the coverage left and the fork point are tail until the next
 * pack. Small chunks are reopened and extended by the next pack (a followed head adds a few rows per block),
 * and a snapshot is written whenever the rows packed since the last one reach the number of delegates: the
 * snapshots then take about as much room as the chunks, and a point in time decodes at most one snapshot and
 * that many rows.
 */
public final class PowerHistoryWriter {
    static final int CHUNK_ROWS = 4096;
    static final int SNAPSHOT_MIN_ROWS = 65_536;
    /** New delegates below half this many never make {@link #keepStatistics} analyze a table that has statistics. */
    private static final double STATISTICS_MIN_ROWS = 2_000;
    private static final int LIMBS = PowerCodec.LIMBS;

    private final Connection connection;
    private final long chainId;
    private final String token;
    private final int chunkRows;
    private final int snapshotMinRows;

    private int delegateIds;
    private long snapshotBlock;
    private long rowsSinceSnapshot;
    /** The chunk being filled by the pack under way; null before its first row. */
    private Open open;
    /** Powers by delegate id as of the rows packed so far; loaded when a snapshot first falls due. */
    private long[] state;

    PowerHistoryWriter(Connection connection, long chainId, String token, int chunkRows, int snapshotMinRows) {
        this.connection = connection;
        this.chainId = chainId;
        this.token = token;
        this.chunkRows = chunkRows;
        this.snapshotMinRows = snapshotMinRows;
    }

    /**
     * Packs the token's rows in (coverage, {@code throughBlock}]. Every row at or below {@code throughBlock}
     * must be written already (it is the checkpoint of the range being written, or the chain's checkpoint).
     */
    public static void pack(Connection connection, long chainId, String token, long throughBlock) throws SQLException {
        new PowerHistoryWriter(connection, chainId, token, CHUNK_ROWS, SNAPSHOT_MIN_ROWS).packThrough(throughBlock);
    }

    void packThrough(long throughBlock) throws SQLException {
        delegateIds = assignIds();
        Chunk last = lastChunk();
        long coverage = last == null ? -1 : last.end;
        if (throughBlock <= coverage) {
            return;
        }
        snapshotBlock = lastSnapshotBlock();
        rowsSinceSnapshot = rowsSince(snapshotBlock);
        long[] power = new long[LIMBS];
        readCheckpoints(connection, chainId, token, coverage, throughBlock, 10_000, (block, id, votes) -> {
            PowerCodec.parseDecimal(votes, 0, votes.length(), power, 0);
            if (open == null) {
                open = reopen(last);
            } else if (open.rows >= chunkRows && block != open.lastBlock) {
                flush(open, open.lastBlock); // chunks end at block boundaries: coverage means whole blocks
                open = new Open();
            }
            add(open, block, id, power, 0);
        });
        if (open != null) {
            flush(open, throughBlock); // nothing else is at or below the checkpoint: the chunk may claim up to it
        }
    }

    /** One checkpoint of {@link #readCheckpoints}: its block, the delegate's packed id, newVotes as decimal text. */
    @FunctionalInterface
    interface CheckpointRow {
        void accept(long block, int delegateId, String newVotes) throws SQLException;
    }

    /**
     * A token's checkpoints in ({@code after}, {@code through}], in log order, straight from voting_power with each
     * delegate's packed id: what the packer packs, and what readers take above the packed coverage. A checkpoint
     * whose delegate has no id means the table was changed outside Stagewatch, and is refused by name.
     */
    static void readCheckpoints(Connection connection, long chainId, String token, long after, long through, int fetchSize,
                                CheckpointRow row) throws SQLException {
        try (PreparedStatement select = PowerQueries.prepare(connection, """
                SELECT v.block_number, d.delegate_id, v.new_votes, v.delegate FROM voting_power v
                LEFT JOIN delegates d ON d.chain_id = v.chain_id AND d.token = v.token AND d.delegate = v.delegate
                WHERE v.chain_id = ? AND v.token = ? AND v.block_number > ? AND v.block_number <= ?
                ORDER BY v.block_number, v.log_index""", chainId, token, after, through)) {
            select.setFetchSize(fetchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long block = rows.getLong(1);
                    int id = rows.getInt(2);
                    if (rows.wasNull()) {
                        throw new StoreException(("voting_power of token %s on chain %d has a checkpoint of %s at block %d "
                                + "without a delegate id (no delegates row, or one the packed history never numbered): the "
                                + "table was changed outside Stagewatch; re-index into a fresh --db")
                                .formatted(token, chainId, rows.getString(4), block));
                    }
                    row.accept(block, id, rows.getString(3));
                }
            }
        }
    }

    /** The chunk being filled: the last one again when it is small and no snapshot closed it, else a new one. */
    private Open reopen(Chunk last) throws SQLException {
        Open chunk = new Open();
        if (last == null || last.rows >= chunkRows || last.end <= snapshotBlock) {
            return chunk;
        }
        PowerCodec.Reader reader = new PowerCodec.Reader(last.data, "power_chunks of token " + token);
        long[] power = new long[LIMBS];
        long block = 0;
        while (reader.hasMore()) {
            block += reader.varint();
            int id = (int) reader.varint();
            reader.power(power, 0);
            chunk.write(block, id, power, 0);
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM power_chunks WHERE chain_id = ? AND token = ? AND block_number = ?")) {
            delete.setLong(1, chainId);
            delete.setString(2, token);
            delete.setLong(3, last.end);
            delete.executeUpdate();
        }
        rowsSinceSnapshot -= last.rows;
        return chunk;
    }

    private void add(Open open, long block, int id, long[] power, int at) {
        open.write(block, id, power, at);
        if (state != null) {
            apply(id, power, at);
        }
    }

    private void flush(Open open, long end) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO power_chunks (chain_id, token, block_number, first_block, row_count, data)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, chainId);
            insert.setString(2, token);
            insert.setLong(3, end);
            insert.setLong(4, open.firstBlock);
            insert.setInt(5, open.rows);
            insert.setBytes(6, open.writer.toBytes());
            insert.executeUpdate();
        }
        rowsSinceSnapshot += open.rows;
        if (rowsSinceSnapshot >= Math.max(snapshotMinRows, delegateIds)) {
            if (state == null) {
                state = loadState(); // includes the chunk just written: same transaction
            }
            writeSnapshot(end);
            snapshotBlock = end;
            rowsSinceSnapshot = 0;
        }
    }

    private void apply(int id, long[] power, int at) {
        System.arraycopy(power, at, state, id * LIMBS, LIMBS);
    }

    /** Powers after every packed row: the last snapshot, then the chunks after it. */
    private long[] loadState() throws SQLException {
        state = new long[delegateIds * LIMBS];
        try (PreparedStatement select = PowerQueries.prepare(connection,
                "SELECT data FROM power_snapshots WHERE chain_id = ? AND token = ? AND block_number = ?", chainId, token, snapshotBlock)) {
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    PowerCodec.Reader reader = new PowerCodec.Reader(rows.getBytes(1), "power_snapshots of token " + token);
                    int count = (int) reader.varint();
                    if (count > delegateIds) {
                        throw new StoreException(("power_snapshots of token %s on chain %d at block %d has %d delegates, more than "
                                + "the %d the delegates table numbers: the packed history is inconsistent; re-index into a fresh --db")
                                .formatted(token, chainId, snapshotBlock, count, delegateIds));
                    }
                    for (int id = 0; id < count; id++) {
                        reader.power(state, id * LIMBS);
                    }
                }
            }
        }
        try (PreparedStatement select = PowerQueries.prepare(connection, """
                SELECT data FROM power_chunks WHERE chain_id = ? AND token = ? AND block_number > ?
                ORDER BY block_number""", chainId, token, snapshotBlock)) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    PowerCodec.Reader reader = new PowerCodec.Reader(rows.getBytes(1), "power_chunks of token " + token);
                    while (reader.hasMore()) {
                        reader.varint();
                        int id = (int) reader.varint();
                        reader.power(state, id * LIMBS);
                    }
                }
            }
        }
        return state;
    }

    /**
     * Writes the powers of ids 0 … k − 1, k − 1 the highest id with power: ids above it may belong to delegates
     * this pack numbered but first seen after {@code block}, whom a rollback to a block between can remove
     * while the snapshot stays; the highest delegate with power had a checkpoint by {@code block} and stays too.
     */
    private void writeSnapshot(long block) throws SQLException {
        int count = delegateIds;
        while (count > 0 && (state[(count - 1) * LIMBS] | state[(count - 1) * LIMBS + 1] | state[(count - 1) * LIMBS + 2]
                | state[(count - 1) * LIMBS + 3]) == 0) {
            count--;
        }
        PowerCodec.Writer writer = new PowerCodec.Writer(count * 14);
        writer.varint(count);
        for (int id = 0; id < count; id++) {
            writer.power(state, id * LIMBS);
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO power_snapshots (chain_id, token, block_number, delegate_count, data) VALUES (?, ?, ?, ?, ?)""")) {
            insert.setLong(1, chainId);
            insert.setString(2, token);
            insert.setLong(3, block);
            insert.setInt(4, count);
            insert.setBytes(5, writer.toBytes());
            insert.executeUpdate();
        }
    }

    /** Gives every delegate without an id the next ones, in order of first sighting; returns how many ids exist. */
    private int assignIds() throws SQLException {
        int next = (int) PowerQueries.single(connection,
                "SELECT COALESCE(MAX(delegate_id) + 1, 0) FROM delegates WHERE chain_id = ? AND token = ?", chainId, token);
        List<String> unnumbered = new ArrayList<>();
        try (PreparedStatement select = PowerQueries.prepare(connection, """
                SELECT delegate FROM delegates WHERE chain_id = ? AND token = ? AND delegate_id IS NULL
                ORDER BY block_number, delegate""", chainId, token)) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    unnumbered.add(rows.getString(1));
                }
            }
        }
        keepStatistics(unnumbered.size());
        // updated after reading: the query walks the index on delegate_id that these updates change
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE delegates SET delegate_id = ? WHERE chain_id = ? AND token = ? AND delegate = ?")) {
            for (int i = 0; i < unnumbered.size(); i++) {
                update.setInt(1, next++);
                update.setLong(2, chainId);
                update.setString(3, token);
                update.setString(4, unnumbered.get(i));
                update.addBatch();
                if (i % 10_000 == 9_999) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
        return next;
    }

    /**
     * PostgreSQL: analyzes {@code delegates} (inside this transaction, so its new rows count) when it has no statistics
     * yet or has grown by half since they were taken. Without them the planner cannot tell that a delegate's address
     * picks one row, and for the id updates and lookups of a pack it may walk every delegate of the token through the
     * index by id instead of going to the row through the primary key — once per checkpoint. Nothing waits on
     * autovacuum (which may be off, and sees no rows before the commit anyway); SQLite plans these by its indexes.
     */
    private void keepStatistics(int added) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return;
        }
        double analyzed;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(reltuples), -1) FROM pg_class WHERE oid = to_regclass('delegates')")) {
            rows.next();
            analyzed = rows.getDouble(1);
        }
        if (analyzed < 0 || added > Math.max(analyzed, STATISTICS_MIN_ROWS) / 2) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE delegates");
            }
        }
    }

    private record Chunk(long end, int rows, byte[] data) {
    }

    private Chunk lastChunk() throws SQLException {
        try (PreparedStatement select = PowerQueries.prepare(connection, """
                SELECT block_number, row_count, data FROM power_chunks WHERE chain_id = ? AND token = ?
                ORDER BY block_number DESC LIMIT 1""", chainId, token)) {
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Chunk(rows.getLong(1), rows.getInt(2), rows.getBytes(3)) : null;
            }
        }
    }

    private long lastSnapshotBlock() throws SQLException {
        return PowerQueries.single(connection,
                "SELECT COALESCE(MAX(block_number), -1) FROM power_snapshots WHERE chain_id = ? AND token = ?", chainId, token);
    }

    private long rowsSince(long block) throws SQLException {
        return PowerQueries.single(connection,
                "SELECT COALESCE(SUM(row_count), 0) FROM power_chunks WHERE chain_id = ? AND token = ? AND block_number > ?",
                chainId, token, block);
    }

    /** A chunk being encoded. */
    private static final class Open {
        final PowerCodec.Writer writer = new PowerCodec.Writer(1 << 16);
        long firstBlock = -1;
        long lastBlock;
        int rows;

        void write(long block, int id, long[] power, int at) {
            if (rows == 0) {
                firstBlock = block;
                writer.varint(block);
            } else {
                writer.varint(block - lastBlock);
            }
            writer.varint(id);
            writer.power(power, at);
            lastBlock = block;
            rows++;
        }
    }
}
