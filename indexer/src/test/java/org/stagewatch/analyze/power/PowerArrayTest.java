package org.stagewatch.analyze.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The limb arithmetic under the fast path, against BigInteger and against textbook formulas. */
class PowerArrayTest {
    private final Random random = new Random(7);

    private BigInteger randomPower() {
        int bits = switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextInt(8);
            case 1 -> 60 + random.nextInt(10);
            case 2 -> 90 + random.nextInt(40);
            default -> 1 + random.nextInt(256);
        };
        return new BigInteger(bits, random);
    }

    @Test
    void shouldParseDecimalsExactlyAndRefuseWhatIsNotAUint256() {
        PowerArray array = new PowerArray(2);
        List<BigInteger> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            BigInteger value = randomPower();
            array.addDecimal(value.toString());
            expected.add(value);
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(array.get(i)).isEqualTo(expected.get(i));
        }
        assertThatThrownBy(() -> array.addDecimal(BigInteger.TWO.pow(256).toString())).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> array.addDecimal("12x")).hasMessageContaining("not a decimal");
        assertThat(array.size()).isEqualTo(500);
    }

    @Test
    void shouldSortDescendingLikeBigIntegerWithManyTies() {
        List<BigInteger> values = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            values.add(i % 3 == 0 ? BigInteger.valueOf(random.nextInt(5)) : randomPower());
        }
        PowerArray array = PowerArray.of(values);
        array.sortDescending();
        List<BigInteger> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.reverseOrder());
        for (int i = 0; i < sorted.size(); i++) {
            assertThat(array.get(i)).as("position %d", i).isEqualTo(sorted.get(i));
        }
    }

    @Test
    void shouldSortExactlyWhenValuesAgreeInTheirLeadingBitsOrAreDust() {
        // the key sort orders by bit length and the leading bits; everything else is left to the tie fix-up
        for (int size : new int[] {2, 511, 512, 513, 4_096, 70_000}) {
            List<BigInteger> values = new ArrayList<>();
            BigInteger base = BigInteger.ONE.shiftLeft(200);
            for (int i = 0; i < size; i++) {
                values.add(switch (i % 5) {
                    case 0 -> base.add(BigInteger.valueOf(random.nextInt(1_000_000))); // same leading 150 bits
                    case 1 -> BigInteger.valueOf(random.nextInt(3));                  // zeros and dust
                    case 2 -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.valueOf(1 + random.nextInt(4)));
                    case 3 -> new BigInteger(64, random).shiftLeft(64);               // a zero low limb
                    default -> randomPower();
                });
            }
            PowerArray array = PowerArray.of(values);
            array.sortDescending();
            List<BigInteger> sorted = new ArrayList<>(values);
            sorted.sort(Comparator.reverseOrder());
            for (int i = 0; i < sorted.size(); i++) {
                assertThat(array.get(i)).as("size %d, position %d", size, i).isEqualTo(sorted.get(i));
            }
        }
    }

    @Test
    void shouldKeyValuesInTheirOrder() {
        List<BigInteger> values = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            values.add(randomPower());
        }
        values.sort(null);
        PowerArray array = PowerArray.of(values);
        for (int i = 1; i < values.size(); i++) {
            long before = PowerSort.key(array.limbs, i - 1, 34);
            long after = PowerSort.key(array.limbs, i, 34);
            assertThat(before).as("position %d", i).isLessThanOrEqualTo(after);
            if (before < after) {
                assertThat(values.get(i - 1)).isLessThan(values.get(i));
            }
        }
    }

    @Test
    void shouldMergeChangedPowersIntoTheSortedOnes() {
        List<BigInteger> all = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            all.add(i % 4 == 0 ? BigInteger.valueOf(7) : randomPower());
        }
        List<BigInteger> removed = new ArrayList<>(all.subList(0, 700));
        List<BigInteger> added = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            added.add(i % 3 == 0 ? BigInteger.valueOf(7) : randomPower());
        }
        List<BigInteger> expected = new ArrayList<>(all.subList(700, all.size()));
        expected.addAll(added);
        expected.sort(Comparator.reverseOrder());
        PowerArray sorted = PowerArray.of(all);
        sorted.sortDescending();
        PowerArray out = PowerArray.of(List.of(BigInteger.TEN)); // reused memory, too small: it must grow
        PowerArray gone = PowerArray.of(removed);
        gone.sortDescending();
        PowerArray come = PowerArray.of(added);
        come.sortDescending();
        PowerArray merged = PowerArray.replace(sorted, gone, come, out);
        assertThat(merged.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(merged.get(i)).as("position %d", i).isEqualTo(expected.get(i));
        }
        assertThatThrownBy(() -> PowerArray.replace(sorted, PowerArray.of(List.of(BigInteger.TWO.pow(255).add(BigInteger.ONE))), come))
                .hasMessageContaining("not in the sorted set");
    }

    @Test
    void shouldAgreeWithTextbookFormulasOnRandomDistributions() {
        for (int round = 0; round < 20; round++) {
            List<BigInteger> values = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                values.add(randomPower().add(BigInteger.ONE));
            }
            Concentration fast = Concentration.of(values, null);
            BigInteger total = values.stream().reduce(BigInteger.ZERO, BigInteger::add);
            // Gini as the mean absolute difference: ΣᵢΣⱼ|xᵢ − xⱼ| / (2·n·T)
            BigInteger differences = BigInteger.ZERO;
            BigInteger squares = BigInteger.ZERO;
            for (BigInteger x : values) {
                squares = squares.add(x.multiply(x));
                for (BigInteger y : values) {
                    differences = differences.add(x.subtract(y).abs());
                }
            }
            assertThat(fast.totalVotingPower()).isEqualTo(total);
            assertThat(fast.gini()).isEqualByComparingTo(new BigDecimal(differences)
                    .divide(new BigDecimal(BigInteger.valueOf(2L * n).multiply(total)), MathContext.DECIMAL128));
            assertThat(fast.hhi()).isEqualByComparingTo(new BigDecimal(squares)
                    .divide(new BigDecimal(total.multiply(total)), MathContext.DECIMAL128));
            double entropy = 0;
            for (BigInteger x : values) {
                double share = new BigDecimal(x).divide(new BigDecimal(total), MathContext.DECIMAL128).doubleValue();
                entropy -= share * Math.log(share) / Math.log(2);
            }
            assertThat(fast.entropyBits()).isCloseTo(entropy, Assertions.within(1e-12));
        }
    }
}
