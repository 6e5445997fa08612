package org.stagewatch.analyze.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.StageDao;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * The blocks where a DAO's control can have changed: every indexed fact that can change who controls what
 * (Safe, role, ownership, proxy, timelock-delay and council-manager changes, and control readings of the
 * DAO's contracts, on every chain) plus every block where a probe a caller names reads another value than
 * before (its first reading included), each block with what its facts did ("threshold 10 at 0x… (tx 0x…)",
 * "probe f() false → true at 0x…"), in time order (then chain, then block). Histories rate each of these
 * points; between two of them no control fact moved.
 */
public final class ControlTimeline {
    /**
     * A block of one chain, ordered among the chains by {@code time}: its own header's when stored ({@code timeKnown}),
     * else that of the closest stored block before it, which orders it right among the stored ones.
     */
    public record Point(long chainId, long block, long time, boolean timeKnown) {
        /** The block's own time, or null when its header is not stored. */
        public Long knownTime() {
            return timeKnown ? time : null;
        }
    }

    /** A probe whose readings ({@code state_reads} named {@code reading}) are rated where their value changes. */
    public record Probed(long chainId, String address, String reading, String call) {
    }

    public static final Comparator<Point> ORDER = Comparator.comparingLong(Point::time).thenComparingLong(Point::chainId)
            .thenComparingLong(Point::block);

    /**
     * Facts in chain order; the readings of one block (no log index) by contract, then what was read — in Java, so that
     * every database lists them alike (an ORDER BY leaves ties in whatever order the database finds them).
     */
    private static final Comparator<StageDao.ControlEvent> CHAIN_ORDER = Comparator.comparingLong(StageDao.ControlEvent::blockNumber)
            .thenComparingInt(StageDao.ControlEvent::logIndex).thenComparing(StageDao.ControlEvent::address)
            .thenComparing(StageDao.ControlEvent::description);

    private final Store store;

    public ControlTimeline(Store store) {
        this.store = store;
    }

    public TreeMap<Point, List<String>> points(DaoScope dao, List<Probed> probes) {
        Map<Long, List<String>> addressesByChain = new LinkedHashMap<>();
        dao.contracts().forEach(row -> addressesByChain.computeIfAbsent(row.chainId(), chain -> new ArrayList<>()).add(row.address()));
        StageDao rows = store.jdbi().onDemand(StageDao.class);
        TreeMap<Point, List<String>> points = new TreeMap<>(ORDER);
        for (Map.Entry<Long, List<String>> chain : addressesByChain.entrySet()) {
            List<StageDao.ControlEvent> events = new ArrayList<>(
                    rows.controlEvents(chain.getKey(), chain.getValue(), chain.getValue(), StageHistory.READINGS));
            events.sort(CHAIN_ORDER);
            for (StageDao.ControlEvent event : events) {
                points.computeIfAbsent(point(event.chainId(), event.blockNumber()), key -> new ArrayList<>())
                        .add(event.description() + " at " + event.address() + (event.txHash() == null ? "" : " (tx " + event.txHash() + ")"));
            }
        }
        probeChanges(probes, points);
        return points;
    }

    /**
     * A probe's readings are taken at every control fact of the DAO and on a grid (see the sync's probe reader);
     * a reading is a cause only where its value differs from the reading before (the first reading included).
     */
    private void probeChanges(List<Probed> probes, Map<Point, List<String>> points) {
        StateReadDao reads = store.jdbi().onDemand(StateReadDao.class);
        Set<String> seen = new HashSet<>();
        for (Probed probe : probes) {
            if (!seen.add(probe.chainId() + " " + probe.address() + " " + probe.reading())) {
                continue;
            }
            String previous = null;
            for (StateRead read : reads.all(probe.chainId(), probe.address(), probe.reading())) {
                if (!read.value().equals(previous)) {
                    points.computeIfAbsent(point(probe.chainId(), read.blockNumber()), key -> new ArrayList<>())
                            .add("probe " + probe.call() + (previous == null ? " read " + read.value() : " " + previous + " → " + read.value())
                                    + " at " + probe.address());
                }
                previous = read.value();
            }
        }
    }

    /** The point of a block: ordered by its own time when its header is stored (every block with an event or a reading has one). */
    public Point point(long chainId, long block) {
        Optional<BlockHeader> own = store.withSync(sync -> sync.block(chainId, block));
        if (own.isPresent()) {
            return new Point(chainId, block, own.get().timestamp(), true);
        }
        long before = store.withSync(sync -> sync.blockAtOrBefore(chainId, block)).map(BlockHeader::timestamp).orElse(0L);
        return new Point(chainId, block, before, false);
    }
}
