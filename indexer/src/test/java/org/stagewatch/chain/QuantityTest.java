package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Quantities in the three shapes nodes send, and the values no shape can make a quantity. */
class QuantityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReadHexDecimalAndNumbers() throws Exception {
        assertThat(Quantity.parse("0x1a")).isEqualTo(26);
        assertThat(Quantity.parse("0X1A")).isEqualTo(26);
        assertThat(Quantity.parse("0x0")).isZero();
        assertThat(Quantity.parse("0x01")).isEqualTo(1);
        assertThat(Quantity.parse("26")).isEqualTo(26);
        assertThat(Quantity.parse("0")).isZero();
        assertThat(Quantity.parse("0x7fffffffffffffff")).isEqualTo(Long.MAX_VALUE);
        assertThat(Quantity.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        for (String json : new String[] {"\"0x1a\"", "\"26\"", "26", "26.0"}) {
            assertThat(Quantity.of(JSON.readTree(json), "f", 1)).as(json).isEqualTo(26);
        }
        assertThat(Quantity.of(Integer.valueOf(26), "f", 1)).isEqualTo(26);
        assertThat(Quantity.of(Long.valueOf(26), "f", 1)).isEqualTo(26);
        assertThat(Quantity.of(BigInteger.valueOf(26), "f", 1)).isEqualTo(26);
    }

    @Test
    void shouldRefuseWhatIsNoQuantity() throws Exception {
        for (String text : new String[] {"", "0x", "0xZZ", "0x-1", "0x+1", "-1", "+1", " 26", "26 ", "1e3", "0x8000000000000000",
                "9223372036854775808", "0x10000000000000000", "twenty-six"}) {
            assertThatThrownBy(() -> Quantity.parse(text)).as(text).isInstanceOf(NumberFormatException.class);
        }
        for (String json : new String[] {"-1", "26.5", "true", "{\"n\":26}", "[26]", "null", "18446744073709551616"}) {
            assertThatThrownBy(() -> Quantity.of(JSON.readTree(json), "timestamp", 51)).as(json)
                    .isInstanceOfSatisfying(UnreadableFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("timestamp");
                        assertThat(e.block()).isEqualTo(51);
                        assertThat(e.getMessage()).contains("timestamp").contains("block 51");
                    });
        }
        assertThatThrownBy(() -> Quantity.of(JSON.readTree("{}").get("missing"), "number", 7))
                .isInstanceOf(UnreadableFieldException.class).hasMessageContaining("no number of block 7");
    }
}
