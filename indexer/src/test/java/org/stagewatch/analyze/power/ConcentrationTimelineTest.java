package org.stagewatch.analyze.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The timeline against the computation the CLI does (a pass that sorts the powers at the block and applies
 * {@link Concentration#of(PowerArray, BigInteger)}), at every block of random histories: ties, zeros, delegates going
 * to zero and coming back, 18-decimal and full 256-bit powers, more delegates than the timeline keeps the largest
 * powers of, and quorums from zero to beyond the total. Every answer the timeline gives must be the very same record.
 */
class ConcentrationTimelineTest {
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    /** One checkpoint: from {@code block} on, delegate {@code id} has {@code power}. */
    private record Checkpoint(long block, int id, BigInteger power) {
    }

    @Test
    void shouldGiveWhatAPassOverThePowersGivesAtEveryBlockOfSmallHistories() {
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<Checkpoint> history = history(random, 1 + random.nextInt(60), 400, 1 + random.nextInt(5), (int) (seed % 4));
            compareEveryBlock(history, random, false);
        }
    }

    @Test
    void shouldGiveWhatAPassGivesWithMoreDelegatesThanItKeepsTheLargestPowersOf() {
        // 4,000 delegates, 10,000 checkpoints: epochs roll over, thresholds move, ties straddle them
        Random random = new Random(99);
        List<Checkpoint> history = history(random, 4_000, 10_000, 20, 1);
        compareEveryBlock(history, random, false);
    }

    @Test
    void shouldGiveTheSameAfterGoingOnFromWhereItStopped() {
        Random random = new Random(7);
        List<Checkpoint> history = history(random, 2_500, 6_000, 10, 3);
        compareEveryBlock(history, random, true);
    }

    @Test
    void shouldCoverNothingBeyondItsLastBlockAndNothingBeforeItIsPublished() {
        ConcentrationSweep sweep = new ConcentrationSweep();
        assertThat(sweep.timeline().view()).isNull();
        sweep.apply(5, 0, limbs(BigInteger.TEN), 0);
        sweep.publish(8, "0xabc");
        ConcentrationTimeline.View view = sweep.timeline().view();
        assertThat(view.coverage()).isEqualTo(8);
        assertThat(view.anchorHash()).isEqualTo("0xabc");
        assertThat(view.at(9, null)).isNull();
        assertThat(view.at(4, null)).isEqualTo(Concentration.of(List.of(), null));
        assertThat(view.at(8, BigInteger.TEN)).isEqualTo(Concentration.of(List.of(BigInteger.TEN), BigInteger.TEN));
    }

    /**
     * @param delegates   how many delegates take turns
     * @param checkpoints how many checkpoints
     * @param perBlock    at most this many checkpoints share a block
     * @param kind        0: 18-decimal powers, 1: many ties among few values, 2: full 256-bit powers, 3: a mix with zeros
     */
    private static List<Checkpoint> history(Random random, int delegates, int checkpoints, int perBlock, int kind) {
        List<Checkpoint> history = new ArrayList<>();
        long block = 1;
        int inBlock = 0;
        for (int i = 0; i < checkpoints; i++) {
            if (inBlock >= 1 + random.nextInt(perBlock)) {
                block += 1 + random.nextInt(3);
                inBlock = 0;
            }
            inBlock++;
            history.add(new Checkpoint(block, random.nextInt(delegates), power(random, kind)));
        }
        return history;
    }

    private static BigInteger power(Random random, int kind) {
        if (random.nextInt(10) == 0) {
            return BigInteger.ZERO;
        }
        return switch (kind) {
            case 0 -> BigInteger.valueOf((long) Math.pow(10, random.nextDouble() * 9)).multiply(BigInteger.TEN.pow(18))
                    .add(BigInteger.valueOf(random.nextLong(1_000_000_000_000_000_000L)));
            case 1 -> BigInteger.valueOf(1 + random.nextInt(4)).multiply(BigInteger.TEN.pow(18 + random.nextInt(2)));
            case 2 -> random.nextInt(3) == 0 ? TWO_256.subtract(BigInteger.valueOf(1 + random.nextInt(1000)))
                    : new BigInteger(1 + random.nextInt(256), random);
            default -> switch (random.nextInt(4)) {
                case 0 -> BigInteger.valueOf(random.nextInt(3));
                case 1 -> new BigInteger(1 + random.nextInt(256), random);
                case 2 -> BigInteger.ONE.shiftLeft(random.nextInt(256));
                default -> BigInteger.valueOf(random.nextLong(Long.MAX_VALUE)).shiftLeft(random.nextInt(64));
            };
        };
    }

    /** Applies the history to a sweep (publishing halfway when asked) and to plain powers, comparing at every block. */
    private static void compareEveryBlock(List<Checkpoint> history, Random random, boolean publishHalfway) {
        ConcentrationSweep sweep = new ConcentrationSweep();
        long last = history.get(history.size() - 1).block();
        long half = history.get(history.size() / 2).block();
        ConcentrationTimeline.View early = null;
        for (Checkpoint checkpoint : history) {
            if (publishHalfway && early == null && checkpoint.block() > half) {
                sweep.publish(half, "0xhalf");
                early = sweep.timeline().view();
            }
            sweep.apply(checkpoint.block(), checkpoint.id(), limbs(checkpoint.power()), 0);
        }
        sweep.publish(last + 2, "0xend");
        ConcentrationTimeline.View view = sweep.timeline().view();
        BigInteger[] powers = new BigInteger[history.stream().mapToInt(Checkpoint::id).max().orElse(0) + 1];
        Arrays.fill(powers, BigInteger.ZERO);
        int next = 0;
        int answered = 0;
        for (long block = 0; block <= last + 2; block++) {
            while (next < history.size() && history.get(next).block() <= block) {
                powers[history.get(next).id()] = history.get(next).power();
                next++;
            }
            PowerArray sorted = PowerArray.of(Arrays.stream(powers).filter(power -> power.signum() > 0).toList());
            sorted.sortDescending();
            BigInteger total = Arrays.stream(powers).reduce(BigInteger.ZERO, BigInteger::add);
            for (BigInteger quorum : quorums(total, random)) {
                Concentration expected = Concentration.of(sorted, quorum);
                answered += compare(view, block, quorum, expected);
                if (early != null && block <= half) {
                    answered += compare(early, block, quorum, expected);
                }
            }
            if (early != null) {
                assertThat(early.at(half + 1, null)).isNull();
            }
        }
        assertThat(answered).as("answers the timeline gave").isPositive();
    }

    /** 1 when the timeline answered (with exactly the expected record), 0 when it left the quorum to the caller. */
    private static int compare(ConcentrationTimeline.View view, long block, BigInteger quorum, Concentration expected) {
        Concentration recorded = view.at(block, quorum);
        if (recorded == null) {
            // allowed only when reaching the quorum takes more delegates than the timeline keeps the powers of
            assertThat(expected.nakamoto().quorum()).as("block %d, quorum %s", block, quorum).isNotNull()
                    .isGreaterThan(ConcentrationSweep.KEEP);
            return 0;
        }
        assertThat(recorded).as("block %d, quorum %s", block, quorum).isEqualTo(expected);
        return 1;
    }

    private static List<BigInteger> quorums(BigInteger total, Random random) {
        List<BigInteger> quorums = new ArrayList<>(Arrays.asList(null, BigInteger.ZERO, BigInteger.ONE, total, total.add(BigInteger.ONE),
                total.shiftRight(1), total.shiftRight(1).add(BigInteger.ONE), total.divide(BigInteger.valueOf(25))));
        if (total.signum() > 0) {
            quorums.add(new BigInteger(total.bitLength(), random).mod(total).add(BigInteger.ONE));
        }
        return quorums;
    }

    private static long[] limbs(BigInteger value) {
        long[] limbs = new long[PowerArray.LIMBS];
        Limbs.fromBigInteger(value, limbs, 0, PowerArray.LIMBS);
        return limbs;
    }
}
