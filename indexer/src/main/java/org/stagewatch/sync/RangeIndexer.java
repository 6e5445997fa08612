package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.LogPrefetch;
import org.stagewatch.chain.LogRangeFetcher;
import org.stagewatch.chain.RawLog;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.project.Projectors;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.EncodedLogs;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.OwedRead;
import org.stagewatch.store.OwedReadDao;
import org.stagewatch.store.Store;

/**
 * Indexes one block range of one chain, the unit both backfill and live following are made of:
 * fetch logs, fetch the headers they sit in (and the range's first and last block), check the range
 * continues the checkpoint's chain and that every log's block hash is its header's, decode and project
 * and read the probes the range owes ({@link ProbeReader}) (all of that ahead of the writer, on the prefetch's
 * workers and the decode thread, see {@link RangePipeline}); then write rows, headers, probe readings and the new
 * checkpoint into the open transaction of a {@link Store.RangeWriter}, and after a commit read the other state
 * that is due. The commit records those reads as owed ({@link OwedRead}) and the readings settle the debt, so a run
 * stopped in between leaves them for the next run, which settles them first ({@link #settleOwedReads}).
 */
final class RangeIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(RangeIndexer.class);

    private final Store store;
    private final EventDecoder decoder;
    private final Projectors projectors;
    private final ChainPlan plan;
    private final RpcClient client;
    private final LogRangeFetcher fetcher;
    private final Set<String> topics = new TreeSet<>();
    private final QuorumReader quorums;
    private final SupplyReader supplies;
    private final PhaseTimes phases;

    RangeIndexer(Store store, EventDecoder decoder, Projectors projectors, ChainPlan plan, RpcClient client, PhaseTimes phases) {
        this.phases = phases;
        this.store = store;
        this.decoder = decoder;
        this.projectors = projectors;
        this.plan = plan;
        this.client = client;
        this.fetcher = new LogRangeFetcher(client, plan.chain().chainId(), plan.chain().maxBlockRange());
        fetcher.restore(LearnedLimits.load(store, plan.chain().chainId()));
        topics.addAll(plan.topics(decoder));
        this.quorums = new QuorumReader(store, plan.chain().chainId());
        this.supplies = new SupplyReader(store, plan.chain().chainId());
    }

    /** What one call indexed. */
    record Indexed(long from, long to, int events, int undecodable, Checkpoint checkpoint) {
    }

    /** A fetched range, checked and projected but not yet written: its logs (in chain order), the headers they need, their rows. */
    record Fetched(long from, long to, EncodedLogs logs, Map<Long, BlockHeader> headers, ProjectedBatch rows, int undecodable,
                   List<StateRead> reads) {
        BlockHeader top() {
            return headers.get(to);
        }
    }

    /**
     * Bytes of fetched logs a backfill holds ahead of the decode thread at most (see {@link LogPrefetch}): an eighth
     * of the heap, which on the backfill benchmark's dense ranges (80,000 logs, ≈ 30 MB) keeps two in flight, as many as
     * helped there, and on a provider's small ranges lets the requests in flight follow its concurrency limit.
     */
    static long prefetchBytes() {
        return Runtime.getRuntime().maxMemory() / 8;
    }

    /** A fetched range with the logs watched in it and the headers it needs, fetched on the prefetch's worker. */
    record Prefetched(LogRangeFetcher.Fetched range, List<RawLog> logs, Map<Long, BlockHeader> headers) {
    }

    /**
     * The logs of [{@code from}, {@code limit}] range by range (the fetcher picks how far each goes) and the headers
     * of each range, with up to {@value #RANGES_PER_PLACE} ranges under way for each request the endpoint takes in
     * flight (its adaptive concurrency limit), within {@link #prefetchBytes}: the first stage of the pipeline, the one
     * that waits on the node.
     */
    LogPrefetch<Prefetched> fetchLogs(long from, long limit) {
        return new LogPrefetch<>(fetcher, from, limit, plan.addresses(), topics, () -> RANGES_PER_PLACE * client.concurrencyLimit(),
                prefetchBytes(), this::withHeaders, "stagewatch-logs-" + plan.chain().name());
    }

    /**
     * Ranges under way per place among the requests in flight. A range whose eth_getLogs has answered holds no place
     * while its header batches wait for theirs, and eth_getLogs go ahead of header batches ({@code RequestPriority}): with
     * more ranges than places, the next ranges' eth_getLogs are asked while the provider works through the header
     * batches queued — at the start, the provider is kept busy until the first eth_getLogs answers.
     */
    static final int RANGES_PER_PLACE = 2;

    /**
     * The headers of every block holding one of {@code range}'s watched logs, of its first and last block and of the
     * blocks probes are read at, in batches sent beside the next eth_getLogs.
     */
    private Prefetched withHeaders(LogRangeFetcher.Fetched range) {
        List<RawLog> logs = range.logs().stream().filter(this::watchedAt).toList();
        Set<Long> numbers = new TreeSet<>();
        logs.forEach(log -> numbers.add(log.blockNumber()));
        numbers.add(range.from());
        numbers.add(range.to());
        numbers.addAll(ProbeReader.scheduled(plan, range.from(), range.to())); // blocks read at: their time is known too
        return new Prefetched(range, logs, client.headers(plan.chain().chainId(), numbers));
    }

    /** The eth_getLogs range the endpoint in use is asked for now. */
    long currentRange() {
        return fetcher.currentRange();
    }

    /** The next range of {@code logs}, timed as fetch (the wait for the node's answer and the reading of it not yet done). */
    Optional<Prefetched> nextLogs(LogPrefetch<Prefetched> logs) throws InterruptedException {
        long started = System.nanoTime();
        try {
            return logs.next();
        } finally {
            phases.addFetch(System.nanoTime() - started);
        }
    }

    /**
     * Checks a fetched range and its headers, and decodes, projects and packs the logs: the second stage of the
     * pipeline.
     *
     * @param previousHash hash of the block before the range as indexed (or checked just before); null on a first run
     * @throws ReorgException when the range's first block does not build on it, or a log's block hash is not its header's
     */
    Fetched check(Prefetched prefetched, String previousHash) {
        long chainId = plan.chain().chainId();
        long started = System.nanoTime();
        LogRangeFetcher.Fetched range = prefetched.range();
        List<RawLog> logs = prefetched.logs();
        Map<Long, BlockHeader> headers = prefetched.headers();
        BlockHeader first = headers.get(range.from());
        if (previousHash != null && !first.parentHash().equals(previousHash)) {
            throw new ReorgException(chainId, range.from() - 1, previousHash, first);
        }
        for (RawLog log : logs) {
            if (!headers.get(log.blockNumber()).hash().equals(log.blockHash())) {
                throw new ReorgException(chainId, log, headers.get(log.blockNumber()));
            }
        }
        long decoding = System.nanoTime();
        phases.addFetch(decoding - started);
        ProjectedBatch rows = new ProjectedBatch();
        int undecodable = project(logs, rows);
        EncodedLogs encoded;
        try {
            encoded = EncodedLogs.of(logs);
        } catch (IllegalArgumentException e) {
            throw new SyncException("chain '%s': eth_getLogs [%d, %d] from %s returned a malformed log (not hex, or two logs at one position): %s"
                    .formatted(plan.chain().name(), range.from(), range.to(), client.url(), e.getMessage()));
        }
        long reading = System.nanoTime();
        phases.addDecode(reading - decoding);
        // every probe block is a log block (a control fact's) or a scheduled one: its header is in hand
        List<StateRead> reads = ProbeReader.readOwed(client, plan, range.from(), range.to(), rows.control);
        phases.addFetch(System.nanoTime() - reading); // the decode thread waiting on the node, like the headers
        return new Fetched(range.from(), range.to(), encoded, headers, rows, undecodable, reads);
    }

    /** Writes a fetched range and its checkpoint into {@code writer}'s open transaction. */
    Indexed write(Fetched range, Store.RangeWriter writer) {
        long started = System.nanoTime();
        Checkpoint checkpoint = new Checkpoint(plan.chain().chainId(), range.to(), range.top().hash());
        writer.add(range.logs(), range.headers().values(), range.rows(), range.reads(), checkpoint);
        phases.addWrite(System.nanoTime() - started);
        return new Indexed(range.from(), range.to(), range.logs().size(), range.undecodable(), checkpoint);
    }

    /**
     * Commits what {@code writer} holds, with the reads it owes at {@code top} (the block committed up to), then
     * reads the state that is due there.
     */
    Optional<Checkpoint> commit(Store.RangeWriter writer, BlockHeader top, boolean runsLast) {
        long started = System.nanoTime();
        Optional<Checkpoint> committed = writer.commitOwingReads(runsLast);
        LearnedLimits.save(store, plan.chain().chainId(), fetcher.learned());
        long written = System.nanoTime();
        phases.addWrite(written - started);
        if (committed.isPresent()) {
            if (runsLast && PAUSE_AFTER_LAST_COMMIT) {
                pauseAfterLastCommit(top);
            }
            readDue(top, runsLast);
            phases.addReads(System.nanoTime() - written);
        }
        return committed;
    }

    /**
     * Reads the state an earlier run committed but did not get to read (it was killed, or a call failed, after its
     * commit), at the block it was owed at: whatever the head, so a re-run with nothing new to index reads it too.
     *
     * @return the block the owed reads were settled at, if there were any
     */
    Optional<Long> settleOwedReads() {
        long chainId = plan.chain().chainId();
        Optional<OwedRead> owed = store.jdbi().withExtension(OwedReadDao.class, dao -> dao.owed(chainId));
        if (owed.isEmpty()) {
            return Optional.empty();
        }
        long block = owed.get().blockNumber();
        // every committed checkpoint's header is stored, and a rollback moves the debt to the fork point, whose is too
        BlockHeader top = store.withSync(sync -> sync.block(chainId, block)).orElseThrow(() -> new IllegalStateException(
                "chain %d: state reads are owed at block %d, whose header is not stored".formatted(chainId, block)));
        LOG.info("chain '{}': reading the state due at block {}, which an interrupted run committed but did not read",
                plan.chain().name(), block);
        long started = System.nanoTime();
        readDue(top, owed.get().runEnd());
        phases.addReads(System.nanoTime() - started);
        return Optional.of(block);
    }

    /** The answers of the state reads asked ahead (see {@link #readAhead}), while not taken; null when none were. */
    private final AtomicReference<CompletableFuture<Map<RpcClient.Query, RpcClient.Answer>>> readAhead = new AtomicReference<>();

    /**
     * Asks, on a thread of its own, the state reads the commit of the run's last block {@code top} will want whatever
     * the ranges still to be written hold — the supply at its clock, a token's decimals not read yet — as soon as its
     * header is in (the decode thread calls this before checking the last range): their round trip overlaps the
     * checking, writing and committing of the last ranges instead of following them. Each is an eth_call at the latest
     * block of a value that does not change (a past supply, decimals), so a commit that asks the very same call takes its
     * answer ({@link DueCalls}) and asks only what else is due; a read-ahead that failed is asked again there.
     */
    void readAhead(BlockHeader top) {
        List<RpcClient.Query> queries = new ArrayList<>(supplies.lastBlockQueries(plan, top));
        queries.addAll(TokenDecimalsReader.dueQueries(store, plan, top));
        if (queries.isEmpty()) {
            return;
        }
        CompletableFuture<Map<RpcClient.Query, RpcClient.Answer>> answers = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("stagewatch-read-ahead-" + plan.chain().name()).start(() -> {
            try {
                List<RpcClient.Answer> answered = client.answers(queries);
                Map<RpcClient.Query, RpcClient.Answer> byQuery = new ConcurrentHashMap<>();
                for (int i = 0; i < queries.size(); i++) {
                    byQuery.put(queries.get(i), answered.get(i));
                }
                answers.complete(byQuery);
            } catch (RuntimeException e) {
                answers.completeExceptionally(e);
            }
        });
        readAhead.set(answers);
    }

    /** The answers read ahead and not taken yet (each is taken by the commit that asks for it); none when it failed. */
    private Map<RpcClient.Query, RpcClient.Answer> readAheadAnswers() {
        CompletableFuture<Map<RpcClient.Query, RpcClient.Answer>> ahead = readAhead.get();
        if (ahead == null) {
            return Map.of();
        }
        try {
            return ahead.join();
        } catch (CompletionException e) {
            LOG.debug("chain '{}': the state reads asked ahead of the last commit failed ({}); asked again", plan.chain().name(),
                    e.getCause().getMessage());
            readAhead.compareAndSet(ahead, null);
            return Map.of();
        }
    }

    /**
     * The readings due at {@code top}, each reader deciding from what is stored, their calls sent together
     * ({@link DueCalls}: a round trip for the governors' clock modes the first time, one for everything else); then the
     * reads owed there are settled. The start state, a few dependent calls once in each contract's life, is read call by
     * call.
     */
    private void readDue(BlockHeader top, boolean runsLast) {
        DueCalls calls = new DueCalls(readAheadAnswers());
        List<StateRead> reads = new ArrayList<>();
        quorums.clockModes(plan, top, calls, reads);
        calls.send(client);
        insert(reads); // the clocks the due quorums and supplies are found by
        reads.clear();
        quorums.due(plan, top, calls, reads);
        supplies.due(plan, top, runsLast, calls, reads);
        TokenDecimalsReader.due(store, plan, top, calls, reads);
        ProxySlotReader.due(store, plan, top, calls, reads);
        calls.send(client);
        insert(reads);
        StartStateReader.readDue(store, client, plan, top);
        store.jdbi().useExtension(OwedReadDao.class, dao -> dao.settled(plan.chain().chainId(), top.number()));
    }

    private void insert(List<StateRead> reads) {
        if (!reads.isEmpty()) {
            store.jdbi().useExtension(StateReadDao.class, dao -> dao.insert(reads));
        }
    }

    /**
     * For tests of interrupted runs: {@code -Dstagewatch.pauseAfterLastCommit=true} holds a run between the commit of
     * its last range and the reads that follow, saying so on stderr, until the process is stopped — the one moment
     * only the owed reads keep what the run still has to do.
     */
    private static final boolean PAUSE_AFTER_LAST_COMMIT = Boolean.getBoolean("stagewatch.pauseAfterLastCommit");

    private void pauseAfterLastCommit(BlockHeader top) {
        LOG.warn("chain '{}': paused after the last commit, at block {} (stagewatch.pauseAfterLastCommit)",
                plan.chain().name(), top.number());
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted after the last commit; the next run reads the state it owes");
        }
    }

    private boolean watchedAt(RawLog log) {
        for (ChainPlan.Watched watched : plan.watched(log.address())) { // a loop, not a stream: this runs once per log
            if (log.blockNumber() >= watched.startBlock()) {
                return true;
            }
        }
        return false;
    }

    private int project(List<RawLog> logs, ProjectedBatch rows) {
        return LogProjection.project(plan, decoder, projectors, logs, rows);
    }
}
