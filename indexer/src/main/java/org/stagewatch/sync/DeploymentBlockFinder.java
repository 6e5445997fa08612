package org.stagewatch.sync;

import java.util.Optional;

/**
 * Finds the block a contract was deployed in by bisection over "does the address have code at block
 * N?": the first block B at which it has code, so that it has code at B and none at B − 1 (or B = 0).
 * Costs one question about the head and then ⌈log₂(head + 1)⌉ more.
 *
 * <p>Assumes code, once there, stays: a contract destroyed and created again at the same address
 * (CREATE2 after SELFDESTRUCT) gives one of its creation blocks, still a block with code at B and none
 * at B − 1.
 */
public final class DeploymentBlockFinder {
    private DeploymentBlockFinder() {
    }

    /** Answers whether the address has code at a block (eth_getCode is not "0x"). */
    @FunctionalInterface
    public interface CodeOracle {
        boolean hasCode(long block);
    }

    /**
     * @param block the first block with code
     * @param calls how many times the oracle was asked
     */
    public record Found(long block, int calls) {
    }

    /**
     * The first block in [0, head] at which the address has code, or empty when it has none at the head
     * (no contract there: a wrong address or chain).
     */
    public static Optional<Found> find(long head, CodeOracle oracle) {
        if (head < 0) {
            throw new IllegalArgumentException("head block " + head + " < 0");
        }
        int calls = 1;
        if (!oracle.hasCode(head)) {
            return Optional.empty();
        }
        // invariant: no code at withoutCode (−1 stands for "before genesis"), code at withCode
        long withoutCode = -1;
        long withCode = head;
        while (withCode - withoutCode > 1) {
            long middle = withoutCode + (withCode - withoutCode) / 2;
            calls++;
            if (oracle.hasCode(middle)) {
                withCode = middle;
            } else {
                withoutCode = middle;
            }
        }
        return Optional.of(new Found(withCode, calls));
    }
}
