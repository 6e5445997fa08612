package org.stagewatch.api;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.store.WriterLock;
import org.stagewatch.sync.Indexer;

/**
 * {@code serve --index}: the follow indexer ({@code index --follow}) on a background thread of the server. It
 * owns the only writable connection of the process and the writer lock of the database; the API reads through
 * its own read-only connection. Created before the read-only store (it creates and migrates a new database),
 * started with the server and stopped, at the end of its current range, when the server stops. If it fails for
 * good, the server keeps answering from what was indexed and health reports the failure.
 */
class IndexingService implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(IndexingService.class);

    private final StagewatchConfig config;
    private final Store store;
    private final WriterLock lock;
    private final IndexProgress progress;
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile Thread thread;

    IndexingService(StagewatchConfig config, String db) {
        this.config = config;
        this.store = new Store(Database.open(db));
        this.lock = WriterLock.acquire(store.database(), Indexer.chainIds(config, Set.of()));
        Set<String> chains = new LinkedHashSet<>();
        config.daos().forEach(dao -> dao.contracts().forEach(contract -> chains.add(contract.chain())));
        this.progress = new IndexProgress(chains);
    }

    IndexProgress progress() {
        return progress;
    }

    @Override
    public void start() {
        Thread worker = new Thread(this::run, "stagewatch-indexer");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    private void run() {
        try {
            new Indexer(store, EventDecoder.standard(), progress).follow(config, stop::get);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stop.get()) {
                progress.failed(e.getMessage());
                LOG.error("indexer stopped: {}; the API keeps answering from what was indexed", e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        stop.set(true);
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        try {
            lock.close();
        } catch (Exception e) {
            LOG.warn("releasing the writer lock: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
