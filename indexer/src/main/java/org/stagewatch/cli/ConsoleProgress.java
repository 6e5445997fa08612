package org.stagewatch.cli;

import java.io.PrintStream;
import java.time.Duration;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.stagewatch.sync.BackfillResult;
import org.stagewatch.sync.SyncProgress;

/**
 * Backfill progress for people: a live bar (blocks done of total, events/s, ETA) on a terminal; a
 * log line every {@value #LOG_INTERVAL_SECONDS} s elsewhere; a summary line at the end either way.
 * Everything goes to stderr so {@code --json} output stays clean.
 */
final class ConsoleProgress implements SyncProgress {
    static final int LOG_INTERVAL_SECONDS = 10;

    private final PrintStream err;
    private final boolean terminal;
    private ProgressBar bar;
    private long startedNanos;
    private long lastLogNanos;
    private long total;

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
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(err))
                    .showSpeed().build();
        }
    }

    @Override
    public void advanced(String chain, long blocksDone, long events, long checkpointBlock) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double rate = seconds > 0 ? events / seconds : 0;
        if (bar != null) {
            bar.stepTo(blocksDone);
            bar.setExtraMessage(String.format(" %,d events, %,.0f events/s", events, rate));
            return;
        }
        if (System.nanoTime() - lastLogNanos >= LOG_INTERVAL_SECONDS * 1_000_000_000L || blocksDone == total) {
            lastLogNanos = System.nanoTime();
            double fraction = total == 0 ? 1 : (double) blocksDone / total;
            long etaSeconds = fraction > 0 ? (long) (seconds / fraction - seconds) : 0;
            err.printf("%s: %,d/%,d blocks (%.0f%%), checkpoint %,d, %,d events, %,.0f events/s, ETA %s%n", chain,
                    blocksDone, total, fraction * 100, checkpointBlock, events, rate, format(Duration.ofSeconds(etaSeconds)));
        }
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
