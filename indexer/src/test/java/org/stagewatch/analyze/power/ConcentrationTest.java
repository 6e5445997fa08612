package org.stagewatch.analyze.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each formula of DESIGN.md §5 on small distributions whose values were worked out by hand. */
class ConcentrationTest {

    private static List<BigInteger> powers(long... values) {
        return Arrays.stream(values).mapToObj(BigInteger::valueOf).toList();
    }

    private static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    @Test
    void shouldGiveASingleDelegateEverything() {
        Concentration one = Concentration.of(powers(5), null);
        assertThat(one.totalVotingPower()).isEqualTo(5);
        assertThat(one.delegates()).isEqualTo(1);
        assertThat(one.nakamoto()).isEqualTo(new Concentration.Nakamoto(1, null));
        assertThat(one.topShares().values()).allSatisfy(share -> assertThat(share).isEqualByComparingTo("1"));
        assertThat(one.gini()).isEqualByComparingTo("0");
        assertThat(one.hhi()).isEqualByComparingTo("1");
        assertThat(one.effectiveDelegates()).isEqualByComparingTo("1");
        assertThat(one.entropyBits()).isEqualTo(0.0);
    }

    @Test
    void shouldTreatTiesAsEqualAndNeedMoreThanHalfForAMajority() {
        Concentration ties = Concentration.of(powers(1, 1, 1, 1), null);
        // P1 = 1, P2 = 2 = T/2 is not more than half, P3 = 3 is
        assertThat(ties.nakamoto().majority()).isEqualTo(3);
        assertThat(ties.gini()).isEqualByComparingTo("0");
        assertThat(ties.hhi()).isEqualByComparingTo("0.25");
        assertThat(ties.effectiveDelegates()).isEqualByComparingTo("4");
        assertThat(ties.entropyBits()).isCloseTo(2.0, within(1e-15));
        assertThat(ties.topShares()).containsEntry("1", decimal("0.25")).containsEntry("5", decimal("1"));
        assertThat(Concentration.of(powers(2, 2), null).nakamoto().majority()).isEqualTo(2);
    }

    @Test
    void shouldMeasureOneWhaleAmongMinnows() {
        // ascending 1,1,1,97: Σ i·x = 1+2+3+388 = 394; G = 2·394/(4·100) − 5/4 = 0.72
        Concentration whale = Concentration.of(powers(1, 97, 1, 1), null);
        assertThat(whale.nakamoto().majority()).isEqualTo(1);
        assertThat(whale.gini()).isEqualByComparingTo("0.72");
        assertThat(whale.hhi()).isEqualByComparingTo("0.9412"); // (97² + 3)/100²
        assertThat(whale.effectiveDelegates()).isEqualByComparingTo("1.062473438164045898852528686782830");
        // −(0.97·log₂0.97 + 3·0.01·log₂0.01)
        assertThat(whale.entropyBits()).isCloseTo(0.24194073285321088, within(1e-14));
        assertThat(whale.topShares()).containsEntry("1", decimal("0.97")).containsEntry("5", decimal("1"));
    }

    @Test
    void shouldCountTheTopDelegatesNeededForQuorum() {
        // 50/30/20: ascending Σ i·x = 20+60+150 = 230; G = (460 − 400)/300 = 0.2
        List<BigInteger> three = powers(20, 50, 30);
        Concentration quorum60 = Concentration.of(three, BigInteger.valueOf(60));
        assertThat(quorum60.nakamoto()).isEqualTo(new Concentration.Nakamoto(2, 2)); // 50 is not more than half of 100
        assertThat(quorum60.gini()).isEqualByComparingTo("0.2");
        assertThat(quorum60.hhi()).isEqualByComparingTo("0.38");
        assertThat(quorum60.entropyBits()).isCloseTo(1.4854752972273344, within(1e-14));
        assertThat(Concentration.of(three, BigInteger.valueOf(100)).nakamoto().quorum()).isEqualTo(3);
        assertThat(Concentration.of(three, BigInteger.valueOf(101)).nakamoto().quorum()).isNull();
        assertThat(Concentration.of(three, BigInteger.valueOf(50)).nakamoto().quorum()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreZeroPowerAndLeaveRatiosUndefinedWithoutAnyPower() {
        Concentration none = Concentration.of(powers(0, 0), BigInteger.TEN);
        assertThat(none.totalVotingPower()).isZero();
        assertThat(none.delegates()).isZero();
        assertThat(none.nakamoto()).isEqualTo(new Concentration.Nakamoto(null, null));
        assertThat(none.gini()).isNull();
        assertThat(none.topShares()).isNull();
        Concentration withZeros = Concentration.of(powers(0, 3, 0, 1), null);
        assertThat(withZeros.delegates()).isEqualTo(2);
        assertThat(withZeros.totalVotingPower()).isEqualTo(4);
    }

    @Test
    void shouldStayExactAtTheTopOfTheUint256Range() {
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        Concentration huge = Concentration.of(List.of(max, max, BigInteger.ONE), null);
        assertThat(huge.totalVotingPower()).isEqualTo(max.shiftLeft(1).add(BigInteger.ONE));
        assertThat(huge.nakamoto().majority()).isEqualTo(2);
        // Σx² / T² with exact integers, rounded once
        BigInteger squares = max.multiply(max).shiftLeft(1).add(BigInteger.ONE);
        BigInteger total = huge.totalVotingPower();
        assertThat(huge.hhi()).isEqualByComparingTo(new BigDecimal(squares)
                .divide(new BigDecimal(total.multiply(total)), MathContext.DECIMAL128));
    }
}
