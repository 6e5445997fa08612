-- Stagewatch schema, version 3: what voting-power analytics needs to be fast.
-- Portable SQL (SQLite and PostgreSQL); every row carries chain_id and block_number.

-- Every delegate a votes token ever reported power for, with the block it was first seen. A
-- point-in-time query seeks each delegate's last checkpoint at or before B through the index below
-- instead of scanning every checkpoint; delegates first seen after B are not even visited.
-- block_number is the first sighting, so a reorg rollback (DELETE … WHERE block_number > fork)
-- removes exactly the delegates that only exist above the fork.
CREATE TABLE delegates (
    chain_id      BIGINT NOT NULL,
    token         TEXT   NOT NULL,
    delegate      TEXT   NOT NULL,
    block_number  BIGINT NOT NULL,
    PRIMARY KEY (chain_id, token, delegate)
);
-- Covering, in delegate order: the seeks below then walk the checkpoint index front to back.
CREATE INDEX delegates_seen ON delegates (chain_id, token, delegate, block_number);

INSERT INTO delegates (chain_id, token, delegate, block_number)
SELECT chain_id, token, delegate, MIN(block_number) FROM voting_power GROUP BY chain_id, token, delegate;

-- The V1 index plus new_votes: the seek for "last checkpoint of d at or before B" is answered from the
-- index alone (no table lookup per delegate). It has the V1 index as prefix, which it replaces.
CREATE INDEX voting_power_latest ON voting_power (chain_id, token, delegate, block_number, log_index, new_votes);
DROP INDEX voting_power_by_delegate;
