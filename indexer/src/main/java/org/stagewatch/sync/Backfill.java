package org.stagewatch.sync;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.stagewatch.chain.RpcClient;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.project.Projectors;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Store;

/**
 * Indexes one chain from its checkpoint (or the earliest start block) to a target block, range by
 * range (see {@link RangeIndexer}), fetching, decoding and projecting ahead of the writer (see
 * {@link RangePipeline}), and committing several ranges at once while far from the target. A crash loses
 * at most what was not committed yet; a re-run starts after the checkpoint, so nothing is indexed twice
 * and nothing is skipped. Reads an earlier run committed but did not get to are read first, whatever the
 * head. A reorg — found at the start of an {@code index} run, or met on the way — is rolled back to its
 * fork point and indexing goes on from there.
 */
public final class Backfill {
    /**
     * Far from the head, ranges are committed together once this many logs are pending or this much time
     * has passed since the transaction began (see {@link Store.RangeWriter}); a crash loses at most that. While the
     * writer waits for one of the last two ranges, what it holds is committed then, so the last commit holds little
     * more than the last range.
     * The time can be set with {@code -Dstagewatch.commitMillis=N} (CrashIT commits every few ranges so its
     * kills land between commits, inside an open transaction).
     */
    static final long COMMIT_LOGS = 250_000;
    static final long COMMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(
            Long.getLong("stagewatch.commitMillis", 2_000));

    private final Store store;
    private final EventDecoder decoder;
    private final Projectors projectors;
    private final SyncProgress progress;

    public Backfill(Store store, EventDecoder decoder, Projectors projectors, SyncProgress progress) {
        this.store = store;
        this.decoder = decoder;
        this.projectors = projectors;
        this.progress = progress;
    }

    /**
     * The block a backfill runs to: the head less the configured confirmations, or {@code toBlock} if lower. A
     * {@code toBlock} a few blocks past the head (a lagging node's) is waited for a while (see {@link RpcClient#awaitHead}).
     */
    public static long target(ChainPlan plan, RpcClient client, OptionalLong toBlock) {
        return target(plan, head(client, toBlock), client, toBlock);
    }

    /** The head to run towards: a {@code toBlock} past a lagging node's head is waited for a while. */
    private static long head(RpcClient client, OptionalLong toBlock) {
        return toBlock.isPresent() ? client.awaitHead(toBlock.getAsLong()) : client.headBlock();
    }

    private static long target(ChainPlan plan, long head, RpcClient client, OptionalLong toBlock) {
        long target = Math.max(0, head - plan.chain().confirmations());
        if (toBlock.isPresent()) {
            if (toBlock.getAsLong() > head) {
                throw new SyncException("chain '%s': --to %d is beyond the head %d of %s%s; give a --to at or below the head"
                        .formatted(plan.chain().name(), toBlock.getAsLong(), head, client.url(),
                                toBlock.getAsLong() - head <= RpcClient.HEAD_WAIT_BLOCKS
                                        ? " (waited " + RpcClient.HEAD_WAIT.toSeconds() + " s for it)" : ""));
            }
            target = Math.min(target, toBlock.getAsLong());
        }
        return target;
    }

    /** Commits what the writer holds (ranges up to {@code top}) and reads what is due; returns the checkpoint now stored. */
    private static Checkpoint commit(RangeIndexer ranges, Store.RangeWriter writer, BlockHeader top, long target, Checkpoint previous) {
        if (top == null) {
            return previous;
        }
        return ranges.commit(writer, top, top.number() >= target).orElse(previous);
    }

    private static RangePipeline.Item take(RangePipeline pipeline, PhaseTimes phases) {
        long started = System.nanoTime();
        try {
            return pipeline.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted; the checkpoint is at the last committed range");
        } finally {
            phases.addWait(System.nanoTime() - started);
        }
    }

    /** An {@code index} run: checks the checkpoint against the chain (see {@link ReorgHandler#verify}), then runs to the target. */
    public BackfillResult run(ChainPlan plan, RpcClient client, OptionalLong toBlock) {
        try (Started started = start(plan, client, toBlock)) {
            return started.finish();
        }
    }

    /**
     * The first half of {@link #run}: the head and the target, the checkpoint checked against the chain, and the first
     * ranges' requests sent. The caller may do its own work (it records the config's declarations) while the provider
     * answers, then {@link Started#finish}es the run — or closes it, which drops what was fetched.
     */
    public Started start(ChainPlan plan, RpcClient client, OptionalLong toBlock) {
        long head = head(client, toBlock);
        long target = target(plan, head, client, toBlock);
        ReorgHandler reorgs = new ReorgHandler(store, client, plan);
        store.checkpoint(plan.chain().chainId()).ifPresent(checkpoint -> reorgs.verify(checkpoint, head));
        return new Started(plan, head, target, new Run(plan, client, target));
    }

    /** A run begun by {@link #start}. */
    public final class Started implements AutoCloseable {
        private final ChainPlan plan;
        private final long head;
        private final long target;
        private final Run run;

        private Started(ChainPlan plan, long head, long target, Run run) {
            this.plan = plan;
            this.head = head;
            this.target = target;
            this.run = run;
        }

        /** Indexes to the target. */
        public BackfillResult finish() {
            BackfillResult result = run.finish();
            long confirmations = plan.chain().confirmations();
            if (confirmations > 0 && target == Math.max(0, head - confirmations)) {
                // the confirmations, not --to, decided where it stopped: say how many blocks it left for the next run
                progress.heldBack(plan.chain().name(), target, head, confirmations);
            }
            return result;
        }

        /** Stops what is still being fetched (after {@link #finish}, nothing is). */
        @Override
        public void close() {
            run.close();
        }
    }

    /** Reads the state an earlier run committed but did not read (see {@link RangeIndexer#settleOwedReads}). */
    void settleOwedReads(ChainPlan plan, RpcClient client) {
        new RangeIndexer(store, decoder, projectors, plan, client, new PhaseTimes()).settleOwedReads();
    }

    /** Indexes from the checkpoint to {@code target}, after settling the reads owed; a checkpoint at or above it indexes nothing. */
    BackfillResult runTo(ChainPlan plan, RpcClient client, long target) {
        try (Run run = new Run(plan, client, target)) {
            return run.finish();
        }
    }

    /**
     * Indexing from the checkpoint to a target. Made, it sends the first ranges' requests ({@link RangePipeline}); the
     * reads an earlier run owes are settled in {@link #finish} while the provider answers them, before anything new is
     * written.
     */
    private final class Run implements AutoCloseable {
        private final ChainPlan plan;
        private final RpcClient client;
        private final long target;
        private final PhaseTimes phases = new PhaseTimes();
        private final RangeIndexer ranges;
        private Checkpoint checkpoint;
        private final long from;
        /** The pipeline of the first ranges, started at once; null when there is nothing to index or once taken. */
        private RangePipeline first;

        Run(ChainPlan plan, RpcClient client, long target) {
            this.plan = plan;
            this.client = client;
            this.target = target;
            this.ranges = new RangeIndexer(store, decoder, projectors, plan, client, phases);
            this.checkpoint = store.withSync(sync -> sync.checkpoint(plan.chain().chainId())).orElse(null);
            this.from = checkpoint == null ? plan.firstBlock() : checkpoint.blockNumber() + 1;
            this.first = from <= target ? pipeline(from) : null;
        }

        private RangePipeline pipeline(long next) {
            return new RangePipeline(ranges, next, target, checkpoint == null ? null : checkpoint.blockHash(), plan.chain().name());
        }

        BackfillResult finish() {
            String name = plan.chain().name();
            ranges.settleOwedReads();
            long started = System.nanoTime();
            long sentBefore = client.callsSent();
            progress.started(name, from, target);
            ReorgHandler reorgs = new ReorgHandler(store, client, plan);
            long events = 0;
            long undecodable = 0;
            long next = from;
            while (next <= target) {
                RangePipeline fetching = first != null ? first : pipeline(next);
                first = null;
                try (Store.RangeWriter writer = store.rangeWriter(); RangePipeline pipeline = fetching) {
                    BlockHeader written = null;
                    boolean uncommitted = false;
                    while (true) {
                        if (uncommitted && target - next + 1 <= 2 * ranges.currentRange() && !pipeline.ready()) {
                            // the last ranges are all that is still to come and the writer would wait for them: commit
                            // now, so that what is left after the last answer is that range's own writing, not
                            // everything since the last commit
                            checkpoint = commit(ranges, writer, written, target, checkpoint);
                            uncommitted = false;
                        }
                        RangePipeline.Item item = take(pipeline, phases);
                        if (item == RangePipeline.Item.END) {
                            break;
                        }
                        if (item.failure() != null) {
                            // what was written so far is sound: keep it, then deal with the failure (a reorg rolls back from there)
                            checkpoint = commit(ranges, writer, written, target, checkpoint);
                            throw item.failure();
                        }
                        RangeIndexer.Indexed indexed = ranges.write(item.range(), writer);
                        written = item.range().top();
                        uncommitted = true;
                        events += indexed.events();
                        undecodable += indexed.undecodable();
                        next = indexed.to() + 1;
                        if (indexed.to() >= target || writer.pendingLogs() >= COMMIT_LOGS || writer.pendingNanos() >= COMMIT_NANOS) {
                            checkpoint = commit(ranges, writer, written, target, checkpoint);
                            uncommitted = false;
                        }
                        progress.requests(name, new SyncProgress.Requests(client.inFlight(), client.concurrencyLimit(),
                                ranges.currentRange(), plan.chain().requestsPerSecond(), client.callsSent() - sentBefore));
                        progress.advanced(name, next - from, events, checkpoint == null ? from - 1 : checkpoint.blockNumber());
                    }
                } catch (ReorgException e) {
                    if (checkpoint == null) {
                        throw new SyncException("chain '%s': the RPC contradicts itself (%s); run again".formatted(name, e.getMessage()));
                    }
                    checkpoint = reorgs.rollBack(checkpoint, e.getMessage());
                    next = checkpoint.blockNumber() + 1;
                }
            }
            BackfillResult result = new BackfillResult(name, from, target, Math.max(0, target - from + 1), events,
                    undecodable, Duration.ofNanos(System.nanoTime() - started), checkpoint, phases);
            progress.finished(result);
            return result;
        }

        @Override
        public void close() {
            if (first != null) {
                first.close();
                first = null;
            }
        }
    }
}
