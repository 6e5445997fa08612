package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one key of a config map for the validators: the converted value, or nothing plus a
 * recorded problem. Absent keys read as nothing without a problem ({@link KeySet} reports missing
 * required keys), and so do paths that already have a problem, so one mistake makes one line.
 */
final class FieldReader {
    private final Problems problems;

    FieldReader(Problems problems) {
        this.problems = problems;
    }

    <T> Optional<T> read(JsonNode map, String mapPath, String key, Function<JsonNode, T> convert, String expected) {
        return readAt(map.get(key), KeyPath.child(mapPath, key), convert, expected);
    }

    <T> Optional<T> readAt(JsonNode node, String path, Function<JsonNode, T> convert, String expected) {
        if (node == null || node.isNull() || problems.reported(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(convert.apply(node));
        } catch (Values.BadValue bad) {
            problems.add(path, bad.problem(), bad.remedyOr(expected));
            return Optional.empty();
        }
    }

    /** Reads a whole number and refuses it below {@code minimum}, naming the key in the message. */
    Optional<Long> number(JsonNode map, String mapPath, String key, long minimum, String expected) {
        Optional<Long> value = read(map, mapPath, key, Values::wholeNumber, expected);
        if (value.isPresent() && value.get() < minimum) {
            String kind = value.get() < 0 ? "negative " : "non-positive ";
            problems.add(KeyPath.child(mapPath, key), kind + key + " " + value.get(), expected);
            return Optional.empty();
        }
        return value;
    }

    /** Like {@link #number} for keys held in an {@code int}. */
    Optional<Integer> intNumber(JsonNode map, String mapPath, String key, int minimum, String expected) {
        return number(map, mapPath, key, minimum, expected).flatMap(value -> value == value.intValue()
                ? Optional.of(value.intValue())
                : reject(KeyPath.child(mapPath, key), "out of range " + key + " " + value, expected));
    }

    /** A map at {@code path}, or nothing plus a problem when it is something else. */
    boolean isMap(JsonNode node, String path, String expected) {
        if (node.isObject()) {
            return true;
        }
        reject(path, Values.describe(node) + " where a map belongs", expected);
        return false;
    }

    <T> Optional<T> reject(String path, String problem, String remedy) {
        if (!problems.reported(path)) {
            problems.add(path, problem, remedy);
        }
        return Optional.empty();
    }

    /** A check of one map item of a list, given its key path. */
    interface ItemCheck {
        void check(JsonNode item, String path);
    }

    /**
     * Runs {@code check} on each item of a list of maps at {@code path}; a value that is not a list, or an item that is
     * not a map, is reported once with what to write instead. An absent list, or one already reported, is skipped.
     */
    void eachMap(JsonNode list, String path, String what, ItemCheck check) {
        if (list == null || list.isNull() || problems.reported(path)) {
            return;
        }
        if (!list.isArray()) {
            reject(path, Values.describe(list) + " where a list belongs", "write each " + what + " as a list item starting with '- '");
            return;
        }
        for (int index = 0; index < list.size(); index++) {
            String itemPath = KeyPath.element(path, index);
            if (isMap(list.get(index), itemPath, "expected a " + what + " (a map)")) {
                check.check(list.get(index), itemPath);
            }
        }
    }
}
