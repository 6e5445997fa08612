package org.stagewatch.analyze.equalizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One slider of the decentralization equalizer (DESIGN.md §7): a score from 0 to 100, the formula it
 * came from (as README.md documents it), and the inputs the formula read.
 *
 * @param score null when the DAO's config or index has nothing to score it from; {@code note} says what is missing
 */
public record Dimension(String name, Double score, String formula, Map<String, Object> inputs, String note) {
    /**
     * The a16z "minimum decentralizable unit" each dimension is the on-chain face of (DESIGN.md §7): upgrade
     * control the technology stack, treasury control finance, the council's independence from the team the core
     * team, and voting power, proposal access and participation the community.
     */
    public static final Map<String, String> UNITS = Map.of("votingPower", "community", "upgradeControl", "technology stack",
            "securityCouncil", "core team", "treasuryControl", "finance", "proposalAccess", "community", "participation", "community");

    public Dimension {
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** The a16z unit this dimension stands for, in the JSON beside the score. */
    @JsonProperty("unit")
    public String unit() {
        return UNITS.get(name);
    }

    static Dimension absent(String name, String formula, String note) {
        return new Dimension(name, null, formula, Map.of(), note);
    }

    /** {@code value} clamped to [0, 1]. */
    static double unit(double value) {
        return Math.max(0, Math.min(1, value));
    }

    /** Rounded to one decimal, as scores are shown. */
    static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }
}
