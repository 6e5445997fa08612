package org.stagewatch.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;

/**
 * Reorgs rolled back, as Micrometer meters in the global registry ({@code serve} exposes them at
 * /actuator/prometheus): the counter {@code stagewatch.reorgs} and the summary {@code stagewatch.reorg.depth} (blocks
 * rolled back: the indexed block less the fork point), tagged by chain.
 */
final class ReorgMeters {
    private ReorgMeters() {
    }

    static void rolledBack(String chain, long depth) {
        Counter.builder("stagewatch.reorgs").tag("chain", chain).description("reorgs rolled back to their fork point")
                .register(Metrics.globalRegistry).increment();
        DistributionSummary.builder("stagewatch.reorg.depth").tag("chain", chain).baseUnit("blocks")
                .description("blocks rolled back by a reorg").register(Metrics.globalRegistry).record(depth);
    }
}
