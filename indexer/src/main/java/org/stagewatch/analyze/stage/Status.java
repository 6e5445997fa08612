package org.stagewatch.analyze.stage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A requirement's outcome. Unknown counts as not holding when the stage is decided, as L2BEAT's "under
 * review" does; not applicable (L2BEAT's null, asserted as n/a) leaves the requirement out of the rating.
 */
public enum Status {
    PASSED, FAILED, UNKNOWN, NOT_APPLICABLE;

    /** The worse of two outcomes: failed over unknown over passed; not applicable adds nothing. */
    public Status and(Status other) {
        if (this == NOT_APPLICABLE || other == NOT_APPLICABLE) {
            return this == NOT_APPLICABLE ? other : this;
        }
        return this == FAILED || other == FAILED ? FAILED : this == UNKNOWN || other == UNKNOWN ? UNKNOWN : PASSED;
    }

    /** Whether the stage walk counts the requirement as met: passed, or left out as not applicable. */
    public boolean met() {
        return this == PASSED || this == NOT_APPLICABLE;
    }

    public static Status of(boolean holds) {
        return holds ? PASSED : FAILED;
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
