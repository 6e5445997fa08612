package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class RangeErrorsTest {
    @Test
    void shouldReadTheSuggestedHexRangeFromAnAlchemyStyleMessage() {
        String message = "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range "
                + "and no limit on the response size, or you can request any block range with a cap of 10K logs "
                + "in the response. Based on your parameters, this block range should work: [0x1312d00, 0x13134db]";
        assertThat(RangeErrors.isRangeError(message)).isTrue();
        assertThat(RangeErrors.suggestedBlocks(message)).isEqualTo(OptionalLong.of(0x13134db - 0x1312d00 + 1));
    }

    @Test
    void shouldReadTheSuggestedRangeFromAnInfuraStyleMessage() {
        String message = "query returned more than 10000 results. Try with this block range [0x10, 0x1F].";
        assertThat(RangeErrors.isRangeError(message)).isTrue();
        assertThat(RangeErrors.suggestedBlocks(message)).isEqualTo(OptionalLong.of(16));
    }

    @Test
    void shouldReadAMaximumBlockRange() {
        String message = "exceed maximum block range: 5000";
        assertThat(RangeErrors.isRangeError(message)).isTrue();
        assertThat(RangeErrors.suggestedBlocks(message)).isEqualTo(OptionalLong.of(5000));
    }

    @Test
    void shouldNotMistakeAResultLimitForABlockRange() {
        String message = "query returned more than 10000 results";
        assertThat(RangeErrors.isRangeError(message)).isTrue();
        assertThat(RangeErrors.suggestedBlocks(message)).isEmpty();
    }

    @Test
    void shouldNotTreatOtherErrorsAsRangeErrors() {
        assertThat(RangeErrors.isRangeError("execution reverted")).isFalse();
        assertThat(RangeErrors.isRangeError("invalid argument 0: hex string without 0x prefix")).isFalse();
        assertThat(RangeErrors.isRangeError(null)).isFalse();
    }
}
