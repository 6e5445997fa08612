-- Stagewatch schema, version 9: drops the two delegate-ordered indexes of the high-volume token tables. Portable
-- SQL (SQLite and PostgreSQL).
--
-- Reads no longer need them:
--  * voting_power_latest (V3) answered "last checkpoint of delegate d at or before B" with one index seek per
--    delegate. Since V5 every such read (metrics, rankings, control gates, equalizer, powerAt) comes from the packed
--    copy (store.PowerQueries: a snapshot and the chunks after it).
--  * delegations_by_delegator (V1) was read by no query: the delegator counts at B scan delegations by block and
--    partition them in memory, and SQLite's planner chose the block-ordered key over this index anyway.
--
-- Keeping them cost every backfill: a new checkpoint or delegation lands in the middle of each index, so every
-- commit rewrites pages all over them. On `stagewatch bench backfill` (1M events) they were 122 of 425 MB of the
-- database and about 4 s of SQLite's CPU per million rows inserted.
DROP INDEX voting_power_latest;
DROP INDEX delegations_by_delegator;
