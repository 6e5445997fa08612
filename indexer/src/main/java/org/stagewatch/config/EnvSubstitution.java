package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in every value of a config tree with the
 * environment's value (the default when NAME is unset or empty). Runs before validation, so a URL
 * or number that comes from a variable is checked like one written out. Keys are never
 * substituted: the shape of the file is the file's, not the environment's. A value that cannot
 * be resolved keeps its text and is reported under its key path, which the validator then skips.
 */
final class EnvSubstitution {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern NAME_AND_DEFAULT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?", Pattern.DOTALL);
    private static final String SYNTAX = "write ${NAME} or ${NAME:-default}, NAME made of letters, digits and '_'";

    private final Map<String, String> env;
    private final Problems problems;

    private EnvSubstitution(Map<String, String> env, Problems problems) {
        this.env = env;
        this.problems = problems;
    }

    static void apply(JsonNode root, Map<String, String> env, Problems problems) {
        new EnvSubstitution(env, problems).substituteIn(root, KeyPath.ROOT);
    }

    private void substituteIn(JsonNode node, String path) {
        if (node instanceof ObjectNode map) {
            for (String key : Values.keys(map)) {
                String keyPath = KeyPath.child(path, key);
                JsonNode value = map.get(key);
                if (value instanceof TextNode text) {
                    map.set(key, TextNode.valueOf(substitute(text.textValue(), keyPath)));
                } else {
                    substituteIn(value, keyPath);
                }
            }
        } else if (node instanceof ArrayNode list) {
            for (int index = 0; index < list.size(); index++) {
                String elementPath = KeyPath.element(path, index);
                if (list.get(index) instanceof TextNode text) {
                    list.set(index, TextNode.valueOf(substitute(text.textValue(), elementPath)));
                } else {
                    substituteIn(list.get(index), elementPath);
                }
            }
        }
    }

    /** The text with every reference resolved, or the text unchanged when one cannot be (and is reported). */
    private String substitute(String text, String path) {
        if (!text.contains("${")) {
            return text;
        }
        if (REFERENCE.matcher(text).replaceAll("").contains("${")) {
            problems.add(path, "unterminated variable reference in '" + text + "'", SYNTAX);
            return text;
        }
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        boolean complete = true;
        while (reference.find()) {
            Matcher parts = NAME_AND_DEFAULT.matcher(reference.group(1));
            if (!parts.matches()) {
                problems.add(path, "malformed variable reference '" + reference.group() + "'", SYNTAX);
                complete = false;
                continue;
            }
            String name = parts.group(1);
            String fallback = parts.group(2);
            String value = env.get(name);
            if (fallback != null && (value == null || value.isEmpty())) {
                value = fallback;
            }
            if (value == null) {
                problems.add(path, "environment variable " + name + " is not set",
                        "export " + name + "=…, or write ${" + name + ":-<default>} in the file");
                complete = false;
                continue;
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        reference.appendTail(resolved);
        return complete ? resolved.toString() : text;
    }
}
