package org.stagewatch.analyze.power;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.PowerQueries;
import org.stagewatch.store.PowerRows;
import org.stagewatch.store.Store;

/**
 * The {@link ConcentrationTimeline} of every votes token in a store, kept up with the store by {@link #refresh()}
 * (a server calls it in a loop on a thread of its own): the first call builds each timeline in one pass over the
 * token's history, later ones extend it by the checkpoints indexed since, and one that finds the history it was
 * built from rolled back (the stored header of its last block changed or went) builds it again. Until a token's
 * timeline is built — and for blocks beyond what it covers — {@link #covering} gives null and the caller computes the
 * old way.
 *
 * <p>A timeline is read in one transaction with the header it ends at, so it is the history of that block's chain;
 * {@link #covering} checks, in the caller's own reads (its snapshot), that the store still has that header: then the
 * history up to it is the one recorded, and the answer is what the store's rows give.
 */
public final class ConcentrationTimelines {
    private static final Logger LOG = LoggerFactory.getLogger(ConcentrationTimelines.class);
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private record Token(long chainId, String address) {
    }

    private final Store store;
    private final PowerQueries queries;
    private final Map<Token, ConcentrationSweep> sweeps = new ConcurrentHashMap<>();
    private final Set<Token> failing = ConcurrentHashMap.newKeySet();
    private volatile boolean caughtUp;

    public ConcentrationTimelines(Store store) {
        this.store = store;
        this.queries = new PowerQueries(store.database());
    }

    /**
     * Brings every votes token's timeline up to its chain's checkpoint: builds, extends or rebuilds it. One token
     * that cannot be read is logged and tried again on the next call; the others go on.
     */
    public void refresh() {
        boolean all = true;
        for (Token token : tokens()) {
            try {
                refresh(token);
                if (failing.remove(token)) {
                    LOG.info("concentration timeline of token {} on chain {}: read again", token.address(), token.chainId());
                }
            } catch (RuntimeException e) {
                all = false;
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                if (failing.add(token)) {
                    LOG.warn("concentration timeline of token {} on chain {} not kept: {}; metrics there are computed from the "
                            + "power history until it can be", token.address(), token.chainId(), e.getMessage());
                }
            }
        }
        caughtUp = all;
    }

    /** Whether the last {@link #refresh()} left every token's timeline at its chain's checkpoint (none failed). */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Bytes the timelines and their passes hold. */
    public long bytes() {
        return sweeps.values().stream().mapToLong(sweep -> sweep.timeline().bytes() + sweep.bytes()).sum();
    }

    /**
     * The timeline of the token as published, when it covers {@code block} and {@code reader}'s store (read on the
     * caller's thread, so in its transaction) still holds the block header the timeline ends at; null otherwise.
     */
    public ConcentrationTimeline.View covering(Store reader, long chainId, String token, long block) {
        ConcentrationSweep sweep = sweeps.get(new Token(chainId, token));
        ConcentrationTimeline.View view = sweep == null ? null : sweep.timeline().view();
        if (view == null || block > view.coverage()) {
            return null;
        }
        Optional<BlockHeader> anchor = reader.withSync(sync -> sync.block(chainId, view.coverage()));
        return anchor.isPresent() && anchor.get().hash().equals(view.anchorHash()) ? view : null;
    }

    private List<Token> tokens() {
        Set<Token> tokens = new LinkedHashSet<>();
        for (ContractRow row : store.withSync(sync -> sync.contracts())) {
            if (row.kind().equals(ContractKind.VOTES_TOKEN.configName())) {
                tokens.add(new Token(row.chainId(), row.address()));
            }
        }
        return List.copyOf(tokens);
    }

    /** One token: afterwards its timeline ends at the chain's last stored header at or below the checkpoint. */
    private void refresh(Token token) {
        inReadTransaction(handle -> {
            Optional<Checkpoint> checkpoint = store.withSync(sync -> sync.checkpoint(token.chainId()));
            Optional<BlockHeader> end = checkpoint.flatMap(at -> store.withSync(sync -> sync.blockAtOrBefore(token.chainId(), at.blockNumber())));
            if (end.isEmpty()) {
                return null; // nothing indexed yet: nothing to cover
            }
            ConcentrationSweep sweep = sweeps.get(token);
            ConcentrationTimeline.View view = sweep == null ? null : sweep.timeline().view();
            if (view != null) {
                Optional<BlockHeader> anchor = store.withSync(sync -> sync.block(token.chainId(), view.coverage()));
                if (anchor.isEmpty() || !anchor.get().hash().equals(view.anchorHash())) {
                    sweeps.remove(token);
                    LOG.info("concentration timeline of token {} on chain {}: its last block {} was replaced by a reorg; building it again",
                            token.address(), token.chainId(), view.coverage());
                    sweep = null;
                }
            }
            if (sweep == null) {
                sweeps.put(token, build(token, end.get()));
            } else if (end.get().number() > sweep.timeline().view().coverage()) {
                long after = sweep.timeline().view().coverage();
                ConcentrationSweep extended = sweep;
                queries.historyAfter(token.chainId(), token.address(), after, end.get().number(), sink(extended, null));
                extended.publish(end.get().number(), end.get().hash());
            }
            return null;
        });
    }

    /** The whole history up to {@code end}, in one pass, with a log line every ten seconds and one at the end. */
    private ConcentrationSweep build(Token token, BlockHeader end) {
        long started = System.nanoTime();
        LOG.info("concentration timeline of token {} on chain {}: building it up to block {}; metrics are computed from the power "
                + "history until it is done", token.address(), token.chainId(), String.format("%,d", end.number()));
        ConcentrationSweep sweep = new ConcentrationSweep();
        long[] lastLog = {started};
        queries.history(token.chainId(), token.address(), 0, end.number(), List.of(), sink(sweep, () -> {
            long now = System.nanoTime();
            if (now - lastLog[0] >= PROGRESS_NANOS) {
                lastLog[0] = now;
                LOG.info("concentration timeline of token {} on chain {}: at block {} of {} ({} %), {} checkpoints, {} s",
                        token.address(), token.chainId(), String.format("%,d", sweep.block()), String.format("%,d", end.number()),
                        Math.max(0, sweep.block()) * 100 / Math.max(1, end.number()), String.format("%,d", sweep.checkpoints()),
                        (now - started) / 1_000_000_000L);
            }
        }));
        sweep.publish(end.number(), end.hash());
        LOG.info("concentration timeline of token {} on chain {}: built up to block {} in {} s from {} checkpoints; {} blocks with "
                        + "changes; {} MB held ({} MB the timeline, {} MB the pass kept to extend it)", token.address(), token.chainId(),
                String.format("%,d", end.number()), String.format("%.1f", (System.nanoTime() - started) / 1e9),
                String.format("%,d", sweep.checkpoints()), String.format("%,d", sweep.timeline().view().recordedBlocks()),
                (sweep.timeline().bytes() + sweep.bytes()) >> 20, sweep.timeline().bytes() >> 20, sweep.bytes() >> 20);
        return sweep;
    }

    /** Applies each batch to the sweep, stopping when the thread is interrupted (the server stops). */
    private static PowerQueries.HistorySink sink(ConcentrationSweep sweep, Runnable afterBatch) {
        return new PowerQueries.HistorySink() {
            @Override
            public void start(int delegateIds, Map<String, Integer> ids) {
            }

            @Override
            public void rows(PowerRows rows) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted while building a concentration timeline");
                }
                sweep.apply(rows);
                if (afterBatch != null) {
                    afterBatch.run();
                }
            }
        };
    }

    /** {@code read} in one transaction (repeatable read on PostgreSQL): the header, the history and the check see one state. */
    private <T> T inReadTransaction(HandleCallback<T, RuntimeException> read) {
        if (store.database().isSqlite()) {
            return store.jdbi().inTransaction(read);
        }
        return store.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, read);
    }
}
