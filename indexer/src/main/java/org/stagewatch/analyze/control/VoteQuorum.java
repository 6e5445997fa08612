package org.stagewatch.analyze.control;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.MetricsDao;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * The quorum a governor requires at block B: {@code quorum(t)} at t = clock(B) − 1, the latest timepoint
 * the governor answers for in a call at B (it refuses t ≥ clock(B) as a future lookup). clock(B) is B,
 * B's timestamp for a timestamp-clock governor, or B's L1 block number on a chain whose headers carry one.
 * From the store only, in this order:
 * <ol>
 *   <li>a stored {@code quorum(t)} reading for exactly t (the sync reads one per proposal snapshot; a past
 *       timepoint's quorum never changes, so the block it was read at does not matter);</li>
 *   <li>GovernorVotesQuorumFraction's rule ⌊getPastTotalSupply(t) · quorumNumerator(t) / quorumDenominator()⌋,
 *       the numerator from indexed QuorumNumeratorUpdated events, the denominator as the sync read it, the
 *       supply from a stored {@code getPastTotalSupply(t)} reading or, for a token indexed with
 *       {@code transfers: true}, its mints minus burns. The rule is used only while it reproduces every stored
 *       {@code quorum(s)} reading it can be compared with: a governor with a rule of its own (Arbitrum's
 *       leaves out one address's votes) or a token indexed after its first mint shows as unknown, not as a
 *       wrong number.</li>
 * </ol>
 * Otherwise the quorum is unknown and {@link Quorum#unknown()} says what is missing. One instance per
 * analysis: it caches each governor's check against its readings.
 */
public final class VoteQuorum {
    static final String BLOCK_NUMBER_MODE = "mode=blocknumber&from=default";
    static final String READ = "quorum(t) read from the governor";
    static final String FRACTION = "getPastTotalSupply(t) × quorumNumerator(t) / quorumDenominator()";

    /**
     * The quorum at a block, or why it is unknown.
     *
     * @param timepoint t = clock(B) − 1; null when clock(B) is unknown
     * @param value     quorum(t); null when unknown
     * @param source    how {@code value} was obtained ({@value #READ}, or the rule with where its supply came from)
     * @param unknown   what is missing when {@code value} is null
     */
    public record Quorum(Long timepoint, BigInteger value, String source, String unknown) {
        public static Quorum unknown(Long timepoint, String why) {
            return new Quorum(timepoint, null, null, why);
        }
    }

    private final Store store;
    private final Map<String, Optional<String>> contradictions = new HashMap<>();
    private final Map<String, TreeMap<Long, BigInteger>> supplies = new HashMap<>();

    public VoteQuorum(Store store) {
        this.store = store;
    }

    /** The governor's clock mode as the sync read it (block numbers when it has none: governors before ERC-6372). */
    String mode(Node governor) {
        return stateRead(governor.chainId(), governor.address(), "CLOCK_MODE", "").orElse(BLOCK_NUMBER_MODE);
    }

    public Quorum at(Node governor, ContractRow token, long block) {
        long chainId = governor.chainId();
        boolean timestamps = mode(governor).contains("timestamp");
        Optional<BlockHeader> header = store.withSync(sync -> sync.block(chainId, block));
        boolean l1Numbers = !timestamps && (header.isPresent() ? header.get().l1BlockNumber() != null : carriesL1Numbers(chainId));
        if (header.isEmpty() && (timestamps || l1Numbers)) {
            return Quorum.unknown(null, "block " + block + "'s header is not stored, so its "
                    + (timestamps ? "time" : "L1 block number") + " (the governor's clock) is unknown");
        }
        long clock = header.map(h -> timestamps ? h.timestamp() : l1Numbers ? h.l1BlockNumber() : h.number()).orElse(block);
        long timepoint = clock - 1;
        if (timepoint < 0) {
            return Quorum.unknown(null, "the governor's clock at block " + block + " is 0: no timepoint lies before it");
        }
        Optional<String> read = stateRead(chainId, governor.address(), "quorum", Long.toString(timepoint));
        if (read.isPresent()) {
            return new Quorum(timepoint, new BigInteger(read.get()), READ, null);
        }
        Derived derived = derive(governor, token, timepoint, timestamps, l1Numbers);
        if (derived.value() == null) {
            return Quorum.unknown(timepoint, "no quorum(" + timepoint + ") reading is stored, and " + derived.missing());
        }
        Optional<String> contradiction = contradictions.computeIfAbsent(governor + "/" + token.address(),
                key -> contradiction(governor, token, timestamps, l1Numbers));
        if (contradiction.isPresent()) {
            return Quorum.unknown(timepoint, "no quorum(" + timepoint + ") reading is stored, and " + contradiction.get());
        }
        return new Quorum(timepoint, derived.value(), FRACTION + ", " + derived.supplySource(), null);
    }

    /** The rule's value at t, or what it is missing. */
    private record Derived(BigInteger value, String supplySource, String missing) {
    }

    private Derived derive(Node governor, ContractRow token, long timepoint, boolean timestamps, boolean l1Numbers) {
        long chainId = governor.chainId();
        Optional<Long> block = blockAt(chainId, timepoint, timestamps, l1Numbers);
        if (block.isEmpty()) {
            return new Derived(null, null, "timepoint " + timepoint + " lies before every stored block of chain " + chainId);
        }
        Optional<BigInteger> numerator = store.jdbi().withExtension(MetricsDao.class,
                dao -> dao.quorumNumeratorAt(chainId, governor.address(), block.get())).map(BigInteger::new);
        if (numerator.isEmpty()) {
            return new Derived(null, null, "no QuorumNumeratorUpdated of the governor is indexed up to block " + block.get()
                    + " (index it from its deployment)");
        }
        Optional<BigInteger> denominator = stateRead(chainId, governor.address(), "quorumDenominator", "")
                .filter(value -> value.matches("[0-9]+")).map(BigInteger::new).filter(value -> value.signum() > 0);
        if (denominator.isEmpty()) {
            return new Derived(null, null, "the governor has no quorumDenominator() read (it is no GovernorVotesQuorumFraction)");
        }
        Optional<String> pastSupply = stateRead(chainId, token.address(), "getPastTotalSupply", Long.toString(timepoint));
        BigInteger supply;
        String source;
        if (pastSupply.isPresent()) {
            supply = new BigInteger(pastSupply.get());
            source = "getPastTotalSupply(t) read from the token";
        } else if (token.transfers()) {
            supply = Optional.ofNullable(supply(token).floorEntry(block.get())).map(Map.Entry::getValue).orElse(BigInteger.ZERO);
            source = "total supply = mints − burns indexed from Transfer events";
        } else {
            return new Derived(null, null, "the token's total supply at " + timepoint
                    + " is unknown (index the token with transfers: true)");
        }
        return new Derived(supply.multiply(numerator.get()).divide(denominator.get()), source, null);
    }

    /** A stored quorum(s) reading the rule contradicts, described; empty when it agrees with every one it can compute. */
    private Optional<String> contradiction(Node governor, ContractRow token, boolean timestamps, boolean l1Numbers) {
        for (StateRead reading : store.jdbi().withExtension(StateReadDao.class,
                dao -> dao.all(governor.chainId(), governor.address(), "quorum"))) {
            if (!reading.args().matches("[0-9]+")) {
                continue;
            }
            Derived derived = derive(governor, token, Long.parseLong(reading.args()), timestamps, l1Numbers);
            if (derived.value() != null && !derived.value().equals(new BigInteger(reading.value()))) {
                return Optional.of("the quorum rule cannot stand in: the governor's stored quorum(" + reading.args() + ") is "
                        + reading.value() + " where totalSupply × numerator / denominator gives " + derived.value()
                        + " (a quorum rule of its own, or a token indexed after its first mint)");
            }
        }
        return Optional.empty();
    }

    /** The last block whose clock is at or before t: what getPastTotalSupply(t) and quorumNumerator(t) see. */
    private Optional<Long> blockAt(long chainId, long timepoint, boolean timestamps, boolean l1Numbers) {
        if (timestamps) {
            return store.withSync(sync -> sync.blockAtOrBeforeTime(chainId, timepoint)).map(BlockHeader::number);
        }
        if (l1Numbers) {
            return store.jdbi().withExtension(MetricsDao.class, dao -> dao.blockAtOrBeforeL1(chainId, timepoint)).map(BlockHeader::number);
        }
        return Optional.of(timepoint);
    }

    private boolean carriesL1Numbers(long chainId) {
        return store.withSync(sync -> sync.blockAtOrBefore(chainId, Long.MAX_VALUE)).map(h -> h.l1BlockNumber() != null).orElse(false);
    }

    /** The token's total supply after each block with a mint or burn (Transfer from or to address 0). */
    private TreeMap<Long, BigInteger> supply(ContractRow token) {
        return supplies.computeIfAbsent(token.chainId() + ":" + token.address(), key -> {
            TreeMap<Long, BigInteger> afterBlock = new TreeMap<>();
            BigInteger supply = BigInteger.ZERO;
            for (MetricsDao.SupplyChange change : store.jdbi().withExtension(MetricsDao.class,
                    dao -> dao.mintsAndBurns(token.chainId(), token.address(), Long.MAX_VALUE))) {
                BigInteger value = new BigInteger(change.value());
                if (change.fromAddress().equals(MetricsDao.ZERO_ADDRESS)) {
                    supply = supply.add(value);
                }
                if (change.toAddress().equals(MetricsDao.ZERO_ADDRESS)) {
                    supply = supply.subtract(value);
                }
                afterBlock.put(change.blockNumber(), supply);
            }
            return afterBlock;
        });
    }

    private Optional<String> stateRead(long chainId, String address, String name, String args) {
        return store.jdbi().withExtension(StateReadDao.class, dao -> dao.latest(chainId, address, name, args, Long.MAX_VALUE))
                .map(StateRead::value);
    }
}
