package org.stagewatch.api;

import java.time.Instant;

import org.stagewatch.analyze.AnalyzeException;
import org.stagewatch.analyze.Instants;
import org.stagewatch.analyze.SeriesPlan;

/** Parses the API's query parameters; a value that does not parse is a {@link BadParameterException} naming the form it needs. */
final class Params {
    static final String BLOCK = "a block number (a whole number ≥ 0)";
    static final String INSTANT = "an ISO-8601 instant (2025-01-31T00:00:00Z) or date (2025-01-31)";
    static final String STEP = "<N>blocks, <N>d or <N>h (e.g. 50000blocks, 1d, 7d)";
    static final String BOUND = "a block number or " + INSTANT;

    private Params() {
    }

    static Long block(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw new BadParameterException(name, value, BLOCK);
        }
        return Long.parseLong(value);
    }

    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instants.parse(value, name);
        } catch (AnalyzeException e) {
            throw new BadParameterException(name, value, INSTANT);
        }
    }

    static int atLeastOne(String name, String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > max) {
            throw new BadParameterException(name, value, "a whole number from 1 to " + max);
        }
        return Integer.parseInt(value);
    }

    /** {@code block} and {@code at} pick one point; both at once is a contradiction. */
    static void onePoint(String block, String at) {
        if (block != null && at != null) {
            throw new BadParameterException("at", at, "either block or at, not both");
        }
    }

    /** A series plan: {@code every} is required, {@code from} and {@code to} are block numbers or instants. */
    static SeriesPlan series(String every, String from, String to) {
        if (every == null) {
            throw new BadParameterException("every", null, STEP);
        }
        SeriesPlan plan = new SeriesPlan(every, from, to);
        try {
            plan.validate();
        } catch (AnalyzeException e) {
            throw new BadParameterException("every", every, STEP);
        }
        bound("from", from);
        bound("to", to);
        return plan;
    }

    private static void bound(String name, String value) {
        if (value != null && !value.matches("[0-9]{1,18}")) {
            instant(name, value);
        }
    }

    /** A true/false parameter; absent is false. */
    static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new BadParameterException(name, value, "true or false");
    }
}
