package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.stagewatch.config.ContractKind;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * The loop the state readers share: after a commit, every watched contract of the given kinds whose
 * start block the sync has passed gets asked for its due readings ({@link #collect} stores them in one batch;
 * {@link #forEach} leaves the calls and the storing to the caller, see {@link DueCalls}). Each reader decides from
 * what is already stored what is due, so a crash only repeats reads.
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
        forEach(store, plan, top, kinds, (watched, dao) -> reader.readDue(watched, dao, reads));
        if (!reads.isEmpty()) {
            stored.insert(reads);
        }
    }

    /** Hands every watched contract of {@code kinds} whose start block {@code top} has passed to {@code each}, with the stored reads. */
    static void forEach(Store store, ChainPlan plan, BlockHeader top, Set<ContractKind> kinds,
                        BiConsumer<ChainPlan.Watched, StateReadDao> each) {
        StateReadDao stored = store.jdbi().onDemand(StateReadDao.class);
        for (String address : plan.addresses()) {
            for (ChainPlan.Watched watched : plan.watched(address)) {
                if (kinds.contains(watched.kind()) && top.number() >= watched.startBlock()) {
                    each.accept(watched, stored);
                }
            }
        }
    }
}
