package org.stagewatch.store;

import org.jdbi.v3.core.Handle;

/**
 * The two reads voting-power analytics is built on, streamed row by row from the JDBC result set so
 * that ten million checkpoints never sit in the heap as objects:
 * <ul>
 *   <li>{@link #powersAt}: each delegate's power at block B — one index seek per delegate known by B
 *       (V3's {@code delegates} table and covering {@code voting_power_latest} index), not a scan of
 *       every checkpoint;</li>
 *   <li>{@link #changes}: the checkpoints of a block range in log order, for one ordered pass.</li>
 * </ul>
 */
public final class PowerQueries {
    private static final int FETCH_SIZE = 10_000;
    private static final long MMAP_BYTES = 1L << 40;

    private final Database database;

    public PowerQueries(Database database) {
        this.database = database;
    }

    /**
     * Receives one row as {@code delegate,newVotes} (the stored texts joined by a comma in SQL: one
     * string per row crosses JDBC instead of two, which is most of what reading a row costs).
     */
    @FunctionalInterface
    public interface PowerSink {
        void accept(String delegateAndVotes);
    }

    /** Receives one checkpoint ({@code delegate,newVotes} as for {@link PowerSink}) in (block, logIndex) order. */
    @FunctionalInterface
    public interface ChangeSink {
        void accept(String delegateAndVotes, long block);
    }

    /** Position of a log as one number, block · 2²⁰ + logIndex (no block holds a million logs). */
    private static final String POSITION = "block_number * 1048576 + log_index";

    /** Thrown when storage order turns out not to be log order; {@link #changes} then falls back to the index. */
    private static final class NotInLogOrder extends RuntimeException {
        NotInLogOrder() {
            super(null, null, false, false);
        }
    }

    /**
     * Power of every delegate first seen at or before {@code block} (zero included): newVotes of its last
     * checkpoint. Only delegates in [{@code low}, {@code high}) are read, so callers can split the work
     * over several connections; delegates are visited in address order, which walks the checkpoint
     * index front to back.
     */
    public void powersAt(long chainId, String token, long block, String low, String high, PowerSink sink) {
        database.jdbi().useHandle(handle -> prepare(handle).createQuery("""
                        SELECT d.delegate || ',' ||
                               (SELECT v.new_votes FROM voting_power v
                                WHERE v.chain_id = d.chain_id AND v.token = d.token AND v.delegate = d.delegate
                                  AND v.block_number <= :block
                                ORDER BY v.block_number DESC, v.log_index DESC LIMIT 1) AS power
                        FROM delegates d
                        WHERE d.chain_id = :chainId AND d.token = :token AND d.delegate >= :low AND d.delegate < :high
                          AND d.block_number <= :block""")
                .bind("chainId", chainId).bind("token", token).bind("block", block).bind("low", low).bind("high", high)
                .setFetchSize(FETCH_SIZE)
                .reduceResultSet(sink, (target, resultSet, context) -> {
                    target.accept(resultSet.getString(1));
                    return target;
                }));
    }

    /**
     * Checkpoints with {@code fromExclusive < block ≤ toInclusive}, in (block, logIndex) order. On SQLite
     * the table is read in storage order, which is log order for everything the sync wrote (it appends
     * ranges in block order, per chain) and much faster than following the index row by row; the order
     * is checked as rows arrive, and a table that is not in log order is read again through the index,
     * after {@code reset} has told the sink to forget what it saw.
     */
    public void changes(long chainId, String token, long fromExclusive, long toInclusive, ChangeSink sink, Runnable reset) {
        if (database.isSqlite()) {
            try {
                stream("NOT INDEXED", "ORDER BY rowid", chainId, token, fromExclusive, toInclusive, sink, true);
                return;
            } catch (RuntimeException e) {
                if (!(e instanceof NotInLogOrder) && !(e.getCause() instanceof NotInLogOrder)) {
                    throw e;
                }
                reset.run();
            }
        }
        stream("", "ORDER BY block_number, log_index", chainId, token, fromExclusive, toInclusive, sink, false);
    }

    /**
     * Lets SQLite map the file into memory for this connection: the seeks and scans here touch
     * gigabytes of index pages, and reading them through its small page cache costs a system call each.
     */
    private Handle prepare(Handle handle) {
        if (database.isSqlite()) {
            handle.execute("PRAGMA mmap_size = " + MMAP_BYTES);
        }
        return handle;
    }

    private void stream(String indexHint, String order, long chainId, String token, long from, long to, ChangeSink sink,
                        boolean checkOrder) {
        database.jdbi().useHandle(handle -> prepare(handle).useTransaction(transaction ->
                streamIn(transaction, indexHint, order, chainId, token, from, to, sink, checkOrder)));
    }

    private static void streamIn(Handle handle, String indexHint, String order, long chainId, String token, long from,
                                 long to, ChangeSink sink, boolean checkOrder) {
        long[] last = {Long.MIN_VALUE};
        handle.createQuery("SELECT delegate || ',' || new_votes, " + POSITION + " FROM voting_power " + indexHint + """
                         WHERE chain_id = :chainId AND token = :token AND block_number > :from AND block_number <= :to
                        """ + order)
                .bind("chainId", chainId).bind("token", token).bind("from", from).bind("to", to)
                .setFetchSize(FETCH_SIZE)
                .reduceResultSet(sink, (target, resultSet, context) -> {
                    long position = resultSet.getLong(2);
                    if (checkOrder) {
                        if (position <= last[0]) {
                            throw new NotInLogOrder();
                        }
                        last[0] = position;
                    }
                    target.accept(resultSet.getString(1), position >> 20);
                    return target;
                });
    }
}
