package org.stagewatch.analyze.stage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A requirement's outcome. Unknown counts as not holding when the stage is decided, as L2BEAT's "under review" does. */
public enum Status {
    PASSED, FAILED, UNKNOWN;

    /** The worse of two outcomes: failed over unknown over passed. */
    public Status and(Status other) {
        return this == FAILED || other == FAILED ? FAILED : this == UNKNOWN || other == UNKNOWN ? UNKNOWN : PASSED;
    }

    public static Status of(boolean holds) {
        return holds ? PASSED : FAILED;
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
