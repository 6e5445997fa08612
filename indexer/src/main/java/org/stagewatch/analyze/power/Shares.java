package org.stagewatch.analyze.power;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Exact ratios of integer amounts as every metric reports them: rounded once to 34 significant digits (DECIMAL128). */
public final class Shares {
    private Shares() {
    }

    /** part / total, zero when total is zero (nothing to share). */
    public static BigDecimal of(BigInteger part, BigInteger total) {
        if (total.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(part).divide(new BigDecimal(total), MathContext.DECIMAL128).stripTrailingZeros();
    }
}
