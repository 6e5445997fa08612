package org.stagewatch.sync;

import java.util.List;
import java.util.Map;
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
 * Indexes one block range of one chain, the unit both backfill and live following are made of:
 * fetch logs, fetch the headers they sit in (and the range's first and last block), check the range
 * continues the checkpoint's chain and that every log's block hash is its header's, decode, project,
 * and write rows, headers and the new checkpoint in one transaction.
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

    RangeIndexer(Store store, EventDecoder decoder, Projectors projectors, ChainPlan plan, RpcClient client) {
        this.store = store;
        this.decoder = decoder;
        this.projectors = projectors;
        this.plan = plan;
        this.client = client;
        this.fetcher = new LogRangeFetcher(client, plan.chain().chainId(), plan.chain().maxBlockRange());
        topics.addAll(plan.topics(decoder));
        this.quorums = new QuorumReader(store, client, plan.chain().chainId());
        this.supplies = new SupplyReader(store, client, plan.chain().chainId());
    }

    /** What one call indexed. */
    record Indexed(long from, long to, int events, int undecodable, Checkpoint checkpoint) {
    }

    /** A fetched range, checked but not yet written: its logs (in chain order) and the headers they need. */
    record Fetched(long from, long to, List<RawLog> logs, Map<Long, BlockHeader> headers) {
        BlockHeader top() {
            return headers.get(to);
        }
    }

    /** Fetches and writes one range (see {@link #fetch} and {@link #write}). */
    Indexed next(long from, long limit, Checkpoint previous) {
        return write(fetch(from, limit, previous == null ? null : previous.blockHash()));
    }

    /**
     * Fetches from {@code from} up to at most {@code limit} (the fetcher picks how far), with the headers
     * of every block holding a log and of the range's first and last block, and checks them.
     *
     * @param previousHash hash of block {@code from - 1} as indexed (or fetched just before); null on a first run
     * @throws ReorgException when block {@code from} does not build on it, or a log's block hash is not its header's
     */
    Fetched fetch(long from, long limit, String previousHash) {
        long chainId = plan.chain().chainId();
        LogRangeFetcher.Fetched range = fetcher.next(from, limit, plan.addresses(), topics);
        List<RawLog> logs = range.logs().stream().filter(this::watchedAt).toList();
        Set<Long> numbers = new TreeSet<>();
        logs.forEach(log -> numbers.add(log.blockNumber()));
        numbers.add(range.from());
        numbers.add(range.to());
        Map<Long, BlockHeader> headers = client.headers(chainId, numbers);
        BlockHeader first = headers.get(range.from());
        if (previousHash != null && !first.parentHash().equals(previousHash)) {
            throw new ReorgException(chainId, from - 1, previousHash, first);
        }
        for (RawLog log : logs) {
            if (!headers.get(log.blockNumber()).hash().equals(log.blockHash())) {
                throw new ReorgException(chainId, log, headers.get(log.blockNumber()));
            }
        }
        return new Fetched(range.from(), range.to(), logs, headers);
    }

    /** Decodes, projects and writes a fetched range with its checkpoint in one transaction, then reads what is due. */
    Indexed write(Fetched range) {
        ProjectedBatch rows = new ProjectedBatch();
        int undecodable = project(range.logs(), rows);
        BlockHeader top = range.top();
        Checkpoint checkpoint = new Checkpoint(plan.chain().chainId(), range.to(), top.hash());
        store.writeRange(range.logs(), range.headers().values(), rows, List.of(), checkpoint);
        quorums.readDue(plan, top);
        supplies.readDue(plan, top);
        StartStateReader.readDue(store, client, plan, top);
        ProxySlotReader.readDue(store, client, plan, top);
        ProbeReader.readDue(store, client, plan, top);
        return new Indexed(range.from(), range.to(), range.logs().size(), undecodable, checkpoint);
    }

    private boolean watchedAt(RawLog log) {
        return plan.watched(log.address()).stream().anyMatch(watched -> log.blockNumber() >= watched.startBlock());
    }

    private int project(List<RawLog> logs, ProjectedBatch rows) {
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
}
