package org.stagewatch.sync;

import java.time.Duration;

import org.stagewatch.store.Checkpoint;

/**
 * What one backfill run of one chain did. {@code checkpoint} is where the next run (or live
 * following) starts from; {@code undecodable} counts logs kept raw because their payload was malformed; {@code phases} says
 * where the time went.
 */
public record BackfillResult(String chain, long fromBlock, long toBlock, long blocks, long events,
                             long undecodable, Duration elapsed, Checkpoint checkpoint, PhaseTimes phases) {

    public double eventsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : events / seconds;
    }

    public boolean upToDate() {
        return blocks == 0;
    }
}
