package org.stagewatch.analyze.equalizer;

import java.util.Map;

/**
 * One slider of the decentralization equalizer (DESIGN.md §7): a score from 0 to 100, the formula it
 * came from (as README.md documents it), and the inputs the formula read.
 *
 * @param score null when the DAO's config or index has nothing to score it from; {@code note} says what is missing
 */
public record Dimension(String name, Double score, String formula, Map<String, Object> inputs, String note) {
    public Dimension {
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
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
