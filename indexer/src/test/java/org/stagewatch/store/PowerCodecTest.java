package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The packed layout round-trips every uint256 and varint exactly, and the decimal parser refuses what is not one. */
class PowerCodecTest {
    private final Random random = new Random(17);

    private static BigInteger valueOf(long[] limbs, int at) {
        BigInteger value = BigInteger.ZERO;
        for (int limb = 3; limb >= 0; limb--) {
            value = value.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[at + limb])));
        }
        return value;
    }

    @Test
    void shouldRoundTripPowersAndVarintsThroughTheLayout() {
        List<BigInteger> powers = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(255), BigInteger.valueOf(256),
                BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)));
        for (int i = 0; i < 2_000; i++) {
            powers.add(new BigInteger(random.nextInt(257), random));
        }
        long[] varints = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, Long.MAX_VALUE, -1};
        PowerCodec.Writer writer = new PowerCodec.Writer(4);
        long[] limbs = new long[4];
        for (int i = 0; i < powers.size(); i++) {
            String decimal = powers.get(i).toString();
            PowerCodec.parseDecimal(decimal, 0, decimal.length(), limbs, 0);
            assertThat(valueOf(limbs, 0)).isEqualTo(powers.get(i));
            writer.varint(varints[i % varints.length]);
            writer.power(limbs, 0);
        }
        PowerCodec.Reader reader = new PowerCodec.Reader(writer.toBytes(), "test");
        long[] read = new long[8];
        for (int i = 0; i < powers.size(); i++) {
            assertThat(reader.varint()).isEqualTo(varints[i % varints.length]);
            assertThat(reader.power(read, 4)).isEqualTo(powers.get(i).signum() != 0);
            assertThat(valueOf(read, 4)).as("power %d", i).isEqualTo(powers.get(i));
        }
        assertThat(reader.hasMore()).isFalse();
    }

    @Test
    void shouldRefuseWhatIsNotAUint256OrNotThisLayout() {
        long[] limbs = new long[4];
        String tooBig = BigInteger.ONE.shiftLeft(256).toString();
        assertThatThrownBy(() -> PowerCodec.parseDecimal(tooBig, 0, tooBig.length(), limbs, 0)).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> PowerCodec.parseDecimal("12x", 0, 3, limbs, 0)).hasMessageContaining("not a decimal");
        assertThatThrownBy(() -> PowerCodec.parseDecimal("", 0, 0, limbs, 0)).hasMessageContaining("not a decimal");
        assertThatThrownBy(() -> new PowerCodec.Reader(new byte[] {9, 0}, "power_chunks of token 0xt"))
                .isInstanceOf(StoreException.class).hasMessageContaining("power_chunks of token 0xt").hasMessageContaining("format 9");
    }
}
