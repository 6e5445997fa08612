package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --blocks}: lists and ranges as written, every bad list refused with what is wrong and what to give. */
class BlockListOptionTest {
    @Test
    void shouldReadListsAndRangesInTheirOrder() {
        assertThat(BlockListOption.parse("300, 100,200")).containsExactly(300L, 100L, 200L);
        assertThat(BlockListOption.parse("100..1000:100")).containsExactly(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L);
        assertThat(BlockListOption.parse("0..10:3")).containsExactly(0L, 3L, 6L, 9L);
        assertThat(BlockListOption.parse("5..8")).containsExactly(5L, 6L, 7L, 8L);
        assertThat(BlockListOption.parse("7..7:50")).containsExactly(7L);
        assertThat(BlockListOption.parse("21000000")).containsExactly(21_000_000L);
    }

    @Test
    void shouldRefuseWhatIsNotAListOfBlocks() {
        for (String[] bad : new String[][] {{"", "an empty item"}, {"1,,2", "an empty item"}, {"1,two", "'two' is not a block number"},
            {"-5", "'-5' is not a block number"}, {"10..5", "starts after it ends"}, {"1..9:0", "at least 1"}, {"4,4", "listed twice"},
            {"0..10000000:1", "more than 10000 blocks"}, {"1..2:x", "is not a block number"}}) {
            assertThatThrownBy(() -> BlockListOption.parse(bad[0])).as(bad[0]).isInstanceOf(UserError.class)
                    .hasMessageContaining(bad[1]).hasMessageContaining("give B1,B2,… or FROM..TO:STEP");
        }
    }
}
