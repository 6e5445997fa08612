package org.stagewatch.cli;

import java.io.PrintStream;
import java.time.Duration;

import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.stagewatch.sync.BackfillResult;
import org.stagewatch.sync.SyncProgress;

/**
 * Backfill progress for people: a live bar (blocks done of total, events/s, requests in flight and the current
 * eth_getLogs range, ETA) on a terminal; a log line every {@value #LOG_INTERVAL_SECONDS} s elsewhere; a summary line
 * at the end either way. The ETA is the longer of the run so far extrapolated and, with a configured request rate,
 * the requests still to send (at the requests per block so far) at that rate: early in a rate-limited run the first
 * alone is far too hopeful. Everything goes to stderr so {@code --json} output stays clean.
 */
final class ConsoleProgress implements SyncProgress {
    static final int LOG_INTERVAL_SECONDS = 10;

    private final PrintStream err;
    private final boolean terminal;
    private ProgressBar bar;
    private long startedNanos;
    private long lastLogNanos;
    private long total;
    private SyncProgress.Requests requests;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static ConsoleProgress forStderr() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public void started(String chain, long fromBlock, long toBlock) {
        total = Math.max(0, toBlock - fromBlock + 1);
        startedNanos = System.nanoTime();
        lastLogNanos = startedNanos;
        if (total == 0) {
            return;
        }
        err.printf("%s: indexing blocks %,d … %,d (%,d blocks)%n", chain, fromBlock, toBlock, total);
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(chain).setInitialMax(total).setUnit(" blocks", 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new InteractiveConsoleProgressBarConsumer(err))
                    .showSpeed().build();
        }
    }

    @Override
    public void requests(String chain, SyncProgress.Requests requests) {
        this.requests = requests;
    }

    @Override
    public void advanced(String chain, long blocksDone, long events, long checkpointBlock) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double rate = seconds > 0 ? events / seconds : 0;
        if (bar != null) {
            bar.stepTo(blocksDone);
            bar.setExtraMessage(String.format(" %,d events, %,.0f events/s%s", events, rate, requestsShown()));
            return;
        }
        if (System.nanoTime() - lastLogNanos >= LOG_INTERVAL_SECONDS * 1_000_000_000L || blocksDone == total) {
            lastLogNanos = System.nanoTime();
            double fraction = total == 0 ? 1 : (double) blocksDone / total;
            err.printf("%s: %,d/%,d blocks (%.0f%%), checkpoint %,d, %,d events, %,.0f events/s%s, ETA %s%n", chain,
                    blocksDone, total, fraction * 100, checkpointBlock, events, rate, requestsShown(),
                    format(Duration.ofSeconds(etaSeconds(seconds, blocksDone, total, requests))));
        }
    }

    /** ", 3/4 requests in flight, range 2,000 blocks", or nothing before the first report. */
    private String requestsShown() {
        SyncProgress.Requests now = requests;
        return now == null ? "" : String.format(", %d/%d requests in flight, range %,d blocks", now.inFlight(), now.limit(), now.rangeBlocks());
    }

    /**
     * Seconds left: the run so far extrapolated, or, when a request rate is configured, the calls still to send (at the
     * calls per block so far, each call of a batch counted) at that rate, whichever is longer.
     */
    static long etaSeconds(double seconds, long blocksDone, long total, SyncProgress.Requests requests) {
        if (blocksDone <= 0) {
            return 0;
        }
        double fraction = total == 0 ? 1 : (double) blocksDone / total;
        double extrapolated = seconds / fraction - seconds;
        double byRate = 0;
        if (requests != null && requests.requestsPerSecond() > 0) {
            byRate = (double) requests.calls() / blocksDone * (total - blocksDone) / requests.requestsPerSecond();
        }
        return (long) Math.max(extrapolated, byRate);
    }

    @Override
    public void deploymentBlockFound(String chain, String label, String address, long block, int calls) {
        err.printf("finding the deployment block of %s (%s) on %s: block %,d (%d eth_getCode calls)%n", label, address,
                chain, block, calls);
    }

    @Override
    public void heldBack(String chain, long stoppedAt, long head, long confirmations) {
        err.printf("%s: stopped at block %,d, %,d blocks below the head %,d (confirmations: %d)%n", chain, stoppedAt, head - stoppedAt,
                head, confirmations);
    }

    @Override
    public void finished(BackfillResult result) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        if (result.upToDate()) {
            err.printf("%s: already up to date at block %,d%n", result.chain(),
                    result.checkpoint() == null ? 0 : result.checkpoint().blockNumber());
            return;
        }
        err.printf("%s: indexed %,d blocks (%,d … %,d), %,d events in %s (%,.0f events/s)%s%n", result.chain(),
                result.blocks(), result.fromBlock(), result.toBlock(), result.events(), format(result.elapsed()),
                result.eventsPerSecond(), result.undecodable() > 0 ? ", " + result.undecodable() + " kept raw (undecodable)" : "");
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format("%.1fs", duration.toMillis() / 1000.0);
        }
        return String.format("%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }
}
