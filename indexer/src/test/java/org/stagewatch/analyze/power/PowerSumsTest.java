package org.stagewatch.analyze.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The 128-bit fast path of the concentration sums against the general one and against BigInteger. */
class PowerSumsTest {
    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
    private final Random random = new Random(13);

    private PowerArray sortedOf(List<BigInteger> values) {
        PowerArray array = PowerArray.of(values);
        array.sortDescending();
        return array;
    }

    @Test
    void shouldGiveTheSameSumsOnBothPathsForPowersBelow2To128() {
        for (int round = 0; round < 30; round++) {
            List<BigInteger> values = new ArrayList<>();
            int n = 1 + random.nextInt(round < 5 ? 5 : 5_000);
            for (int i = 0; i < n; i++) {
                values.add(switch (random.nextInt(5)) {
                    case 0 -> TWO_128.subtract(BigInteger.ONE);                    // every limb carry at once
                    case 1 -> BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
                    case 2 -> BigInteger.valueOf(random.nextInt(3));
                    default -> new BigInteger(1 + random.nextInt(128), random);
                });
            }
            PowerArray sorted = sortedOf(values);
            assertThat(PowerSums.isNarrow(sorted.limbs, n)).isTrue();
            PowerSums narrow = PowerSums.narrow(sorted.limbs, n);
            assertThat(narrow).as("round %d", round).isEqualTo(PowerSums.wide(sorted.limbs, n));
            // and against BigInteger, in the textbook form
            List<BigInteger> descending = new ArrayList<>(values);
            descending.sort(Comparator.reverseOrder());
            BigInteger prefix = BigInteger.ZERO;
            BigInteger prefixSums = BigInteger.ZERO;
            BigInteger squares = BigInteger.ZERO;
            for (BigInteger x : descending) {
                prefix = prefix.add(x);
                prefixSums = prefixSums.add(prefix);
                squares = squares.add(x.multiply(x));
            }
            assertThat(narrow.total()).isEqualTo(prefix);
            assertThat(narrow.prefixSums()).isEqualTo(prefixSums);
            assertThat(narrow.squares()).isEqualTo(squares);
            for (BigInteger threshold : List.of(BigInteger.ONE, prefix.shiftRight(1).add(BigInteger.ONE), prefix, prefix.add(BigInteger.ONE),
                    new BigInteger(1 + random.nextInt(140), random), BigInteger.ONE.shiftLeft(200))) {
                Integer expected = null;
                BigInteger running = BigInteger.ZERO;
                for (int k = 0; k < descending.size() && expected == null; k++) {
                    running = running.add(descending.get(k));
                    if (running.compareTo(threshold) >= 0) {
                        expected = k + 1;
                    }
                }
                assertThat(PowerSums.smallestReaching(sorted.limbs, n, threshold)).as("threshold %s", threshold).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldGiveTheTextbookValuesForManyPowersWhereEntropyRunsBesideTheSums() {
        for (int bits : new int[] {93, 200}) { // the 128-bit path and the general one
            List<BigInteger> values = new ArrayList<>();
            for (int i = 0; i < 70_000; i++) {
                values.add(new BigInteger(1 + random.nextInt(bits), random).add(BigInteger.ONE));
            }
            Concentration fast = Concentration.of(values, null);
            BigInteger total = values.stream().reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger squares = values.stream().map(x -> x.multiply(x)).reduce(BigInteger.ZERO, BigInteger::add);
            double entropy = 0;
            for (BigInteger x : values) {
                double share = new BigDecimal(x).divide(new BigDecimal(total), MathContext.DECIMAL128).doubleValue();
                entropy -= share * Math.log(share) / Math.log(2);
            }
            assertThat(fast.totalVotingPower()).isEqualTo(total);
            assertThat(fast.delegates()).isEqualTo(values.size());
            assertThat(fast.hhi()).isEqualByComparingTo(new BigDecimal(squares)
                    .divide(new BigDecimal(total.multiply(total)), MathContext.DECIMAL128));
            assertThat(fast.entropyBits()).as("%d-bit powers", bits).isCloseTo(entropy, Assertions.within(1e-9));
        }
    }

    @Test
    void shouldTakeTheGeneralPathOnceThePowersReach2To128() {
        PowerArray sorted = sortedOf(List.of(TWO_128, BigInteger.ONE));
        assertThat(PowerSums.isNarrow(sorted.limbs, 2)).isFalse();
        assertThat(PowerSums.of(sorted.limbs, 2).squares()).isEqualTo(TWO_128.multiply(TWO_128).add(BigInteger.ONE));
        PowerArray below = sortedOf(List.of(TWO_128.subtract(BigInteger.ONE), BigInteger.ONE));
        assertThat(PowerSums.isNarrow(below.limbs, 2)).isTrue();
    }
}
