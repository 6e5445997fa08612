package org.stagewatch.chain;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a JSON-RPC error object means for the request that got it, read from the code and the provider's
 * own words (recorded from real answers; see AnswerErrorsTest). Range errors of eth_getLogs are
 * {@link RangeErrors}' and pruned state {@link StateUnavailableException}'s; callers ask those first.
 */
final class AnswerErrors {
    /** How to treat an error answer. */
    enum Kind {
        /** The provider's rate or compute budget: try again after a wait. */
        RATE_LIMITED,
        /** The node does not have the block yet (it lags the head another node reported): try again after a wait. */
        NOT_YET_SERVED,
        /** The batch it came in was larger than the provider takes: send the items in smaller batches. */
        BATCH_TOO_LARGE,
        /** Anything else: the answer, raised as it is. */
        FINAL
    }

    /**
     * Rate limits: Alchemy's "exceeded its compute units per second capacity" (code 429), Infura's "project ID
     * request rate exceeded" and "daily request count exceeded" (-32005), QuickNode's "10/second request limit
     * reached" (-32007), and the "rate limit" / "too many requests" wordings of others and of public endpoints.
     */
    private static final Pattern RATE_LIMITED = Pattern.compile(
            "compute units|rate limit|rate-limit|ratelimit|too many requests|request rate|requests per second|limit reached|"
                    + "capacity exceeded|exceeded .*capacity|throughput|limit exceeded|quota|slow down|try again later");

    /**
     * A block the node has not got: geth's "header not found" and "unknown block", eth_getLogs past the head
     * ("block range extends beyond current head block", the execution-apis wording), Erigon's and Nethermind's
     * "block not found", and anvil's out-of-range answer for a block above its height (below it, the state is pruned).
     */
    private static final Pattern NOT_YET_SERVED = Pattern.compile(
            "header not found|unknown block|block not found|beyond (the )?current head|requested block .*(is )?(in the future|ahead)");
    private static final Pattern OUT_OF_RANGE = Pattern.compile("block height is (\\d+) but requested was (\\d+)");

    /**
     * A batch over the provider's cap: geth's "batch too large" and "response too large", and the wordings of
     * providers that cap batches ("batch size too large", "batch limit exceeded", "too many requests in batch" …).
     */
    private static final Pattern BATCH_TOO_LARGE = Pattern.compile(
            "batch too large|batch size|batch limit|batch .*exceed|exceed.* batch|(in|per) (a |the )?batch|response too large|"
                    + "batch request.*(not supported|disabled)|batch.*too (many|big|large)");

    /** The largest batch a refusal names, where it names one: "max 10", "maximum: 100", "limit of 50", "at most 20". */
    private static final Pattern NAMED_CAP = Pattern.compile("(?:max(?:imum)?|limit(?: of| is)?|at most|up to)\\s*[:=]?\\s*(\\d{1,6})\\b");

    private AnswerErrors() {
    }

    /** The batch size a refusal of a batch names as the provider's cap, or 0 when it names none. */
    static int namedBatchCap(String message) {
        if (message == null) {
            return 0;
        }
        Matcher named = NAMED_CAP.matcher(message.toLowerCase(Locale.ROOT));
        return named.find() ? Integer.parseInt(named.group(1)) : 0;
    }

    static Kind classify(int code, String message) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (code == 3 || lower.contains("revert")) {
            return Kind.FINAL; // a contract's revert reason may say anything ("rate limit exceeded"): it is the answer
        }
        if (BATCH_TOO_LARGE.matcher(lower).find()) {
            return Kind.BATCH_TOO_LARGE;
        }
        if (code == 429 || RATE_LIMITED.matcher(lower).find()) {
            return Kind.RATE_LIMITED;
        }
        if (NOT_YET_SERVED.matcher(lower).find()) {
            return Kind.NOT_YET_SERVED;
        }
        Matcher outOfRange = OUT_OF_RANGE.matcher(lower);
        if (outOfRange.find() && Long.parseLong(outOfRange.group(2)) > Long.parseLong(outOfRange.group(1))) {
            return Kind.NOT_YET_SERVED;
        }
        return Kind.FINAL;
    }

    static Kind classify(JsonNode error) {
        return classify(error.path("code").asInt(0), error.path("message").asText(""));
    }

    /**
     * The wait an error object asks for, or null: Infura's {@code backoff_seconds} (under {@code data} or
     * {@code data.rate}), or a {@code retryAfter} / {@code retry_after} in seconds under {@code data}.
     */
    static Duration retryAfter(JsonNode error) {
        JsonNode data = error.path("data");
        for (JsonNode seconds : new JsonNode[] {data.path("rate").path("backoff_seconds"), data.path("backoff_seconds"),
                data.path("retryAfter"), data.path("retry_after")}) {
            if (seconds.isNumber() && seconds.asDouble() >= 0) {
                return Duration.ofMillis(Math.round(seconds.asDouble() * 1000));
            }
            if (seconds.isTextual()) {
                try {
                    return Duration.ofSeconds(Math.max(0, Long.parseLong(seconds.textValue().strip())));
                } catch (NumberFormatException notSeconds) {
                    // not a number of seconds: no wait asked for
                }
            }
        }
        return null;
    }

    /** "message (code N)", as error answers are shown. */
    static String describe(JsonNode error) {
        return error.path("message").asText("") + " (code " + error.path("code").asText("?") + ")";
    }
}
