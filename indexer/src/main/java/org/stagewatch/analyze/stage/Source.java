package org.stagewatch.analyze.stage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a requirement's outcome comes from (DESIGN.md §7): indexed state, a probe the indexer read,
 * a researcher's assertion in the config, or nothing at all.
 */
public enum Source {
    ONCHAIN, PROBE, ASSERTED, NONE;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
