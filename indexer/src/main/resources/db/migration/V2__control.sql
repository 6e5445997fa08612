-- Stagewatch schema, version 2: who controls what (DESIGN.md §4 and §6). Portable SQL (SQLite and PostgreSQL).
--
-- Same invariants as V1: every chain fact carries chain_id and block_number and is an append-only
-- fact keyed by its log position, so a reorg rollback stays one DELETE above the fork point per
-- table; state at block B is derived by query (the last fact at or before B), never updated in
-- place. Addresses lower case, uint256 values decimal TEXT, bytes and bytes32 0x-hex TEXT.
-- eth_call and eth_getStorageAt readings (a Safe's owners at its start block, proxy slots) go to
-- state_reads (V1) with the block they describe.

-- safe: setup (owners = JSON array, threshold), owner_added, owner_removed, threshold, module_enabled,
-- module_disabled, guard, module_guard (account = the owner, module or guard).
CREATE TABLE safe_changes (
    chain_id      BIGINT  NOT NULL,
    safe          TEXT    NOT NULL,
    change        TEXT    NOT NULL,
    account       TEXT,
    threshold     TEXT,
    owners        TEXT,
    encoding      TEXT,              -- '1.3' (v1.1–v1.3 layout) or '1.4' (v1.4–v1.5): which ABI the log matched
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_hash       TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX safe_changes_by_safe ON safe_changes (chain_id, safe, block_number, log_index);

-- AccessControl roles (timelock, access-control, upgrade-executor, council-manager): granted / revoked
-- (account, sender), admin_changed (account = new admin role, sender = previous admin role).
CREATE TABLE role_changes (
    chain_id      BIGINT  NOT NULL,
    contract      TEXT    NOT NULL,
    change        TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    account       TEXT    NOT NULL,
    sender        TEXT    NOT NULL,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_hash       TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX role_changes_by_contract ON role_changes (chain_id, contract, block_number, log_index);

-- ownable: transferred, transfer_started (Ownable2Step, pending); Compound timelock: admin, pending_admin.
CREATE TABLE ownership_changes (
    chain_id        BIGINT  NOT NULL,
    contract        TEXT    NOT NULL,
    change          TEXT    NOT NULL,
    previous_owner  TEXT,
    new_owner       TEXT    NOT NULL,
    block_number    BIGINT  NOT NULL,
    log_index       INTEGER NOT NULL,
    tx_hash         TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX ownership_changes_by_contract ON ownership_changes (chain_id, contract, block_number, log_index);

-- proxy (EIP-1967): upgraded (new_value = implementation), admin_changed, beacon_upgraded.
CREATE TABLE proxy_changes (
    chain_id        BIGINT  NOT NULL,
    proxy           TEXT    NOT NULL,
    change          TEXT    NOT NULL,
    previous_value  TEXT,
    new_value       TEXT    NOT NULL,
    block_number    BIGINT  NOT NULL,
    log_index       INTEGER NOT NULL,
    tx_hash         TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX proxy_changes_by_proxy ON proxy_changes (chain_id, proxy, block_number, log_index);

-- timelock: MinDelayChange (OZ) and NewDelay (Compound, old_delay NULL), in seconds.
CREATE TABLE timelock_delays (
    chain_id      BIGINT  NOT NULL,
    timelock      TEXT    NOT NULL,
    old_delay     TEXT,
    new_delay     TEXT    NOT NULL,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_hash       TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX timelock_delays_by_timelock ON timelock_delays (chain_id, timelock, block_number, log_index);

-- timelock operations: OZ scheduled / executed / cancelled / salt (data = the salt), one row per call of a
-- batch (call_index); Compound queued / executed / cancelled (operation_id = its txHash, eta set).
CREATE TABLE timelock_operations (
    chain_id      BIGINT  NOT NULL,
    timelock      TEXT    NOT NULL,
    operation_id  TEXT    NOT NULL,
    call_index    TEXT,
    change        TEXT    NOT NULL,
    target        TEXT,
    value         TEXT,
    signature     TEXT,
    data          TEXT,
    predecessor   TEXT,
    delay         TEXT,
    eta           TEXT,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_hash       TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX timelock_operations_by_id ON timelock_operations (chain_id, timelock, operation_id);

-- upgrade-executor: upgrade (UpgradeExecuted: target = the action delegatecalled), call (TargetCallExecuted).
CREATE TABLE executor_calls (
    chain_id      BIGINT  NOT NULL,
    executor      TEXT    NOT NULL,
    change        TEXT    NOT NULL,
    target        TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    data          TEXT    NOT NULL,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_hash       TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);

-- council-manager (Arbitrum SecurityCouncilManager): member_added, member_removed, member_replaced,
-- member_rotated (member → new_member), cohort_replaced (members = JSON array), council_added /
-- council_removed (member = the council Safe, new_member = its update action).
CREATE TABLE council_changes (
    chain_id      BIGINT  NOT NULL,
    manager       TEXT    NOT NULL,
    change        TEXT    NOT NULL,
    member        TEXT,
    new_member    TEXT,
    cohort        INTEGER,
    members       TEXT,
    block_number  BIGINT  NOT NULL,
    log_index     INTEGER NOT NULL,
    tx_hash       TEXT    NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX council_changes_by_manager ON council_changes (chain_id, manager, block_number, log_index);

-- What the config declares about control that no event says, per DAO, so `paths` and `council` need only
-- the database: council (chain_id, address = a Safe designated security council), parent (chain_id settles
-- on other_chain_id: aliasing), message_path (address on chain_id arrives on other_chain_id as
-- other_address after delay_seconds). Not chain facts: rewritten from the config on every index run.
CREATE TABLE control_declarations (
    dao_id          TEXT   NOT NULL,
    declaration     TEXT   NOT NULL,
    chain_id        BIGINT NOT NULL,
    address         TEXT   NOT NULL,
    other_chain_id  BIGINT,
    other_address   TEXT,
    delay_seconds   BIGINT,
    label           TEXT   NOT NULL
);
CREATE INDEX control_declarations_by_dao ON control_declarations (dao_id);
