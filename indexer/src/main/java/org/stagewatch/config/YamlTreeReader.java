package org.stagewatch.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a Jackson tree whose scalars are all kept as the text the user wrote
 * ({@link TextNode}), explicit nulls aside. Typing is left to {@link Values}, for three reasons:
 * YAML reads an unquoted {@code 0x912CE5…} as a number and loses the checksum case and leading
 * zeros; a value from {@code ${VAR}} is text anyway and must be typed the same way; and
 * {@code yes}/{@code no} should not silently become booleans. Duplicate keys and aliases, which
 * a plain {@code readTree} would accept silently (last key wins; {@code *ref} reads as its name),
 * are reported. Syntax errors end loading at once, with line and column.
 */
final class YamlTreeReader {
    // Explicit: YAMLFactory.builder() (Jackson 2.21) leaves this default off, reading "rpc:" as "" instead of null.
    private static final YAMLFactory FACTORY = YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
    private static final String SYNTAX_REMEDY =
            "fix the YAML there: indent with spaces, and quote values that contain ': ' or ' #'";

    private YamlTreeReader() {
    }

    /** The document's root, or {@code null} when the text holds no document (empty, or comments only). */
    static JsonNode read(String yaml, Problems problems) {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return null;
            }
            JsonNode root = readValue(parser, KeyPath.ROOT, problems);
            if (parser.nextToken() != null) {
                problems.add(position(parser.currentTokenLocation()), "a second YAML document",
                        "one file holds one config: remove the '---' line and what follows it");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ConfigException(syntaxProblem(problems, e));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(problems.file(), "", "cannot parse: " + e.getMessage(),
                    "check that the file is UTF-8 text"));
        }
    }

    private static JsonNode readValue(YAMLParser parser, String path, Problems problems) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return readMap(parser, path, problems);
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(readValue(parser, KeyPath.element(path, list.size()), problems));
            }
            return list;
        }
        if (parser.isCurrentAlias()) {
            problems.add(path, "YAML alias '*" + parser.getText() + "' is not supported",
                    "write the value out in full");
            return NullNode.getInstance();
        }
        return token == JsonToken.VALUE_NULL ? NullNode.getInstance() : TextNode.valueOf(parser.getText());
    }

    private static ObjectNode readMap(YAMLParser parser, String path, Problems problems) throws IOException {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String keyPath = KeyPath.child(path, key);
            JsonLocation location = parser.currentTokenLocation();
            parser.nextToken();
            JsonNode value = readValue(parser, keyPath, problems);
            if (map.has(key)) {
                problems.add(keyPath, "duplicate key '" + key + "' at " + position(location),
                        "a key may appear once per map; YAML would silently keep only the last one");
            } else {
                map.set(key, value);
            }
        }
        return map;
    }

    private static ConfigProblem syntaxProblem(Problems problems, JsonProcessingException e) {
        // Jackson's own location is off for scanner errors (tabs, unterminated quotes); SnakeYAML's mark is exact.
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark context = marked.getContextMark();
            String opened = marked.getContext() == null || context == null ? ""
                    : " " + oneLine(marked.getContext()) + " that starts at " + position(context);
            return new ConfigProblem(problems.file(), position(marked.getProblemMark()),
                    "YAML does not parse: " + oneLine(marked.getProblem()) + opened, SYNTAX_REMEDY);
        }
        return new ConfigProblem(problems.file(), position(e.getLocation()),
                "YAML does not parse: " + oneLine(e.getOriginalMessage()), SYNTAX_REMEDY);
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String position(JsonLocation location) {
        return location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String oneLine(String text) {
        return text == null ? "unknown error" : text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
