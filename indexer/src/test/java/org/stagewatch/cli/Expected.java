package org.stagewatch.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.function.Predicate;

/**
 * The metrics of DESIGN.md §5 worked out the slow, obvious way, for comparison with what Stagewatch
 * prints: Gini as the mean absolute difference ΣᵢΣⱼ|xᵢ − xⱼ|/(2nT), shares as BigDecimal quotients.
 */
final class Expected {
    final BigInteger total;
    final Integer majority;
    final Integer quorumSet;
    final BigDecimal gini;
    final BigDecimal hhi;
    final double entropy;
    private final List<BigInteger> descending;

    private Expected(List<BigInteger> descending, BigInteger quorum) {
        this.descending = descending;
        this.total = descending.stream().reduce(BigInteger.ZERO, BigInteger::add);
        this.majority = smallestPrefix(descending, sum -> sum.shiftLeft(1).compareTo(total) > 0);
        this.quorumSet = smallestPrefix(descending, sum -> sum.compareTo(quorum) >= 0);
        BigInteger differences = BigInteger.ZERO;
        BigInteger squares = BigInteger.ZERO;
        double entropySum = 0;
        for (BigInteger a : descending) {
            squares = squares.add(a.multiply(a));
            for (BigInteger b : descending) {
                differences = differences.add(a.subtract(b).abs());
            }
            double share = new BigDecimal(a).divide(new BigDecimal(total), MathContext.DECIMAL128).doubleValue();
            entropySum -= share * Math.log(share) / Math.log(2);
        }
        int n = descending.size();
        this.gini = n == 0 ? null : new BigDecimal(differences).divide(new BigDecimal(total.multiply(BigInteger.valueOf(2L * n))), MathContext.DECIMAL128);
        this.hhi = n == 0 ? null : new BigDecimal(squares).divide(new BigDecimal(total.multiply(total)), MathContext.DECIMAL128);
        this.entropy = entropySum;
    }

    /** @param descending positive powers, largest first */
    static Expected of(List<BigInteger> descending, BigInteger quorum) {
        return new Expected(descending, quorum);
    }

    BigDecimal topShare(int top) {
        BigInteger sum = descending.stream().limit(top).reduce(BigInteger.ZERO, BigInteger::add);
        return new BigDecimal(sum).divide(new BigDecimal(total), MathContext.DECIMAL128);
    }

    private static Integer smallestPrefix(List<BigInteger> descending, Predicate<BigInteger> reached) {
        BigInteger sum = BigInteger.ZERO;
        for (int k = 0; k < descending.size(); k++) {
            sum = sum.add(descending.get(k));
            if (reached.test(sum)) {
                return k + 1;
            }
        }
        return null;
    }
}
