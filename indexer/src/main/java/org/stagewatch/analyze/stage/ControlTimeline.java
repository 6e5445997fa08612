package org.stagewatch.analyze.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.StageDao;
import org.stagewatch.store.Store;

/**
 * The blocks where a DAO's control can have changed: every indexed fact that can change who controls what
 * (Safe, role, ownership, proxy, timelock-delay and council-manager changes, and control readings of the
 * DAO's contracts, on every chain) plus the probe readings a caller names, each block with what its facts
 * did ("threshold 10 at 0x… (tx 0x…)"), in time order (then chain, then block). Histories rate each of these
 * points; between two of them no control fact moved.
 */
public final class ControlTimeline {
    /** A block of one chain and its time (unix seconds). */
    public record Point(long chainId, long block, long time) {
    }

    public static final Comparator<Point> ORDER = Comparator.comparingLong(Point::time).thenComparingLong(Point::chainId)
            .thenComparingLong(Point::block);

    private final Store store;

    public ControlTimeline(Store store) {
        this.store = store;
    }

    /**
     * @param probedByChain  addresses of probed contracts by chain id, beyond the DAO's own
     * @param probeReadings  the state_reads names of the probes ({@code probe:<call>})
     */
    public TreeMap<Point, List<String>> points(DaoScope dao, Map<Long, List<String>> probedByChain, List<String> probeReadings) {
        Map<Long, List<String>> addressesByChain = new LinkedHashMap<>();
        dao.contracts().forEach(row -> addressesByChain.computeIfAbsent(row.chainId(), chain -> new ArrayList<>()).add(row.address()));
        List<String> readings = new ArrayList<>(StageHistory.READINGS);
        readings.addAll(probeReadings);
        StageDao rows = store.jdbi().onDemand(StageDao.class);
        TreeMap<Point, List<String>> points = new TreeMap<>(ORDER);
        for (Map.Entry<Long, List<String>> chain : addressesByChain.entrySet()) {
            List<String> probed = new ArrayList<>(chain.getValue());
            probed.addAll(probedByChain.getOrDefault(chain.getKey(), List.of()));
            for (StageDao.ControlEvent event : rows.controlEvents(chain.getKey(), chain.getValue(), probed, readings)) {
                Point point = new Point(event.chainId(), event.blockNumber(), time(event.chainId(), event.blockNumber()));
                points.computeIfAbsent(point, key -> new ArrayList<>()).add(event.description() + " at " + event.address()
                        + (event.txHash() == null ? "" : " (tx " + event.txHash() + ")"));
            }
        }
        return points;
    }

    /** The block's time; for a block whose header was not stored, that of the closest stored block before it. */
    public long time(long chainId, long block) {
        return store.withSync(sync -> sync.block(chainId, block).or(() -> sync.blockAtOrBefore(chainId, block)))
                .map(BlockHeader::timestamp).orElse(0L);
    }
}
