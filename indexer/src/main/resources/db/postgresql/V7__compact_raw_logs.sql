-- Stagewatch schema, version 7 (PostgreSQL; db/sqlite holds the same step for SQLite, with the
-- reasons): raw logs stored compactly — tx_hash, topics (concatenated, 32 bytes each) and data as
-- BYTEA, the block hash left to `blocks`, no index by address.
CREATE TABLE raw_logs_v5 (
    chain_id      BIGINT  NOT NULL,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_index      INTEGER NOT NULL,
    tx_hash       BYTEA   NOT NULL,
    address       TEXT    NOT NULL,
    topics        BYTEA   NOT NULL,
    data          BYTEA   NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);

INSERT INTO raw_logs_v5 (chain_id, block_number, log_index, tx_index, tx_hash, address, topics, data)
SELECT chain_id, block_number, log_index, tx_index, decode(substr(tx_hash, 3), 'hex'), address,
       decode(substr(coalesce(topic0, '0x'), 3) || substr(coalesce(topic1, '0x'), 3)
              || substr(coalesce(topic2, '0x'), 3) || substr(coalesce(topic3, '0x'), 3), 'hex'),
       decode(substr(data, 3), 'hex')
FROM raw_logs;

DROP TABLE raw_logs;
ALTER TABLE raw_logs_v5 RENAME TO raw_logs;
