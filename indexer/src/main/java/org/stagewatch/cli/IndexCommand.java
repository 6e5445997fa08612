package org.stagewatch.cli;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.store.Store;
import org.stagewatch.sync.Indexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stagewatch index}: backfill every contract of a config from its start block to the head (or --to). */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Backfill every configured contract into the database, then exit. Re-runs index only what is new.")
final class IndexCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML config (see config/SCHEMA.md)")
    Path config;

    @Option(names = "--to", paramLabel = "BLOCK", description = "stop at this block instead of the head")
    Long to;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        StagewatchConfig loaded = ConfigLoader.load(config);
        if (to != null && to < 0) {
            throw new UserError("--to must be ≥ 0, got " + to);
        }
        Store store = database.open();
        new Indexer(store, EventDecoder.standard(), ConsoleProgress.forStderr())
                .backfill(loaded, to == null ? OptionalLong.empty() : OptionalLong.of(to));
        return 0;
    }
}
