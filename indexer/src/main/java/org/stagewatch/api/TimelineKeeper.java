package org.stagewatch.api;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.stagewatch.analyze.power.ConcentrationTimelines;

/**
 * Keeps the server's {@link ConcentrationTimelines} up with the store on a thread of its own: builds them once the
 * server starts, then every {@value #INTERVAL_MILLIS} ms extends them by what was indexed (by {@code --index} or any
 * other indexer of the database) or builds one again after a rollback. Answers never wait for it: until a timeline
 * covers a block, {@code /metrics} there is computed from the power history, and readiness does not depend on it.
 */
@Component
class TimelineKeeper implements SmartLifecycle {
    static final long INTERVAL_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(TimelineKeeper.class);

    private final ConcentrationTimelines timelines;
    private volatile Thread thread;

    TimelineKeeper(ConcentrationTimelines timelines) {
        this.timelines = timelines;
    }

    @Override
    public void start() {
        Thread worker = new Thread(this::run, "concentration-timelines");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                timelines.refresh();
                TimeUnit.MILLISECONDS.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                LOG.warn("concentration timelines: {}; trying again", e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(INTERVAL_MILLIS);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
