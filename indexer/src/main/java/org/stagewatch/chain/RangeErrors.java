package org.stagewatch.chain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises providers' "range too wide / too many results / response too large" answers to
 * eth_getLogs and reads the range they suggest. Each rule is one provider's wording, recorded from
 * its real error payloads (see RangeErrorsTest); the first rule that matches decides. A rule either
 * names a block count (from the message, or the provider's documented limit) or says "halve".
 */
public final class RangeErrors {
    /** What the provider caps: the width of the range, or what the answer would hold (results, bytes, work). */
    public enum Limit { BLOCKS, RESULTS }

    /** How a matched message translates into the next range size. */
    private record Rule(String provider, Pattern pattern, Suggestion suggestion, Limit limit) {
        Rule(String provider, Pattern pattern, Suggestion suggestion) {
            this(provider, pattern, suggestion, Limit.RESULTS);
        }
    }

    private interface Suggestion {
        OptionalLong blocks(Matcher match);
    }

    private static final Suggestion HALVE = match -> OptionalLong.empty();

    private static Suggestion group(int index) {
        return match -> OptionalLong.of(Long.parseLong(match.group(index).replaceAll("[,.]", "")));
    }

    private static Suggestion fixed(long blocks) {
        return match -> OptionalLong.of(blocks);
    }

    /** [from, to] as hex: the provider's suggested range, inclusive. */
    private static final Suggestion HEX_RANGE = match ->
            OptionalLong.of(Long.decode(match.group(2)) - Long.decode(match.group(1)) + 1);

    private static final List<Rule> RULES = List.of(
            new Rule("Alchemy", Pattern.compile("this block range should work: \\[(0x[0-9a-fA-F]+),\\s*(0x[0-9a-fA-F]+)]"), HEX_RANGE),
            new Rule("Infura / zkSync", Pattern.compile("Try with this block range \\[(0x[0-9a-fA-F]+),\\s*(0x[0-9a-fA-F]+)]"), HEX_RANGE),
            new Rule("Infura (range limit)", Pattern.compile("range \\d+ exceeds limit of (\\d+)"), group(1), Limit.BLOCKS),
            new Rule("QuickNode / 1RPC / Blast", Pattern.compile("limited to a ([\\d,.]+)"), group(1), Limit.BLOCKS),
            new Rule("BlockPI", Pattern.compile("limited to ([\\d,.]+) block"), group(1), Limit.BLOCKS),
            new Rule("Tenderly", Pattern.compile("is bigger than range limit (\\d+)"), group(1), Limit.BLOCKS),
            new Rule("PublicNode", Pattern.compile("maximum block range: ([\\d,.]+)"), group(1), Limit.BLOCKS),
            new Rule("Coinbase", Pattern.compile("limit the query to at most ([\\d,.]+) blocks"), group(1), Limit.BLOCKS),
            new Rule("thirdweb", Pattern.compile("Maximum allowed number of requested blocks is (\\d+)"), group(1), Limit.BLOCKS),
            new Rule("Aurora", Pattern.compile("up to a ([\\d,.]+) block range"), group(1), Limit.BLOCKS),
            new Rule("Ankr", Pattern.compile("block range is too wide"), fixed(3_000), Limit.BLOCKS),
            new Rule("Arbitrum public RPC", Pattern.compile("logs matched by query exceeds limit of \\d+"), HALVE),
            new Rule("OP Mainnet public RPC", Pattern.compile("backend response too large|Block range is too large"), HALVE),
            new Rule("Base", Pattern.compile("block range too large"), fixed(2_000), Limit.BLOCKS),
            new Rule("geth / Infura result cap", Pattern.compile("query returned more than \\d+ results"), HALVE),
            new Rule("LlamaRPC / Ankr result cap", Pattern.compile("query exceeds max results"), HALVE),
            new Rule("query timeout", Pattern.compile("query timeout exceeded"), HALVE),
            new Rule("1RPC response size", Pattern.compile("response size should not greater than \\d+ bytes"), HALVE),
            new Rule("generic", Pattern.compile("(?i)(log response size exceeded|response size exceeded|too many (results|logs|blocks)|block range (is )?too (large|wide))"), HALVE));

    private RangeErrors() {
    }

    /**
     * What a range error says: which provider's wording matched, the block count it suggests (if any), what it caps,
     * and the most results an answer may hold when the message names it.
     */
    public record Verdict(String provider, OptionalLong suggestedBlocks, Limit limit, OptionalLong resultCap) {
        public Verdict(String provider, OptionalLong suggestedBlocks) {
            this(provider, suggestedBlocks, Limit.RESULTS, OptionalLong.empty());
        }
    }

    /** A result count named in the message: "more than 10000 results", "exceeds limit of 10000" (logs), "a cap of 10K logs". */
    private static final Pattern RESULT_CAP = Pattern.compile(
            "(?i)more than ([\\d,]+) results|logs matched by query exceeds limit of ([\\d,]+)|cap of ([\\d,]+)(K?) logs");

    private static OptionalLong resultCap(String message) {
        Matcher match = RESULT_CAP.matcher(message);
        if (!match.find()) {
            return OptionalLong.empty();
        }
        for (int group = 1; group <= 3; group++) {
            if (match.group(group) != null) {
                long count = Long.parseLong(match.group(group).replace(",", ""));
                return OptionalLong.of(group == 3 && !match.group(4).isEmpty() ? count * 1_000 : count);
            }
        }
        return OptionalLong.empty();
    }

    public static Optional<Verdict> classify(String message) {
        if (message == null) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            Matcher match = rule.pattern().matcher(message);
            if (match.find()) {
                return Optional.of(new Verdict(rule.provider(), rule.suggestion().blocks(match), rule.limit(),
                        rule.limit() == Limit.RESULTS ? resultCap(message) : OptionalLong.empty()));
            }
        }
        return Optional.empty();
    }
}
