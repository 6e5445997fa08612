package org.stagewatch.decode.event;

import java.util.List;
import org.stagewatch.chain.RawLog;

/**
 * Arbitrum SecurityCouncilManager CohortReplaced: the whole cohort after an election.
 */
public record CohortReplaced(RawLog log, List<String> newCohort, int cohort) implements DecodedEvent {
    public CohortReplaced {
        newCohort = List.copyOf(newCohort);
    }
}
