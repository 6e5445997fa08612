package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns config tree nodes into Java values. The tree keeps every scalar as text (see
 * {@link YamlTreeReader}), so this is the one place that decides what counts as a number or a
 * boolean; the validator and the binder both read through it and cannot disagree. A value that
 * does not fit throws {@link BadValue} saying what is wrong with it.
 */
final class Values {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(_[0-9]+)*");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+(_[0-9a-fA-F]+)*");

    /** Why a value does not fit; {@code remedy} is null when the caller's "expected …" says it best. */
    static final class BadValue extends RuntimeException {
        private final String remedy;

        BadValue(String problem, String remedy) {
            super(problem, null, false, false);
            this.remedy = remedy;
        }

        String problem() {
            return getMessage();
        }

        String remedyOr(String expected) {
            return remedy == null ? expected : remedy;
        }
    }

    private Values() {
    }

    static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new BadValue(describe(node) + " where a single value belongs", null);
        }
        return node.textValue();
    }

    /** A string, or a list of strings ({@code rpc} takes either). */
    static List<String> textOrList(JsonNode node) {
        if (!node.isArray()) {
            return List.of(text(node));
        }
        List<String> texts = new ArrayList<>();
        node.forEach(element -> texts.add(text(element)));
        return texts;
    }

    /** Decimal ({@code 70398215}, {@code 70_398_215}) or hex ({@code 0xa4b1}); must fit a long. */
    static long wholeNumber(JsonNode node) {
        String text = text(node);
        BigInteger value;
        if (DECIMAL.matcher(text).matches()) {
            value = new BigInteger(text.replace("_", ""));
        } else if (HEX.matcher(text).matches()) {
            value = new BigInteger(text.substring(2).replace("_", ""), 16);
        } else {
            throw new BadValue("not a whole number '" + text + "'", null);
        }
        if (value.bitLength() >= Long.SIZE) {
            throw new BadValue("out of range '" + text + "'", null);
        }
        return value.longValue();
    }

    static int intNumber(JsonNode node) {
        long value = wholeNumber(node);
        if (value != (int) value) {
            throw new BadValue("out of range '" + node.textValue() + "'", null);
        }
        return (int) value;
    }

    /** {@code true} or {@code false} in any case; YAML 1.1's yes/no/on/off are refused as ambiguous. */
    static boolean flag(JsonNode node) {
        String text = text(node).toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new BadValue("not true or false '" + node.textValue() + "'", null);
        }
        return text.equals("true");
    }

    /** The keys of a map in file order (Jackson 2.x has no propertyNames() yet). */
    static List<String> keys(JsonNode map) {
        return map.properties().stream().map(Map.Entry::getKey).toList();
    }

    /** "a list", "a map", or the quoted text: how a message names a value it refuses. */
    static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a map";
        }
        return node.isNull() ? "an empty value" : "'" + node.asText() + "'";
    }
}
