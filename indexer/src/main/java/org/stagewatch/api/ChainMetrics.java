package org.stagewatch.api;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.store.Store;

/**
 * Per-chain gauges for Prometheus ({@code /actuator/prometheus}), read at each scrape: the indexed block (the
 * checkpoint) and the final block, and with {@code --index} the block the indexer is heading for (the head less
 * the configured confirmations), the lag in blocks and in seconds (the age of the indexed block while it is
 * behind, 0 when caught up), the events stored (a counter: rate() is events/s) and whether the first backfill is
 * done. Labels: chain (the config's name) and chain_id.
 */
@Component
class ChainMetrics implements MeterBinder {
    private final Store store;
    private final StagewatchConfig config;
    private final Freshness freshness;
    private final ObjectProvider<IndexingService> indexing;

    ChainMetrics(Store store, StagewatchConfig config, Freshness freshness, ObjectProvider<IndexingService> indexing) {
        this.store = store;
        this.config = config;
        this.freshness = freshness;
        this.indexing = indexing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        IndexingService service = indexing.getIfAvailable();
        List<ChainConfig> chains = config.chains().values().stream().toList();
        for (ChainConfig chain : chains) {
            Tags tags = Tags.of("chain", chain.name(), "chain_id", Long.toString(chain.chainId()));
            Gauge.builder("stagewatch.chain.indexed.block", () -> indexed(chain.chainId())).tags(tags)
                    .description("the last fully indexed block (the checkpoint)").register(registry);
            Gauge.builder("stagewatch.chain.final.block", () -> freshness.finalBlock(chain.chainId())).tags(tags)
                    .description("the last block answers treat as final (checkpoint less the finality depth)").register(registry);
            if (service == null) {
                continue;
            }
            IndexProgress progress = service.progress();
            Gauge.builder("stagewatch.chain.head.block", () -> progress.target(chain.name())).tags(tags)
                    .description("the block the indexer is heading for: the node's head less the configured confirmations")
                    .register(registry);
            Gauge.builder("stagewatch.chain.lag.blocks", () -> lagBlocks(progress, chain)).tags(tags)
                    .description("blocks between the indexed block and the head").register(registry);
            Gauge.builder("stagewatch.chain.lag.seconds", () -> lagSeconds(progress, chain)).tags(tags)
                    .description("while behind the head, the age of the indexed block; 0 when caught up").register(registry);
            FunctionCounter.builder("stagewatch.indexed.events", progress, p -> p.events(chain.name())).tags(tags)
                    .description("events (logs) stored by this process's indexer").register(registry);
            Gauge.builder("stagewatch.chain.backfill.done", () -> progress.backfilled(chain.name()) ? 1 : 0).tags(tags)
                    .description("1 once the chain's first backfill reached the head it started for").register(registry);
        }
    }

    private double indexed(long chainId) {
        return store.checkpoint(chainId).map(checkpoint -> (double) checkpoint.blockNumber()).orElse(Double.NaN);
    }

    private double lagBlocks(IndexProgress progress, ChainConfig chain) {
        long target = progress.target(chain.name());
        double indexed = indexed(chain.chainId());
        return target < 0 || Double.isNaN(indexed) ? Double.NaN : Math.max(0, target - indexed);
    }

    private double lagSeconds(IndexProgress progress, ChainConfig chain) {
        double lag = lagBlocks(progress, chain);
        if (Double.isNaN(lag) || lag == 0) {
            return Double.isNaN(lag) ? Double.NaN : 0;
        }
        return store.checkpoint(chain.chainId())
                .flatMap(checkpoint -> store.withSync(sync -> sync.block(chain.chainId(), checkpoint.blockNumber())))
                .map(header -> (double) Math.max(0, Instant.now().getEpochSecond() - header.timestamp())).orElse(Double.NaN);
    }
}
