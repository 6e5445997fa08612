package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The result types a probe may declare and the one text form each is stored and compared in: bool
 * as {@code true}/{@code false}, uint256 in decimal, address in lower-case hex — the same form the
 * indexer stores eth_call results in (state_reads). Also reads the value of an assertion: true, false,
 * or {@code n/a} for a requirement that does not apply.
 */
public final class ProbeValues {
    public static final Set<String> TYPES = Set.of("bool", "uint256", "address");

    private ProbeValues() {
    }

    /**
     * A probe's {@code expect}: one value or a non-empty list of values, each in the stored form of
     * {@code type}, in file order without repeats.
     */
    static List<String> normalizeAll(String type, JsonNode expect) {
        if (!expect.isArray()) {
            return List.of(normalize(type, Values.text(expect)));
        }
        if (expect.isEmpty()) {
            throw new Values.BadValue("an empty list", "give the passing value, or a list of them, e.g. expect: [0, 8]");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : expect) {
            String value = normalize(type, Values.text(item));
            if (values.contains(value)) {
                throw new Values.BadValue("'" + item.asText() + "' listed twice", "list each passing value once");
            }
            values.add(value);
        }
        return List.copyOf(values);
    }

    /** An assertion's value: true or false, or null for {@code n/a} (the requirement does not apply). */
    static Boolean assertedValue(JsonNode node) {
        String text = Values.text(node);
        if (StageConfig.Assertion.NOT_APPLICABLE.equals(text)) {
            return null;
        }
        try {
            return Values.flag(node);
        } catch (Values.BadValue bad) {
            throw new Values.BadValue("not true, false or n/a '" + text + "'", null);
        }
    }

    /** {@code value} in the stored form of {@code type}; a value that does not fit is a bad config value. */
    static String normalize(String type, String value) {
        return switch (type) {
            case "bool" -> String.valueOf(Values.flag(TextNode.valueOf(value)));
            case "uint256" -> {
                try {
                    BigInteger number = value.startsWith("0x") ? new BigInteger(value.substring(2), 16) : new BigInteger(value.replace("_", ""));
                    if (number.signum() < 0 || number.bitLength() > 256) {
                        throw new NumberFormatException();
                    }
                    yield number.toString();
                } catch (NumberFormatException e) {
                    throw new Values.BadValue("not a uint256 '" + value + "'", "expected a whole number ≥ 0");
                }
            }
            case "address" -> Addresses.check(value).toLowerCase(Locale.ROOT);
            default -> throw new Values.BadValue("unknown result type '" + type + "'", "expected one of bool, uint256, address");
        };
    }
}
