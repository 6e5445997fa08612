-- Stagewatch schema, version 5: a packed copy of the voting-power history, so that metrics at a block and
-- along a series read a few hundred blobs instead of a million index seeks or ten million text rows
-- Portable SQL (SQLite and PostgreSQL); the packed columns are BLOB on SQLite and BYTEA on
-- PostgreSQL, through the Flyway placeholder `blob` (store.Database).
--
-- The copy is derived data: store.PowerHistoryWriter rebuilds it from voting_power in the transaction that
-- commits each range (and V6 packs what an older database holds). Every row carries chain_id and
-- block_number, so a reorg rollback (DELETE … WHERE chain_id = ? AND block_number > fork) keeps it
-- consistent with voting_power; rows between the packed coverage and the head are read from voting_power.

-- A dense number per delegate of a token (0, 1, 2, … in order of first sighting, then address): the packed
-- rows name delegates by it. Rolled back with its delegates row, which is deleted above its first sighting.
ALTER TABLE delegates ADD COLUMN delegate_id INTEGER;
CREATE INDEX delegates_by_id ON delegates (chain_id, token, delegate_id);

-- A token's checkpoints of the blocks first_block … block_number, in log order: per row the block (as a
-- delta), the delegate id and newVotes as big-endian bytes (layout in store.PowerCodec). Chunks cover
-- disjoint whole-block intervals; every row at or below the highest block_number is in exactly one.
CREATE TABLE power_chunks (
    chain_id      BIGINT   NOT NULL,
    token         TEXT     NOT NULL,
    block_number  BIGINT   NOT NULL,   -- the last block covered
    first_block   BIGINT   NOT NULL,   -- the block of the first row
    row_count     INTEGER  NOT NULL,
    data          ${blob}  NOT NULL,
    PRIMARY KEY (chain_id, token, block_number)
);

-- Every delegate's power after all checkpoints at or below block_number (the end of a chunk), by delegate
-- id: a point in time starts from the last snapshot at or before it instead of from the first checkpoint.
CREATE TABLE power_snapshots (
    chain_id        BIGINT   NOT NULL,
    token           TEXT     NOT NULL,
    block_number    BIGINT   NOT NULL,
    delegate_count  INTEGER  NOT NULL,
    data            ${blob}  NOT NULL,
    PRIMARY KEY (chain_id, token, block_number)
);
