package org.stagewatch.sync;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stagewatch.store.PowerQueries;
import org.stagewatch.store.PowerRows;
import org.stagewatch.store.Store;

/**
 * A canonical dump of every indexed table (rows sorted, wall-clock columns left out), so two
 * databases built differently — interrupted or not — can be compared for equality. Raw logs are dumped
 * as they decode from their packed blocks (V8), each log in full. The packed power
 * history (V5) is dumped as what it decodes to, in log order: where its chunks were cut depends on how
 * the run was cut into ranges, what they hold must not.
 */
final class TableDump {
    static final List<String> TABLES = List.of("contracts", "sync_checkpoints", "blocks", "state_reads",
            "proposals", "proposal_events", "votes", "governor_settings", "delegations", "voting_power", "transfers", "delegates",
            "safe_changes", "role_changes", "ownership_changes", "proxy_changes", "timelock_delays", "timelock_operations",
            "executor_calls", "council_changes", "control_declarations", "owed_reads");

    private TableDump() {
    }

    /**
     * Headers are stored for blocks with events and for every checkpoint; a run cut into more ranges
     * has more checkpoint headers, so only the headers both runs must have are compared.
     */
    private static String select(String table) {
        if (!table.equals("blocks")) {
            return "SELECT * FROM " + table;
        }
        return """
                SELECT * FROM blocks b WHERE EXISTS (SELECT 1 FROM raw_log_blocks l WHERE l.chain_id = b.chain_id
                                                     AND l.block_number = b.block_number)
                   OR EXISTS (SELECT 1 FROM sync_checkpoints c WHERE c.chain_id = b.chain_id
                              AND c.block_number = b.block_number)""";
    }

    static Map<String, List<String>> of(Store store) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> rows = store.jdbi().withHandle(handle -> handle.createQuery(select(table))
                    .map((resultSet, context) -> {
                        List<String> cells = new ArrayList<>();
                        var meta = resultSet.getMetaData();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String column = meta.getColumnName(i);
                            // when a checkpoint was written, and the block a state read was taken at, depend on
                            // how the run was cut into ranges, not on the chain
                            if (!column.equals("updated_at") && !(table.equals("state_reads") && column.equals("block_number"))) {
                                cells.add(column + "=" + resultSet.getString(i));
                            }
                        }
                        return String.join(",", cells);
                    }).list());
            rows.sort(null);
            dump.put(table, rows);
        }
        dump.put("raw logs", rawLogs(store));
        dump.put("packed power history", packedHistory(store));
        return dump;
    }

    /** Every chain's raw logs as they decode from {@code raw_log_blocks}, with their count per block. */
    private static List<String> rawLogs(Store store) {
        List<String> rows = new ArrayList<>();
        List<Long> chains = store.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT DISTINCT chain_id FROM raw_log_blocks ORDER BY chain_id").mapTo(Long.class).list());
        for (long chainId : chains) {
            store.rawLogs(chainId, 0, Long.MAX_VALUE).forEach(log -> rows.add(log.toString()));
            rows.addAll(store.jdbi().withHandle(handle -> handle.createQuery("""
                            SELECT chain_id || '/' || block_number || ':' || log_count FROM raw_log_blocks
                            WHERE chain_id = :chainId ORDER BY block_number""")
                    .bind("chainId", chainId).mapTo(String.class).list()));
        }
        return rows;
    }

    private static List<String> packedHistory(Store store) {
        List<String> rows = new ArrayList<>();
        List<Map<String, Object>> tokens = store.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT DISTINCT chain_id, token FROM delegates ORDER BY chain_id, token").mapToMap().list());
        for (Map<String, Object> token : tokens) {
            long chainId = ((Number) token.get("chain_id")).longValue();
            String address = (String) token.get("token");
            new PowerQueries(store.database()).history(chainId, address, -1, Long.MAX_VALUE, List.of(), new PowerQueries.HistorySink() {
                @Override
                public void start(int delegateIds, Map<String, Integer> ids) {
                }

                @Override
                public void rows(PowerRows batch) {
                    for (int i = 0; i < batch.size; i++) {
                        BigInteger power = BigInteger.ZERO;
                        for (int limb = 3; limb >= 0; limb--) {
                            power = power.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(batch.limbs[i * 4 + limb])));
                        }
                        rows.add("chain=%d,token=%s,block=%d,delegate_id=%d,power=%s".formatted(chainId, address, batch.blocks[i],
                                batch.ids[i], power));
                    }
                }
            });
        }
        return rows;
    }
}
