package org.stagewatch.chain;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises providers' "range too large / too many results" errors and reads the range they
 * suggest. Formats seen: "query returned more than 10000 results. Try with this block range
 * [0x1, 0x2]" (Alchemy/Infura), "block range is too wide", "exceed maximum block range: 5000",
 * "range … exceeds limit of 10000", "response size exceeded".
 */
public final class RangeErrors {
    private static final List<String> MARKERS = List.of(
            "more than", "too many", "range is too", "block range", "range too", "exceed maximum", "exceeds limit",
            "response size", "too large", "limit exceeded", "query timeout", "range limit", "max range");
    private static final Pattern SUGGESTED_HEX_RANGE = Pattern.compile("\\[(0x[0-9a-fA-F]+),\\s*(0x[0-9a-fA-F]+)]");
    private static final Pattern LIMIT_NUMBER = Pattern.compile(
            "(?:maximum block range|max block range|block range limit|block range is limited to|block range of)\\D{0,12}(\\d{1,9})");

    private RangeErrors() {
    }

    public static boolean isRangeError(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(lower::contains)
                && (lower.contains("log") || lower.contains("range") || lower.contains("result")
                || lower.contains("response") || lower.contains("block"));
    }

    /** The number of blocks the provider suggests, if its message says. */
    public static OptionalLong suggestedBlocks(String message) {
        Matcher hex = SUGGESTED_HEX_RANGE.matcher(message);
        if (hex.find()) {
            long from = Long.decode(hex.group(1));
            long to = Long.decode(hex.group(2));
            if (to >= from) {
                return OptionalLong.of(to - from + 1);
            }
        }
        Matcher limit = LIMIT_NUMBER.matcher(message.toLowerCase(Locale.ROOT));
        if (limit.find()) {
            return OptionalLong.of(Long.parseLong(limit.group(1)));
        }
        return OptionalLong.empty();
    }
}
