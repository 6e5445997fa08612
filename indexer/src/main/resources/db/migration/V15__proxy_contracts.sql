-- Stagewatch schema, version 15: a contract of any kind may be declared behind an EIP-1967 proxy (the config's
-- `proxy: true`, e.g. a governor whose proxy a multisig administers). Its proxy events and slots are indexed as a
-- kind proxy's are, so the flag is part of what was indexed for it, like `transfers`. Portable SQL (SQLite and
-- PostgreSQL); existing rows were indexed without it.
ALTER TABLE contracts ADD COLUMN proxy INTEGER NOT NULL DEFAULT 0;
