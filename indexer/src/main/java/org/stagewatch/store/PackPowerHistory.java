package org.stagewatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 6: packs the voting-power history a database already holds (V5's tables start empty)
 * through each chain's checkpoint, with the same {@link PowerHistoryWriter} the sync uses for every range
 * afterwards. On a fresh database it finds nothing to do. Java rather than SQL: the packing is a loop over
 * rows that SQL cannot express portably.
 */
final class PackPowerHistory extends JavaStep {
    PackPowerHistory() {
        super(6, "pack power history");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        record Token(long chainId, String address, long checkpoint) {
        }
        List<Token> tokens = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT t.chain_id, t.token, c.block_number
                FROM (SELECT DISTINCT chain_id, token FROM delegates) t
                JOIN sync_checkpoints c ON c.chain_id = t.chain_id
                ORDER BY t.chain_id, t.token""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tokens.add(new Token(rows.getLong(1), rows.getString(2), rows.getLong(3)));
            }
        }
        for (Token token : tokens) {
            PowerHistoryWriter.pack(connection, token.chainId(), token.address(), token.checkpoint());
        }
    }
}
