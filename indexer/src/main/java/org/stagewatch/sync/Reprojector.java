package org.stagewatch.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.project.Projectors;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.DerivedTables;
import org.stagewatch.store.EncodedLogs;
import org.stagewatch.store.Store;

/**
 * Rebuilds the tables derived from raw logs ({@link DerivedTables}: projected rows, delegates, the packed power
 * history) from the logs already stored, without any RPC: what a user runs after a decoder or projector fix. The
 * contracts, their kinds and start blocks come from the {@code contracts} table, so no config is needed; the logs
 * go through the sync's own decode and projection ({@link LogProjection}) and its own writer ({@link Store.RangeWriter}).
 *
 * <p>Each chain is rebuilt in one transaction: its derived rows are deleted, its logs up to its checkpoint are
 * projected again and written, the power history is packed, and all of it commits together. An interruption (a
 * crash, kill -9) rolls the chain's transaction back: the chain keeps the rows it had, and chains already done keep
 * their new ones, so a second run finishes the work. Headers, raw logs, state reads and the checkpoint are left as
 * they are (the checkpoint row is rewritten with the same block).
 */
public final class Reprojector {
    /** Blocks of stored logs read and projected at a time; the transaction spans them all. */
    static final int WINDOW_BLOCKS = 2_000;

    private final Store store;
    private final EventDecoder decoder;
    private final Projectors projectors;
    private final Progress progress;

    /** Receives a reprojection's progress. */
    public interface Progress {
        /** @param logsDone logs of the chain projected so far of {@code logsTotal}; @param block the last block done */
        void advanced(long chainId, long logsDone, long logsTotal, long block);

        Progress NONE = (chainId, logsDone, logsTotal, block) -> {
        };
    }

    /**
     * What one chain's reprojection did.
     *
     * @param contracts the addresses rebuilt; empty when the chain has no checkpoint (nothing indexed, nothing done)
     * @param throughBlock the chain's checkpoint: logs up to it were reprojected
     */
    public record Result(long chainId, List<String> contracts, long throughBlock, long logs, long rows, long undecodable,
                         Duration elapsed) {
    }

    public Reprojector(Store store, EventDecoder decoder, Projectors projectors, Progress progress) {
        this.store = store;
        this.decoder = decoder;
        this.projectors = projectors;
        this.progress = progress;
    }

    /**
     * Reprojects every chain of the database, or with {@code daoId} the contracts of that DAO (on each chain it
     * spans; an address it shares with another DAO is rebuilt under every kind it is recorded as).
     */
    public List<Result> run(String daoId) {
        List<ContractRow> all = store.withSync(sync -> sync.contracts());
        Map<Long, Set<String>> scope = new LinkedHashMap<>();
        for (ContractRow row : all) {
            if (daoId == null || row.daoId().equals(daoId)) {
                scope.computeIfAbsent(row.chainId(), chain -> new TreeSet<>()).add(row.address());
            }
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<Long, Set<String>> chain : scope.entrySet()) {
            ChainPlan plan = plan(chain.getKey(), all);
            // the whole chain is cleared with one DELETE per table when every contract of it is in scope
            boolean whole = plan.addresses().equals(chain.getValue());
            results.add(reproject(plan, chain.getValue(), whole));
        }
        return results;
    }

    /** The chain's plan as the sync would build it from the config that recorded these contracts. */
    static ChainPlan plan(long chainId, List<ContractRow> contracts) {
        Map<String, List<ChainPlan.Watched>> byAddress = new LinkedHashMap<>();
        for (ContractRow row : contracts) {
            if (row.chainId() != chainId) {
                continue;
            }
            ContractKind kind = ContractKind.fromConfigName(row.kind()).orElseThrow(() -> new SyncException(
                    "contracts table: %s on chain %d has kind '%s', which this Stagewatch does not know (expected one of %s); use a newer stagewatch"
                            .formatted(row.address(), chainId, row.kind(), ContractKind.expectedNames())));
            ChainPlan.watch(byAddress, ChainPlan.watched(row.address(), kind, row.startBlock(), row.transfers(), 0, row.proxy()));
        }
        return new ChainPlan(new ChainConfig("chain " + chainId, chainId, List.of(), 0, 1), byAddress);
    }

    private Result reproject(ChainPlan plan, Set<String> contracts, boolean whole) {
        long chainId = plan.chain().chainId();
        long started = System.nanoTime();
        Checkpoint checkpoint = store.checkpoint(chainId).orElse(null);
        if (checkpoint == null) {
            return new Result(chainId, List.of(), -1, 0, 0, 0, Duration.ofNanos(System.nanoTime() - started));
        }
        long through = checkpoint.blockNumber();
        long total = store.rawLogCount(chainId);
        long logs = 0;
        long rows = 0;
        long undecodable = 0;
        try (Store.RangeWriter writer = store.rangeWriter()) {
            writer.clearDerived(chainId, whole ? null : contracts);
            long after = -1;
            while (after < through) {
                long windowAfter = after;
                long end = store.withSync(sync -> sync.rawLogWindowEnd(chainId, windowAfter, through, WINDOW_BLOCKS - 1))
                        .orElse(through);
                List<RawLog> window = store.rawLogs(chainId, after + 1, end);
                List<RawLog> inScope = whole ? window : window.stream().filter(log -> contracts.contains(log.address())).toList();
                ProjectedBatch batch = new ProjectedBatch();
                undecodable += LogProjection.project(plan, decoder, projectors, inScope, batch);
                // no logs or headers: those are stored already; the checkpoint is rewritten as it is
                writer.add(EncodedLogs.of(List.of()), List.of(), batch, List.of(), checkpoint);
                logs += window.size();
                rows += batch.size();
                after = end;
                progress.advanced(chainId, logs, total, end);
            }
            if (writer.commit().isEmpty()) {
                throw new IllegalStateException("nothing was pending to commit for chain " + chainId);
            }
        }
        return new Result(chainId, List.copyOf(contracts), through, logs, rows, undecodable,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
