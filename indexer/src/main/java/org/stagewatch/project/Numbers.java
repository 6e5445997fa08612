package org.stagewatch.project;

import java.math.BigInteger;

import org.stagewatch.chain.RawLog;

/** Narrowing of uint256 fields that must fit a long (block numbers, timestamps), with a located error. */
final class Numbers {
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Numbers() {
    }

    static long toLong(BigInteger value, String field, RawLog log) {
        if (value.signum() < 0 || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("%s = %s does not fit a 64-bit clock value (chain %d, block %d, log %d, tx %s)"
                    .formatted(field, value, log.chainId(), log.blockNumber(), log.logIndex(), log.txHash()));
        }
        return value.longValueExact();
    }
}
