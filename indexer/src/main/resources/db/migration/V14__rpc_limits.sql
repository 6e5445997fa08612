-- Stagewatch schema, version 14: what each RPC endpoint taught about its limits, so a later run starts from it
-- instead of learning it again request by request. Portable SQL (SQLite and PostgreSQL).
--
-- Not indexed data: no block_number, untouched by a reorg rollback, and rewritten after each commit of a backfill.
--  * endpoint: scheme, host and port of the RPC URL, never its path or query (where providers put keys);
--  * range_blocks: the eth_getLogs range to start from (one that succeeded);
--  * block_cap / result_cap: the widest range and the most results per answer the provider takes (0 = none known);
--  * largest_count: the most logs one answer held; batch_size: the most calls in a JSON-RPC batch it takes.
CREATE TABLE rpc_limits (
    chain_id       BIGINT  NOT NULL,
    endpoint       TEXT    NOT NULL,
    range_blocks   BIGINT  NOT NULL,
    block_cap      BIGINT  NOT NULL,
    result_cap     BIGINT  NOT NULL,
    largest_count  BIGINT  NOT NULL,
    batch_size     INTEGER NOT NULL,
    updated_at     TEXT    NOT NULL,
    PRIMARY KEY (chain_id, endpoint)
);
