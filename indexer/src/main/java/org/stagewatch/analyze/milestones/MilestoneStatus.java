package org.stagewatch.analyze.milestones;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a milestone stands at a point in time: achieved (its check holds and every dependency is
 * achieved), ready (every dependency achieved, the check does not hold), blocked (some dependency is not
 * achieved), unknown (every dependency achieved, but a fact the check needs is not indexed or not read).
 */
public enum MilestoneStatus {
    ACHIEVED, READY, BLOCKED, UNKNOWN;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
