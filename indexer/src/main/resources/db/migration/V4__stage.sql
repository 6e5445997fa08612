-- Stagewatch schema, version 4: what a DAO's stage rating needs beyond its contracts (the config's
-- `stage:` section: exit delay, council members and entities, assertions, probes, treasuries). Like
-- control_declarations it is configuration, not a chain fact: each index run replaces it, so it has
-- no block number and a reorg leaves it alone. Probe results are chain facts and go to state_reads
-- (name 'probe:<call>') with the block they were read at.
CREATE TABLE stage_declarations (
    dao_id  TEXT NOT NULL PRIMARY KEY,
    stage   TEXT NOT NULL              -- JSON: {"chainIds": {"eth": 1, …}, "stage": {…}} (StageDeclaration)
);
