package org.stagewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.Context;
import org.stagewatch.chain.Hex;
import org.stagewatch.chain.RawLog;

/**
 * Schema version 8: raw logs stored one row per block, packed ({@link RawLogCodec}), in {@code raw_log_blocks}
 * instead of one row per log in {@code raw_logs} — a backfill's writer inserted a million rows for a million
 * events, a quarter of its time, and they were the largest table. Moves what a database holds block by block
 * and drops {@code raw_logs}. Java rather than SQL: the packing is a loop SQL cannot express portably; the one
 * type the two databases spell differently (BLOB, BYTEA) is chosen from the connection.
 */
final class PackRawLogs extends JavaStep {
    PackRawLogs() {
        super(8, "pack raw logs per block");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement statement = connection.createStatement()) {
            // one row per block that has logs; the block's hash is its header's in `blocks`
            statement.execute("""
                    CREATE TABLE raw_log_blocks (
                        chain_id      BIGINT   NOT NULL,
                        block_number  BIGINT   NOT NULL,
                        log_count     INTEGER  NOT NULL,
                        logs          %s       NOT NULL,
                        PRIMARY KEY (chain_id, block_number)
                    )""".formatted(postgres ? "BYTEA" : "BLOB"));
        }
        try (PreparedStatement select = connection.prepareStatement("""
                     SELECT chain_id, block_number, log_index, tx_index, tx_hash, address, topics, data
                     FROM raw_logs ORDER BY chain_id, block_number, log_index""");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO raw_log_blocks (chain_id, block_number, log_count, logs) VALUES (?, ?, ?, ?)")) {
            select.setFetchSize(10_000);
            List<RawLog> block = new ArrayList<>();
            int batched = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    RawLog log = version7Row(rows);
                    if (!block.isEmpty() && (block.get(0).chainId() != log.chainId() || block.get(0).blockNumber() != log.blockNumber())) {
                        insert(insert, block);
                        if (++batched == BATCH_BLOCKS) { // a long history's packed blocks need not all wait in memory
                            insert.executeBatch();
                            batched = 0;
                        }
                    }
                    block.add(log);
                }
            }
            if (!block.isEmpty()) {
                insert(insert, block);
            }
            insert.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE raw_logs");
        }
    }

    /** A row of V7's raw_logs: tx hash and data as bytes, the topics concatenated 32 bytes each (block hash: not needed to pack). */
    private static RawLog version7Row(ResultSet rows) throws SQLException {
        long block = rows.getLong(2);
        int logIndex = rows.getInt(3);
        byte[] topics = rows.getBytes(7);
        if (topics.length % 32 != 0) {
            throw new IllegalStateException("raw_logs: the topics of log %d/%d are %d bytes, not a multiple of 32"
                    .formatted(block, logIndex, topics.length));
        }
        List<String> topicList = new ArrayList<>(topics.length / 32);
        for (int offset = 0; offset < topics.length; offset += 32) {
            topicList.add(Hex.of(topics, offset, offset + 32));
        }
        byte[] txHash = rows.getBytes(5);
        byte[] data = rows.getBytes(8);
        return new RawLog(rows.getLong(1), block, "", Hex.of(txHash, 0, txHash.length), rows.getInt(4), logIndex,
                rows.getString(6), topicList, Hex.of(data, 0, data.length));
    }

    private static final int BATCH_BLOCKS = 1_000;

    private static void insert(PreparedStatement insert, List<RawLog> block) throws SQLException {
        insert.setLong(1, block.get(0).chainId());
        insert.setLong(2, block.get(0).blockNumber());
        insert.setInt(3, block.size());
        insert.setBytes(4, RawLogCodec.pack(block, 0, block.size()));
        insert.addBatch();
        block.clear();
    }
}
