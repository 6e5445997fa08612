package org.stagewatch.api;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.stagewatch.sync.BackfillResult;
import org.stagewatch.sync.SyncProgress;

/**
 * What the in-process indexer reports, kept for health and metrics: per chain the block it is indexing towards
 * (the head less the configured confirmations), the events it stored, and whether its first backfill finished.
 * Counters only grow; a run's cumulative count is turned into increments here.
 */
class IndexProgress implements SyncProgress {
    private final Set<String> chains;
    private final Map<String, AtomicLong> targets = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
    private final Map<String, Long> eventsInRun = new ConcurrentHashMap<>();
    private final Set<String> backfilled = ConcurrentHashMap.newKeySet();
    private volatile String failure;

    /** @param chains the names of the chains the indexer backfills (those with contracts) */
    IndexProgress(Set<String> chains) {
        this.chains = Set.copyOf(chains);
        chains.forEach(chain -> {
            targets.put(chain, new AtomicLong(-1));
            events.put(chain, new AtomicLong());
        });
    }

    @Override
    public void started(String chain, long fromBlock, long toBlock) {
        targets.computeIfAbsent(chain, name -> new AtomicLong(-1)).accumulateAndGet(toBlock, Math::max);
        eventsInRun.put(chain, 0L);
    }

    @Override
    public void advanced(String chain, long blocksDone, long eventsSoFar, long checkpointBlock) {
        long before = eventsInRun.getOrDefault(chain, 0L);
        eventsInRun.put(chain, eventsSoFar);
        events.computeIfAbsent(chain, name -> new AtomicLong()).addAndGet(Math.max(0, eventsSoFar - before));
    }

    @Override
    public void finished(BackfillResult result) {
        backfilled.add(result.chain());
    }

    Set<String> chains() {
        return chains;
    }

    /** The block the indexer last set out to reach on this chain, or -1 before it asked the node. */
    long target(String chain) {
        AtomicLong target = targets.get(chain);
        return target == null ? -1 : target.get();
    }

    long events(String chain) {
        AtomicLong count = events.get(chain);
        return count == null ? 0 : count.get();
    }

    boolean backfilled(String chain) {
        return backfilled.contains(chain);
    }

    /** Every chain's first backfill reached the block it was started for. */
    boolean backfillDone() {
        return backfilled.containsAll(chains);
    }

    void failed(String message) {
        failure = message;
    }

    /** Why the indexer stopped for good, or null while it runs. */
    String failure() {
        return failure;
    }
}
