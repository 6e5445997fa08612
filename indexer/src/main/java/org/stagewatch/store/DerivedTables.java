package org.stagewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The chain tables whose rows are derived from raw logs — the projected rows and what is derived from them (the
 * delegates and the packed power history) — each with the column naming the contract whose logs it came from
 * (always the log's emitter). {@code reproject} clears and rebuilds exactly these; the other chain tables
 * ({@link #KEPT}) hold what logs cannot give back: the raw logs themselves, block headers, and eth_call readings.
 */
public final class DerivedTables {
    /** A derived table and its contract column. */
    public record Table(String name, String contractColumn) {
    }

    public static final List<Table> ALL = List.of(
            new Table("proposals", "governor"), new Table("proposal_events", "governor"), new Table("votes", "governor"),
            new Table("governor_settings", "governor"), new Table("delegations", "token"), new Table("voting_power", "token"),
            new Table("transfers", "token"), new Table("delegates", "token"), new Table("power_chunks", "token"),
            new Table("power_snapshots", "token"), new Table("safe_changes", "safe"), new Table("role_changes", "contract"),
            new Table("ownership_changes", "contract"), new Table("proxy_changes", "proxy"),
            new Table("timelock_delays", "timelock"), new Table("timelock_operations", "timelock"),
            new Table("executor_calls", "executor"), new Table("council_changes", "manager"));

    /** Chain tables that are not derived from raw logs: a reprojection leaves them as they are. */
    public static final List<String> KEPT = List.of("blocks", "raw_log_blocks", "state_reads");

    private DerivedTables() {
    }

    /**
     * Deletes the derived rows of {@code chainId} on the caller's connection and inside its transaction: every row
     * of the chain when {@code contracts} is null, else those of the given (lower-case) contract addresses.
     */
    static void clear(Connection connection, long chainId, Collection<String> contracts) throws SQLException {
        for (Table table : ALL) {
            if (contracts == null) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table.name() + " WHERE chain_id = ?")) {
                    delete.setLong(1, chainId);
                    delete.executeUpdate();
                }
                continue;
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table.name() + " WHERE chain_id = ? AND " + table.contractColumn() + " = ?")) {
                for (String contract : contracts) {
                    delete.setLong(1, chainId);
                    delete.setString(2, contract);
                    delete.executeUpdate();
                }
            }
        }
    }
}
