package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.stagewatch.config.ContractKind;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * The loop the control readers share: after a range, every watched contract of the given kinds whose
 * start block the sync has passed gets asked for its due readings, and all of them are stored in one
 * batch. Each reader decides from what is already stored what is due, so a crash only repeats reads.
 */
final class DueReads {
    /** Adds the readings due for one contract to {@code out}. */
    @FunctionalInterface
    interface Reader {
        void readDue(ChainPlan.Watched watched, StateReadDao stored, List<StateRead> out);
    }

    private DueReads() {
    }

    static void collect(Store store, ChainPlan plan, BlockHeader top, Set<ContractKind> kinds, Reader reader) {
        StateReadDao stored = store.jdbi().onDemand(StateReadDao.class);
        List<StateRead> reads = new ArrayList<>();
        for (String address : plan.addresses()) {
            for (ChainPlan.Watched watched : plan.watched(address)) {
                if (kinds.contains(watched.kind()) && top.number() >= watched.startBlock()) {
                    reader.readDue(watched, stored, reads);
                }
            }
        }
        if (!reads.isEmpty()) {
            stored.insert(reads);
        }
    }
}
