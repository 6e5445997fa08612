package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/**
 * One test per provider's recorded eth_getLogs error payload (the JSON-RPC error message as the
 * provider sent it), and the block count Stagewatch takes from it (empty = halve the range).
 */
class RangeErrorsTest {
    private static void assertSuggests(String message, String provider, OptionalLong blocks) {
        var verdict = RangeErrors.classify(message);
        assertThat(verdict).as(message).isPresent();
        assertThat(verdict.get().provider()).isEqualTo(provider);
        assertThat(verdict.get().suggestedBlocks()).isEqualTo(blocks);
    }

    @Test
    void shouldReadTheSuggestedHexRangeFromAlchemy() {
        assertSuggests("Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no "
                + "limit on the response size, or you can request any block range with a cap of 10K logs in the response. "
                + "Based on your parameters, this block range should work: [0x1312d00, 0x13134db]",
                "Alchemy", OptionalLong.of(0x13134db - 0x1312d00 + 1));
    }

    @Test
    void shouldReadTheSuggestedHexRangeFromInfuraAndZkSync() {
        assertSuggests("Query returned more than 10000 results. Try with this block range [0x118dc91, 0x1198cc3].",
                "Infura / zkSync", OptionalLong.of(0x1198cc3 - 0x118dc91 + 1));
    }

    @Test
    void shouldReadInfurasBlockRangeLimit() {
        assertSuggests("range 1000000 exceeds limit of 10000", "Infura (range limit)", OptionalLong.of(10_000));
    }

    @Test
    void shouldReadQuickNodesLimitWithThousandsSeparators() {
        assertSuggests("eth_getLogs is limited to a 10,000 range", "QuickNode / 1RPC / Blast", OptionalLong.of(10_000));
    }

    @Test
    void shouldReadBlockPisLimit() {
        assertSuggests("eth_getLogs is limited to 1024 block range. Please check the parameter requirements at "
                + "https://docs.blockpi.io/documentations/best-practices", "BlockPI", OptionalLong.of(1_024));
    }

    @Test
    void shouldReadTenderlysRangeLimitFromItsPayload() {
        assertSuggests("range 9009594 is bigger than range limit 2000", "Tenderly", OptionalLong.of(2_000));
    }

    @Test
    void shouldReadPublicNodesMaximumBlockRange() {
        assertSuggests("maximum block range: 50000", "PublicNode", OptionalLong.of(50_000));
    }

    @Test
    void shouldUseAnkrsDocumentedLimitWhenItsMessageNamesNone() {
        assertSuggests("block range is too wide", "Ankr", OptionalLong.of(3_000));
    }

    @Test
    void shouldHalveOnTheArbitrumPublicRpcsResultCap() {
        assertSuggests("logs matched by query exceeds limit of 10000", "Arbitrum public RPC", OptionalLong.empty());
    }

    @Test
    void shouldHalveOnTheOpMainnetPublicRpcsAnswers() {
        assertSuggests("backend response too large", "OP Mainnet public RPC", OptionalLong.empty());
        assertSuggests("Block range is too large", "OP Mainnet public RPC", OptionalLong.empty());
    }

    @Test
    void shouldHalveOnGethsResultCapAndTimeout() {
        assertSuggests("query returned more than 10000 results", "geth / Infura result cap", OptionalLong.empty());
        assertSuggests("query timeout exceeded", "query timeout", OptionalLong.empty());
    }

    @Test
    void shouldRecogniseGenericWordings() {
        assertSuggests("Log response size exceeded. Please reduce query block range.", "generic", OptionalLong.empty());
    }

    @Test
    void shouldNotTreatOtherErrorsAsRangeErrors() {
        assertThat(RangeErrors.classify("execution reverted")).isEmpty();
        assertThat(RangeErrors.classify("invalid argument 0: hex string without 0x prefix")).isEmpty();
        assertThat(RangeErrors.classify("header not found")).isEmpty();
        assertThat(RangeErrors.classify(null)).isEmpty();
    }
}
