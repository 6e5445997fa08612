package org.stagewatch.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code backfill}, part of readiness: with {@code --index}, out of service until every chain's first
 * backfill has reached the head it started for (until then answers lag far behind the chain), down when the
 * indexer stopped for good. Without {@code --index} the server only reads and is ready at once.
 */
@Component("backfill")
class BackfillHealthIndicator implements HealthIndicator {
    private final ObjectProvider<IndexingService> indexing;

    BackfillHealthIndicator(ObjectProvider<IndexingService> indexing) {
        this.indexing = indexing;
    }

    @Override
    public Health health() {
        IndexingService service = indexing.getIfAvailable();
        if (service == null) {
            return Health.up().withDetail("indexing", false).build();
        }
        IndexProgress progress = service.progress();
        Health.Builder builder = progress.failure() != null ? Health.down().withDetail("failure", progress.failure())
                : progress.backfillDone() ? Health.up() : Health.outOfService();
        builder.withDetail("indexing", true);
        for (String chain : progress.chains()) {
            builder.withDetail(chain, progress.backfilled(chain) ? "following the head" : "backfilling to block " + progress.target(chain));
        }
        return builder.build();
    }
}
