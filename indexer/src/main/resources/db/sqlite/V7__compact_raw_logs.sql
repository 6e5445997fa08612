-- Stagewatch schema, version 7 (SQLite; db/postgresql holds the same step for PostgreSQL): raw logs
-- stored compactly, for backfill throughput.
--
-- raw_logs held every hash and word as 0x-hex TEXT, the block hash again on every log, and an index
-- by address nothing reads: about 570 of the 946 bytes a delegation event cost in the store, and a
-- third of the writer's time. Now:
--  * tx_hash, topics and data are BLOBs (half the bytes of hex); topics are the log's topics
--    concatenated, 32 bytes each (topic0 = substr(topics, 1, 32));
--  * the block hash is not repeated: every log's block has its header in `blocks`, and the sync
--    checks the log's block hash equals that header's before anything is written;
--  * the table is WITHOUT ROWID, keyed by its log position, so a row is one B-tree entry, not two;
--  * address stays lower-case TEXT, as everywhere else, to join with `contracts`.
CREATE TABLE raw_logs_v5 (
    chain_id      BIGINT  NOT NULL,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_index      INTEGER NOT NULL,
    tx_hash       BLOB    NOT NULL,
    address       TEXT    NOT NULL,
    topics        BLOB    NOT NULL,
    data          BLOB    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
) WITHOUT ROWID;

INSERT INTO raw_logs_v5 (chain_id, block_number, log_index, tx_index, tx_hash, address, topics, data)
SELECT chain_id, block_number, log_index, tx_index, unhex(substr(tx_hash, 3)), address,
       unhex(substr(coalesce(topic0, '0x'), 3) || substr(coalesce(topic1, '0x'), 3)
             || substr(coalesce(topic2, '0x'), 3) || substr(coalesce(topic3, '0x'), 3)),
       unhex(substr(data, 3))
FROM raw_logs;

DROP TABLE raw_logs;
ALTER TABLE raw_logs_v5 RENAME TO raw_logs;
