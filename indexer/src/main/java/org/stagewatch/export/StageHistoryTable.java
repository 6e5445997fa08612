package org.stagewatch.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.stagewatch.analyze.stage.StageHistory;
import org.stagewatch.query.Answers;

/**
 * The stage history as {@code stage --history} computes it, in long form: one row per requirement whose status moved at
 * a point (a point where only the stage moved has one row with no requirement), each with its point's chain, block,
 * time, stage before and after, exit window, and the indexed facts that caused it (joined with {@value #JOIN}).
 */
final class StageHistoryTable implements ExportTable {
    static final String JOIN = " | ";
    static final List<String> COLUMNS = List.of("dao_id", "chain_id", "block_number", "block_time", "stage", "stage_label",
            "previous_stage", "exit_window_seconds", "requirement", "from_status", "to_status", "causes");

    @Override
    public String name() {
        return "stage_history";
    }

    @Override
    public long write(ExportContext context, RowSink rows) throws IOException {
        rows.header(COLUMNS);
        StageHistory.Report history = Answers.stageHistory(context.store(), context.dao());
        long count = 0;
        for (StageHistory.Entry entry : history.changes()) {
            List<StageHistory.RequirementChange> changes = entry.changed().isEmpty()
                    ? Arrays.asList((StageHistory.RequirementChange) null) : entry.changed();
            for (StageHistory.RequirementChange change : changes) {
                rows.row(new ArrayList<>(Arrays.asList(history.dao(), Long.toString(entry.chainId()), Long.toString(entry.block()),
                        text(entry.time()), text(entry.stage()), entry.stageLabel(), text(entry.previousStage()),
                        text(entry.exitWindowSeconds()), change == null ? null : change.id(),
                        change == null ? null : text(change.from()), change == null ? null : text(change.to()),
                        String.join(JOIN, entry.events()))));
                count++;
            }
        }
        return count;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
