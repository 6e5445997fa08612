-- Stagewatch schema, version 10: the state reads a committed range still owes. Portable SQL (SQLite and PostgreSQL).
--
-- The eth_call readings a range needs (quorums, supplies, start state, proxy slots, probes) are taken right after
-- the range's transaction commits, from what it stored. A run stopped in between (kill -9, SIGTERM, a call that
-- fails) would leave them unread for good: a re-run with no new blocks indexes nothing, so it would read nothing.
-- So every commit also writes, in the same transaction, one row per chain: the block the readings are owed at. The
-- readers delete it once their readings are stored, and every run settles a row it finds before anything else.
-- Rollback moves a row above the fork point down to it (the readings due up to the fork are still owed).
CREATE TABLE owed_reads (
    chain_id      BIGINT  NOT NULL PRIMARY KEY,
    block_number  BIGINT  NOT NULL,   -- the committed block the readers run at (its header is in blocks)
    run_end       INTEGER NOT NULL    -- 1 when it was the last block of a run: the end-of-run readings are owed too
);
