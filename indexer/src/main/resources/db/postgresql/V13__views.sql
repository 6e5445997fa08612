-- Stagewatch schema, version 13 (PostgreSQL; db/sqlite holds the same views for SQLite):
-- read-only views that make the database a dataset any SQL tool can read, documented in docs/schema.md. They add
-- no data: every column is computed from the tables at query time. Addresses are lower-case 0x-hex; token amounts
-- are exact decimal text twice, in base units (as the chain counts them, like the tables and --json) and in whole
-- tokens with the token's own decimals() (columns ending in _tokens; NULL while its decimals are not read).
-- The two files differ only where the two databases spell a thing differently: exact sums of uint256 text
-- (NUMERIC here) and the expansion of a JSON array.

-- A votes token's decimals(), as the sync read it once at the token's start block.
CREATE VIEW token_decimals AS
SELECT s.chain_id, s.address AS token, CAST(s.value AS INTEGER) AS decimals
FROM state_reads s
WHERE s.name = 'decimals' AND s.args = ''
  AND s.block_number = (SELECT MAX(o.block_number) FROM state_reads o
                        WHERE o.chain_id = s.chain_id AND o.address = s.address AND o.name = 'decimals' AND o.args = '');

-- The decimals of each DAO's votes token on each chain it has one: what its governors' weights are counted in.
CREATE VIEW dao_token_decimals AS
SELECT c.dao_id, c.chain_id, c.address AS token, d.decimals
FROM contracts c LEFT JOIN token_decimals d ON d.chain_id = c.chain_id AND d.token = c.address
WHERE c.kind = 'votes-token';

-- Voting power per delegate and block, as intervals: the delegate's power is `power` from the end of block
-- from_block until the end of the block before until_block (NULL: still). Power at block B (getPastVotes(d, B)):
--   WHERE from_block <= B AND (until_block IS NULL OR until_block > B)
-- One row per DelegateVotesChanged that is the delegate's last of its block (voting_power holds them all); the packed
-- history (power_chunks, power_snapshots) is derived from the same rows and holds nothing else.
CREATE VIEW voting_power_history AS
SELECT c.dao_id, h.chain_id, h.token, h.delegate, h.power,
       CASE WHEN h.power IS NULL OR d.decimals IS NULL OR d.decimals > 77 THEN NULL WHEN d.decimals = 0 THEN h.power
            ELSE (CASE WHEN length(h.power) > d.decimals THEN substr(h.power, 1, length(h.power) - d.decimals) ELSE '0' END) || '.'
                 || (CASE WHEN length(h.power) >= d.decimals THEN substr(h.power, length(h.power) - d.decimals + 1)
                          ELSE substr('00000000000000000000000000000000000000000000000000000000000000000000000000000000', 1, d.decimals - length(h.power)) || h.power END) END AS power_tokens,
       h.block_number AS from_block, h.until_block, h.log_index, h.tx_hash
FROM (SELECT v.chain_id, v.token, v.delegate, v.new_votes AS power, v.block_number, v.log_index, v.tx_hash,
             LEAD(v.block_number) OVER (PARTITION BY v.chain_id, v.token, v.delegate
                                        ORDER BY v.block_number, v.log_index) AS until_block
      FROM voting_power v) h
JOIN contracts c ON c.chain_id = h.chain_id AND c.address = h.token AND c.kind = 'votes-token'
LEFT JOIN token_decimals d ON d.chain_id = h.chain_id AND d.token = h.token
WHERE h.until_block IS NULL OR h.until_block > h.block_number;

-- Every DelegateChanged, with its block's time (unix seconds).
CREATE VIEW delegation_history AS
SELECT c.dao_id, g.chain_id, g.token, g.delegator, g.from_delegate, g.to_delegate, g.block_number, b.block_time,
       g.log_index, g.tx_hash
FROM delegations g
JOIN contracts c ON c.chain_id = g.chain_id AND c.address = g.token AND c.kind = 'votes-token'
LEFT JOIN blocks b ON b.chain_id = g.chain_id AND b.block_number = g.block_number;

-- Every vote, its side named, its weight in base units and in tokens of the DAO's votes token.
CREATE VIEW vote_history AS
SELECT c.dao_id, v.chain_id, v.governor, v.proposal_id, v.voter, v.support,
       CASE v.support WHEN 0 THEN 'against' WHEN 1 THEN 'for' WHEN 2 THEN 'abstain' WHEN 255 THEN 'fractional' END AS side,
       v.weight, CASE WHEN v.weight IS NULL OR d.decimals IS NULL OR d.decimals > 77 THEN NULL WHEN d.decimals = 0 THEN v.weight
            ELSE (CASE WHEN length(v.weight) > d.decimals THEN substr(v.weight, 1, length(v.weight) - d.decimals) ELSE '0' END) || '.'
                 || (CASE WHEN length(v.weight) >= d.decimals THEN substr(v.weight, length(v.weight) - d.decimals + 1)
                          ELSE substr('00000000000000000000000000000000000000000000000000000000000000000000000000000000', 1, d.decimals - length(v.weight)) || v.weight END) END AS weight_tokens,
       v.reason, v.params, v.block_number, b.block_time, v.log_index, v.tx_hash
FROM votes v
JOIN contracts c ON c.chain_id = v.chain_id AND c.address = v.governor AND c.kind = 'governor'
LEFT JOIN dao_token_decimals d ON d.dao_id = c.dao_id AND d.chain_id = v.chain_id
LEFT JOIN blocks b ON b.chain_id = v.chain_id AND b.block_number = v.block_number;


-- Every proposal with its tallies: for/against/abstain weight (exact sums of the votes cast, as the governor's
-- proposalVotes counts them under GovernorCountingSimple) and distinct voters per side, its lifecycle blocks. The
-- weights are NULL for a proposal with fractional ballots (support 255: their split is in votes.params; the
-- `proposals` command counts them). State (Active, Defeated, …) depends on the block asked about and the quorum:
-- `stagewatch proposals` derives it.
CREATE VIEW proposal_tallies AS
SELECT x.*,
       CASE WHEN x.for_votes IS NULL OR x.decimals IS NULL OR x.decimals > 77 THEN NULL WHEN x.decimals = 0 THEN x.for_votes
            ELSE (CASE WHEN length(x.for_votes) > x.decimals THEN substr(x.for_votes, 1, length(x.for_votes) - x.decimals) ELSE '0' END) || '.'
                 || (CASE WHEN length(x.for_votes) >= x.decimals THEN substr(x.for_votes, length(x.for_votes) - x.decimals + 1)
                          ELSE substr('00000000000000000000000000000000000000000000000000000000000000000000000000000000', 1, x.decimals - length(x.for_votes)) || x.for_votes END) END AS for_votes_tokens,
       CASE WHEN x.against_votes IS NULL OR x.decimals IS NULL OR x.decimals > 77 THEN NULL WHEN x.decimals = 0 THEN x.against_votes
            ELSE (CASE WHEN length(x.against_votes) > x.decimals THEN substr(x.against_votes, 1, length(x.against_votes) - x.decimals) ELSE '0' END) || '.'
                 || (CASE WHEN length(x.against_votes) >= x.decimals THEN substr(x.against_votes, length(x.against_votes) - x.decimals + 1)
                          ELSE substr('00000000000000000000000000000000000000000000000000000000000000000000000000000000', 1, x.decimals - length(x.against_votes)) || x.against_votes END) END AS against_votes_tokens,
       CASE WHEN x.abstain_votes IS NULL OR x.decimals IS NULL OR x.decimals > 77 THEN NULL WHEN x.decimals = 0 THEN x.abstain_votes
            ELSE (CASE WHEN length(x.abstain_votes) > x.decimals THEN substr(x.abstain_votes, 1, length(x.abstain_votes) - x.decimals) ELSE '0' END) || '.'
                 || (CASE WHEN length(x.abstain_votes) >= x.decimals THEN substr(x.abstain_votes, length(x.abstain_votes) - x.decimals + 1)
                          ELSE substr('00000000000000000000000000000000000000000000000000000000000000000000000000000000', 1, x.decimals - length(x.abstain_votes)) || x.abstain_votes END) END AS abstain_votes_tokens
FROM (
SELECT c.dao_id, p.chain_id, p.governor, p.proposal_id, p.proposer, p.description, p.vote_start, p.vote_end,
       p.block_number AS created_block, b.block_time AS created_time, p.tx_hash AS created_tx,
       CASE WHEN COALESCE(t.fractional_ballots, 0) > 0 THEN NULL ELSE COALESCE(t.for_votes, '0') END AS for_votes,
       CASE WHEN COALESCE(t.fractional_ballots, 0) > 0 THEN NULL ELSE COALESCE(t.against_votes, '0') END AS against_votes,
       CASE WHEN COALESCE(t.fractional_ballots, 0) > 0 THEN NULL ELSE COALESCE(t.abstain_votes, '0') END AS abstain_votes,
       COALESCE(t.for_voters, 0) AS for_voters, COALESCE(t.against_voters, 0) AS against_voters,
       COALESCE(t.abstain_voters, 0) AS abstain_voters, COALESCE(t.fractional_ballots, 0) AS fractional_ballots,
       (SELECT MIN(e.block_number) FROM proposal_events e WHERE e.chain_id = p.chain_id AND e.governor = p.governor
          AND e.proposal_id = p.proposal_id AND e.event = 'queued') AS queued_block,
       (SELECT MIN(e.block_number) FROM proposal_events e WHERE e.chain_id = p.chain_id AND e.governor = p.governor
          AND e.proposal_id = p.proposal_id AND e.event = 'executed') AS executed_block,
       (SELECT MIN(e.block_number) FROM proposal_events e WHERE e.chain_id = p.chain_id AND e.governor = p.governor
          AND e.proposal_id = p.proposal_id AND e.event = 'canceled') AS canceled_block,
       d.decimals
FROM proposals p
JOIN contracts c ON c.chain_id = p.chain_id AND c.address = p.governor AND c.kind = 'governor'
LEFT JOIN dao_token_decimals d ON d.dao_id = c.dao_id AND d.chain_id = p.chain_id
LEFT JOIN blocks b ON b.chain_id = p.chain_id AND b.block_number = p.block_number
LEFT JOIN (
      SELECT v.chain_id, v.governor, v.proposal_id,
             CAST(SUM(CASE WHEN v.support = 1 THEN CAST(v.weight AS NUMERIC) ELSE 0 END) AS TEXT) AS for_votes,
             CAST(SUM(CASE WHEN v.support = 0 THEN CAST(v.weight AS NUMERIC) ELSE 0 END) AS TEXT) AS against_votes,
             CAST(SUM(CASE WHEN v.support = 2 THEN CAST(v.weight AS NUMERIC) ELSE 0 END) AS TEXT) AS abstain_votes,
             COUNT(DISTINCT CASE WHEN v.support = 1 THEN v.voter END) AS for_voters,
             COUNT(DISTINCT CASE WHEN v.support = 0 THEN v.voter END) AS against_voters,
             COUNT(DISTINCT CASE WHEN v.support = 2 THEN v.voter END) AS abstain_voters,
             COUNT(CASE WHEN v.support = 255 THEN 1 END) AS fractional_ballots
      FROM votes v GROUP BY v.chain_id, v.governor, v.proposal_id) t ON t.chain_id = p.chain_id AND t.governor = p.governor AND t.proposal_id = p.proposal_id
) x;


-- Each owner of each Safe over time, as intervals: `owner` signs for `safe` from the end of from_block until the end of
-- the block before until_block (NULL: still). Owners at block B:
--   WHERE from_block <= B AND (until_block IS NULL OR until_block > B)
-- Built from SafeSetup's owners, AddedOwner and RemovedOwner, and the getOwners reading at the Safe's start block
-- (log_index -1: it holds the state after that block). `council` is 1 for a Safe the DAO's config designates a
-- security council. The threshold and the rest of a Safe's changes are in control_facts.
CREATE VIEW safe_owner_history AS
WITH e AS (
      SELECT s.chain_id, s.safe, j.value AS owner, s.block_number, s.log_index, 1 AS present, 'setup' AS source, s.tx_hash
      FROM safe_changes s CROSS JOIN LATERAL json_array_elements_text(CAST(s.owners AS json)) AS j(value) WHERE s.change = 'setup'
      UNION ALL
      SELECT s.chain_id, s.safe, s.account, s.block_number, s.log_index, 1, 'owner_added', s.tx_hash
      FROM safe_changes s WHERE s.change = 'owner_added'
      UNION ALL
      SELECT s.chain_id, s.safe, s.account, s.block_number, s.log_index, 0, 'owner_removed', s.tx_hash
      FROM safe_changes s WHERE s.change = 'owner_removed'
      UNION ALL
      SELECT r.chain_id, r.address, j.value, r.block_number, -1, 1, 'read', NULL
      FROM state_reads r CROSS JOIN LATERAL json_array_elements_text(CAST(r.value AS json)) AS j(value)
      WHERE r.name = 'getOwners' AND r.args = ''),
s AS (SELECT e.*, LAG(e.present) OVER (PARTITION BY e.chain_id, e.safe, e.owner ORDER BY e.block_number, e.log_index) AS was_present
      FROM e)
SELECT c.dao_id, s.chain_id, s.safe, c.label, CASE WHEN EXISTS (SELECT 1 FROM control_declarations k
         WHERE k.dao_id = c.dao_id AND k.declaration = 'council' AND k.chain_id = s.chain_id AND k.address = s.safe) THEN 1 ELSE 0 END AS council,
       s.owner, s.block_number AS from_block,
       (SELECT MIN(r.block_number) FROM e r WHERE r.chain_id = s.chain_id AND r.safe = s.safe AND r.owner = s.owner AND r.present = 0
          AND (r.block_number > s.block_number OR (r.block_number = s.block_number AND r.log_index > s.log_index))) AS until_block,
       s.source, s.tx_hash
FROM s JOIN contracts c ON c.chain_id = s.chain_id AND c.address = s.safe AND c.kind = 'safe'
WHERE s.present = 1 AND (s.was_present IS NULL OR s.was_present = 0);


-- Every indexed fact about who controls what, one row each, from the seven control tables: fact names the table
-- (safe, role, ownership, proxy, timelock_delay, timelock_operation, executor, council_manager), change the event as
-- the table names it; account is the address the fact is about (owner, module, role holder, new owner, new
-- implementation or admin, call target, council member), value what it sets (threshold, role, new delay, …) and
-- previous_value what it replaces where the event says. Readings at start blocks are in state_reads.
CREATE VIEW control_facts AS
SELECT c.dao_id, f.chain_id, f.contract, c.kind AS contract_kind, c.label, f.fact, f.change, f.account, f.value,
       f.previous_value, f.block_number, b.block_time, f.log_index, f.tx_hash
FROM (SELECT chain_id, safe AS contract, 'safe' AS fact, change, account, COALESCE(threshold, owners) AS value,
             CAST(NULL AS TEXT) AS previous_value, block_number, log_index, tx_hash FROM safe_changes
      UNION ALL
      SELECT chain_id, contract, 'role', change, account, role, sender, block_number, log_index, tx_hash FROM role_changes
      UNION ALL
      SELECT chain_id, contract, 'ownership', change, new_owner, CAST(NULL AS TEXT), previous_owner, block_number, log_index, tx_hash
      FROM ownership_changes
      UNION ALL
      SELECT chain_id, proxy, 'proxy', change, new_value, CAST(NULL AS TEXT), previous_value, block_number, log_index, tx_hash
      FROM proxy_changes
      UNION ALL
      SELECT chain_id, timelock, 'timelock_delay', 'min_delay', CAST(NULL AS TEXT), new_delay, old_delay, block_number, log_index, tx_hash
      FROM timelock_delays
      UNION ALL
      SELECT chain_id, timelock, 'timelock_operation', change, target, operation_id, CAST(NULL AS TEXT), block_number, log_index, tx_hash
      FROM timelock_operations
      UNION ALL
      SELECT chain_id, executor, 'executor', change, target, value, CAST(NULL AS TEXT), block_number, log_index, tx_hash
      FROM executor_calls
      UNION ALL
      SELECT chain_id, manager, 'council_manager', change, member, COALESCE(new_member, members), CAST(NULL AS TEXT),
             block_number, log_index, tx_hash
      FROM council_changes) f
JOIN contracts c ON c.chain_id = f.chain_id AND c.address = f.contract
LEFT JOIN blocks b ON b.chain_id = f.chain_id AND b.block_number = f.block_number;


-- Each DAO's stage declaration (its config's `stage:` section, as JSON text) and the chain ids its chain keys stood for.
CREATE VIEW stage_declaration AS
SELECT s.dao_id, CAST(CAST(s.stage AS json) -> 'stage' AS TEXT) AS declaration,
       CAST(CAST(s.stage AS json) -> 'chainIds' AS TEXT) AS chain_ids
FROM stage_declarations s;
