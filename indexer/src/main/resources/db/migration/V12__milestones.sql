-- Stagewatch schema, version 12: a DAO's decentralization milestones and decision map (the config's
-- `milestones:` and `decisions:` sections). Configuration, like stage_declarations: each index run
-- replaces it, so it has no block number and a reorg leaves it alone. Probe checks' readings are chain
-- facts and go to state_reads (name 'probe:<call>'), as stage probes' do.
CREATE TABLE milestone_declarations (
    dao_id       TEXT NOT NULL PRIMARY KEY,
    declaration  TEXT NOT NULL         -- JSON: {"chainIds": {"eth": 1, …}, "milestones": {…}, "decisions": […]} (MilestoneDeclaration)
);
