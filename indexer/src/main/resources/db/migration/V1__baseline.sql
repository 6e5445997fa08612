-- Stagewatch schema, version 1. Portable SQL (SQLite and PostgreSQL).
--
-- Invariants (DESIGN.md §2):
--  * every row carries chain_id and block_number, so a reorg rollback is one
--    DELETE ... WHERE chain_id = ? AND block_number > ? per table plus a checkpoint reset;
--  * projected rows are append-only facts keyed by their log position (chain_id, block_number,
--    log_index): state such as "proposal executed" is derived by query, never updated in place;
--  * uint256 values are stored as decimal TEXT and stay exact (BigInteger) until shown;
--  * addresses are stored in lower case.

-- What the indexer was asked to index, per DAO. Written on the first run; later runs compare.
CREATE TABLE contracts (
    dao_id       TEXT    NOT NULL,
    chain_id     BIGINT  NOT NULL,
    address      TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    label        TEXT    NOT NULL,
    start_block  BIGINT  NOT NULL,
    critical     INTEGER NOT NULL,
    transfers    INTEGER NOT NULL,
    PRIMARY KEY (dao_id, chain_id, address)
);

-- The last block whose logs are fully indexed, per chain (written in the same transaction as the rows).
CREATE TABLE sync_checkpoints (
    chain_id      BIGINT NOT NULL PRIMARY KEY,
    block_number  BIGINT NOT NULL,
    block_hash    TEXT   NOT NULL,
    updated_at    TEXT   NOT NULL
);

-- Headers of blocks that carry indexed events, and of every checkpoint block.
CREATE TABLE blocks (
    chain_id         BIGINT NOT NULL,
    block_number     BIGINT NOT NULL,
    block_hash       TEXT   NOT NULL,
    parent_hash      TEXT   NOT NULL,
    block_time       BIGINT NOT NULL,
    l1_block_number  BIGINT,
    PRIMARY KEY (chain_id, block_number)
);
CREATE INDEX blocks_by_time ON blocks (chain_id, block_time);
CREATE INDEX blocks_by_l1 ON blocks (chain_id, l1_block_number);

-- Every fetched log, stored once; projected tables can be rebuilt from it.
CREATE TABLE raw_logs (
    chain_id      BIGINT  NOT NULL,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    block_hash    TEXT    NOT NULL,
    tx_hash       TEXT    NOT NULL,
    tx_index      INTEGER NOT NULL,
    address       TEXT    NOT NULL,
    topic0        TEXT,
    topic1        TEXT,
    topic2        TEXT,
    topic3        TEXT,
    data          TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX raw_logs_by_address ON raw_logs (chain_id, address, block_number);

-- Values read from the chain with eth_call, stored with the block they describe.
CREATE TABLE state_reads (
    chain_id      BIGINT NOT NULL,
    address       TEXT   NOT NULL,
    name          TEXT   NOT NULL,
    args          TEXT   NOT NULL,
    value         TEXT   NOT NULL,
    block_number  BIGINT NOT NULL,
    PRIMARY KEY (chain_id, address, name, args, block_number)
);

-- governor ------------------------------------------------------------------------------------
CREATE TABLE proposals (
    chain_id       BIGINT  NOT NULL,
    governor       TEXT    NOT NULL,
    proposal_id    TEXT    NOT NULL,
    variant        TEXT    NOT NULL,
    proposer       TEXT    NOT NULL,
    targets        TEXT    NOT NULL,   -- JSON array of addresses
    amounts        TEXT    NOT NULL,   -- JSON array of decimal strings (the `values` parameter)
    signatures     TEXT    NOT NULL,   -- JSON array
    calldatas      TEXT    NOT NULL,   -- JSON array of 0x-hex
    vote_start     BIGINT  NOT NULL,   -- in the governor's clock (block number or timestamp)
    vote_end       BIGINT  NOT NULL,
    description    TEXT    NOT NULL,
    voting_module  TEXT,
    proposal_data  TEXT,
    proposal_type  INTEGER,
    block_number   BIGINT  NOT NULL,
    log_index      INTEGER NOT NULL,
    tx_hash        TEXT    NOT NULL,
    PRIMARY KEY (chain_id, governor, proposal_id)
);

-- Lifecycle facts: queued (value = eta), executed, canceled, extended / deadline_updated (value = new deadline).
CREATE TABLE proposal_events (
    chain_id      BIGINT  NOT NULL,
    governor      TEXT    NOT NULL,
    proposal_id   TEXT    NOT NULL,
    event         TEXT    NOT NULL,
    value         TEXT,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_hash       TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX proposal_events_by_proposal ON proposal_events (chain_id, governor, proposal_id);

CREATE TABLE votes (
    chain_id      BIGINT  NOT NULL,
    governor      TEXT    NOT NULL,
    proposal_id   TEXT    NOT NULL,
    voter         TEXT    NOT NULL,
    support       INTEGER NOT NULL,   -- 0 against, 1 for, 2 abstain, 255 fractional (params)
    weight        TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    params        TEXT,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_hash       TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX votes_by_proposal ON votes (chain_id, governor, proposal_id);
CREATE INDEX votes_by_voter ON votes (chain_id, governor, voter);

-- quorumNumerator, votingDelay, votingPeriod, proposalThreshold, lateQuorumVoteExtension, timelock.
CREATE TABLE governor_settings (
    chain_id      BIGINT  NOT NULL,
    governor      TEXT    NOT NULL,
    setting       TEXT    NOT NULL,
    old_value     TEXT    NOT NULL,
    new_value     TEXT    NOT NULL,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX governor_settings_by_setting ON governor_settings (chain_id, governor, setting, block_number);

-- votes-token ---------------------------------------------------------------------------------
CREATE TABLE delegations (
    chain_id       BIGINT  NOT NULL,
    token          TEXT    NOT NULL,
    delegator      TEXT    NOT NULL,
    from_delegate  TEXT    NOT NULL,
    to_delegate    TEXT    NOT NULL,
    block_number   BIGINT  NOT NULL,
    log_index      INTEGER NOT NULL,
    tx_hash        TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX delegations_by_delegator ON delegations (chain_id, token, delegator, block_number, log_index);

-- One row per DelegateVotesChanged: the delegate's voting power from (block_number, log_index) on.
CREATE TABLE voting_power (
    chain_id        BIGINT  NOT NULL,
    token           TEXT    NOT NULL,
    delegate        TEXT    NOT NULL,
    previous_votes  TEXT    NOT NULL,
    new_votes       TEXT    NOT NULL,
    block_number    BIGINT  NOT NULL,
    log_index       INTEGER NOT NULL,
    tx_hash         TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX voting_power_by_delegate ON voting_power (chain_id, token, delegate, block_number, log_index);

CREATE TABLE transfers (
    chain_id      BIGINT  NOT NULL,
    token         TEXT    NOT NULL,
    from_address  TEXT    NOT NULL,
    to_address    TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_hash       TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX transfers_by_token ON transfers (chain_id, token, block_number);
