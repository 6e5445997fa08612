package org.stagewatch.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.LogRangeFetcher;
import org.stagewatch.chain.RawLog;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.decode.DecodeException;
import org.stagewatch.decode.DecodedEvent;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.project.Projector;
import org.stagewatch.project.Projectors;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.Store;

/**
 * Indexes one chain from its checkpoint (or the earliest start block) to a target block, range by
 * range: fetch logs, check them against the block headers, decode, project, and write rows,
 * headers and the new checkpoint in one transaction. A crash loses at most the range in flight;
 * a re-run starts after the checkpoint, so nothing is indexed twice and nothing is skipped.
 */
public final class Backfill {
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

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

    public BackfillResult run(ChainPlan plan, RpcClient client, OptionalLong toBlock) {
        long chainId = plan.chain().chainId();
        String name = plan.chain().name();
        long head = client.headBlock();
        long target = Math.max(0, head - plan.chain().confirmations());
        if (toBlock.isPresent()) {
            if (toBlock.getAsLong() > head) {
                throw new SyncException("chain '%s': --to %d is beyond the head %d of %s"
                        .formatted(name, toBlock.getAsLong(), head, client.url()));
            }
            target = Math.min(target, toBlock.getAsLong());
        }
        var checkpoint = store.withSync(sync -> sync.checkpoint(chainId));
        long from = checkpoint.map(cp -> cp.blockNumber() + 1).orElse(plan.firstBlock());
        long started = System.nanoTime();
        progress.started(name, from, target);
        Set<String> topics = topicsOf(plan);
        LogRangeFetcher fetcher = new LogRangeFetcher(client, chainId, plan.chain().maxBlockRange());
        QuorumReader quorums = new QuorumReader(store, client, chainId);
        SupplyReader supplies = new SupplyReader(store, client, chainId);
        long events = 0;
        long undecodable = 0;
        Checkpoint last = checkpoint.orElse(null);
        for (long next = from; next <= target; ) {
            LogRangeFetcher.Fetched range = fetcher.next(next, target, plan.addresses(), topics);
            List<RawLog> logs = range.logs().stream().filter(log -> watchedAt(plan, log)).toList();
            Map<Long, BlockHeader> headers = headersFor(client, chainId, logs, range.to());
            checkConsistent(client, logs, headers);
            ProjectedBatch rows = new ProjectedBatch();
            undecodable += project(plan, logs, rows);
            BlockHeader top = headers.get(range.to());
            last = new Checkpoint(chainId, range.to(), top.hash());
            store.writeRange(logs, headers.values(), rows, List.of(), last);
            quorums.readDue(plan, top);
            supplies.readDue(plan, top);
            events += logs.size();
            next = range.to() + 1;
            progress.advanced(name, next - from, events, range.to());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        BackfillResult result = new BackfillResult(name, from, target, Math.max(0, target - from + 1), events,
                undecodable, elapsed, last);
        progress.finished(result);
        return result;
    }

    private Set<String> topicsOf(ChainPlan plan) {
        Set<String> topics = new TreeSet<>();
        plan.kinds().forEach(kind -> topics.addAll(decoder.topic0s(kind)));
        return topics;
    }

    private static boolean watchedAt(ChainPlan plan, RawLog log) {
        return plan.watched(log.address()).stream().anyMatch(watched -> log.blockNumber() >= watched.startBlock());
    }

    private int project(ChainPlan plan, List<RawLog> logs, ProjectedBatch rows) {
        int undecodable = 0;
        for (RawLog log : logs) {
            for (ChainPlan.Watched watched : plan.watched(log.address())) {
                if (log.blockNumber() < watched.startBlock()) {
                    continue;
                }
                try {
                    DecodedEvent event = decoder.decode(watched.kind(), log).orElse(null);
                    Projector projector = projectors.forKind(watched.kind()).orElse(null);
                    if (event != null && projector != null) {
                        projector.project(event, new Projector.ContractOptions(watched.transfers()), rows);
                    }
                } catch (DecodeException e) {
                    undecodable++;
                    LOG.warn("kept raw, not projected: {}", e.getMessage());
                }
            }
        }
        return undecodable;
    }

    private static Map<Long, BlockHeader> headersFor(RpcClient client, long chainId, List<RawLog> logs, long to) {
        Set<Long> numbers = new TreeSet<>();
        logs.forEach(log -> numbers.add(log.blockNumber()));
        numbers.add(to);
        return client.headers(chainId, new ArrayList<>(numbers));
    }

    /** Logs whose block hash differs from the header fetched after them mean the chain moved under us. */
    private static void checkConsistent(RpcClient client, List<RawLog> logs, Map<Long, BlockHeader> headers) {
        for (RawLog log : logs) {
            BlockHeader header = headers.get(log.blockNumber());
            if (!header.hash().equals(log.blockHash())) {
                throw new SyncException("%s: log %d of block %d has block hash %s but the block's hash is %s; "
                        .formatted(client.url(), log.logIndex(), log.blockNumber(), log.blockHash(), header.hash())
                        + "the chain reorganised during the fetch or the RPC is inconsistent. Nothing of this range "
                        + "was written; run again.");
            }
        }
    }
}
