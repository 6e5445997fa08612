package org.stagewatch.project;

import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.DecodedEvent;

/** Turns the decoded events of one contract kind into rows. Pure: no I/O, no state between calls. */
public interface Projector {
    ContractKind kind();

    /**
     * Adds the rows for {@code event} to {@code out}. Events this projector does not project are ignored
     * (they stay in raw_logs).
     *
     * @param options the contract's options as configured (e.g. whether Transfer is indexed)
     */
    void project(DecodedEvent event, ContractOptions options, ProjectedBatch out);

    /** Per-contract switches that change what is projected. */
    record ContractOptions(boolean transfers) {
        public static final ContractOptions DEFAULT = new ContractOptions(false);
    }
}
