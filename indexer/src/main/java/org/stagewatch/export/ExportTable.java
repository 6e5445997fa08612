package org.stagewatch.export;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * One file of an export: its name (without extension), its columns in order, which of them hold integers (typed
 * BIGINT in Parquet; every other column is text, token amounts included, so no uint256 loses a digit), and how its
 * rows are produced.
 */
interface ExportTable {
    /** Columns that hold integers that fit 64 bits, by name, in any table. */
    Set<String> INTEGER_COLUMNS = Set.of("chain_id", "vote_start", "vote_end", "created_block", "created_time", "for_voters",
            "against_voters", "abstain_voters", "fractional_ballots", "queued_block", "executed_block", "canceled_block",
            "decimals", "support", "block_number", "block_time", "log_index", "from_block", "until_block", "council", "stage",
            "previous_stage", "exit_window_seconds");

    String name();

    /** Writes the header and then every row to {@code rows}; returns the rows written. */
    long write(ExportContext context, RowSink rows) throws IOException;

    /** Where a table's rows go. */
    interface RowSink {
        void header(List<String> columns) throws IOException;

        void row(List<String> values) throws IOException;
    }
}
