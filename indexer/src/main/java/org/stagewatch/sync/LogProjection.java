package org.stagewatch.sync;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.RawLog;
import org.stagewatch.decode.DecodeException;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.project.Projector;
import org.stagewatch.project.Projectors;

/**
 * Decodes and projects logs of one chain into rows, each log under every kind its emitter is watched as from
 * that kind's start block: the one path from a raw log to its rows, taken by the sync for fetched logs and by
 * {@link Reprojector} for stored ones, so both write the same rows for the same logs.
 */
final class LogProjection {
    private static final Logger LOG = LoggerFactory.getLogger(LogProjection.class);

    private LogProjection() {
    }

    /**
     * Adds the rows of {@code logs} to {@code rows}; a log that does not decode is kept raw, logged, and counted.
     *
     * @return how many logs did not decode
     */
    static int project(ChainPlan plan, EventDecoder decoder, Projectors projectors, List<RawLog> logs, ProjectedBatch rows) {
        int undecodable = 0;
        for (RawLog log : logs) {
            for (ChainPlan.Watched watched : plan.watched(log.address())) {
                if (log.blockNumber() < watched.startBlock()) {
                    continue;
                }
                try {
                    DecodedEvent event = decoder.decode(watched.kind(), log).orElse(null);
                    Projector projector = projectors.forKind(watched.kind()).orElse(null);
                    if (event != null && projector != null) {
                        projector.project(event, new Projector.ContractOptions(watched.transfers()), rows);
                    }
                } catch (DecodeException e) {
                    undecodable++;
                    LOG.warn("kept raw, not projected: {}", e.getMessage());
                }
            }
        }
        return undecodable;
    }
}
