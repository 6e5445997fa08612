package org.stagewatch.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;

import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.Presets;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.store.Store;
import org.stagewatch.store.WriterLock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.stagewatch.sync.Indexer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stagewatch index}: backfill every contract of a config (a file, or a packaged preset) from its
 * start block to the head (or --to).
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Backfill every configured contract into the database, then exit. Re-runs index only what is new.")
final class IndexCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one of --config and --preset. */
    static final class Source {
        @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML config (see config/SCHEMA.md)")
        Path config;

        @Option(names = "--preset", required = true, paramLabel = "NAME",
                description = "a config shipped with Stagewatch instead of --config: arbitrum (Ethereum + Arbitrum One) "
                        + "or optimism (Ethereum + OP Mainnet); RPC URLs come from ETHEREUM_RPC_URL, ARBITRUM_RPC_URL, OPTIMISM_RPC_URL")
        String preset;

        StagewatchConfig load() {
            return config != null ? ConfigLoader.load(config) : Presets.load(preset, System.getenv());
        }
    }

    @Option(names = "--to", paramLabel = "BLOCK", description = "stop at this block instead of the head")
    Long to;

    @Option(names = "--follow", description = "after the backfill, follow the head (WebSocket newHeads for ws:// URLs, "
            + "polling otherwise) until interrupted; reorgs are rolled back to their fork point")
    boolean follow;

    @Option(names = "--chain", paramLabel = "NAME", split = ",",
            description = "index only the contracts on this chain of the config (repeatable): one indexer per chain, "
                    + "each with the same config, can write one PostgreSQL database side by side")
    Set<String> chains = new LinkedHashSet<>();

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() throws InterruptedException {
        StagewatchConfig loaded = source.load();
        if (to != null && to < 0) {
            throw new UserError("--to must be ≥ 0, got " + to);
        }
        if (to != null && follow) {
            throw new UserError("--to and --follow exclude each other: --follow indexes up to the head and stays there");
        }
        List<Long> chainIds = Indexer.chainIds(loaded, chains); // an unknown --chain is refused before the database is opened
        Store store = database.open();
        try (WriterLock lock = WriterLock.acquire(store.database(), chainIds)) {
            try {
                return run(store, loaded);
            } catch (RuntimeException e) {
                // refused before anything was indexed (wrong chain id, no endpoint, changed contracts): a database file
                // this run created is removed again, so the message's "Nothing was written" holds for the file too
                try {
                    store.database().discardIfUnused();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup); // the refusal is what the user needs to read
                }
                throw e;
            }
        }
    }

    private int run(Store store, StagewatchConfig loaded) throws InterruptedException {
        Indexer indexer = new Indexer(store, EventDecoder.standard(), ConsoleProgress.forStderr());
        if (!follow) {
            indexer.backfill(loaded, chains, to == null ? OptionalLong.empty() : OptionalLong.of(to));
            return 0;
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            stop.set(true);
            main.interrupt();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            indexer.follow(loaded, chains, stop::get);
        } catch (InterruptedException e) {
            System.err.println("stagewatch index: stopped; the checkpoint is at the last fully indexed range");
        }
        return 0;
    }
}
