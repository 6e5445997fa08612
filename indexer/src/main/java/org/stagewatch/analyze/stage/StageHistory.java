package org.stagewatch.analyze.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.config.StageConfig;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.StageDao;
import org.stagewatch.store.StageDeclaration;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * Where a DAO's stage or any requirement changed over the indexed history. The candidates are the
 * blocks of every indexed fact that can change who controls what (Safe, role, ownership, proxy,
 * timelock-delay and council-manager changes and control readings of the DAO's contracts, on every chain)
 * and every block where one of its probes reads another value than the reading before; each is rated as a
 * point in time (that chain at that block, the others at their last block by its time) in time order, and a
 * point is kept when its stage or a
 * requirement's status differs from the point before, with the facts of that block that caused it.
 * Delegation does not move a requirement (it changes who holds the vote, not whether a route is
 * council-gated or how long it takes), so token events are not candidates.
 */
public final class StageHistory {
    static final List<String> READINGS = List.of(ControlReadings.SAFE_OWNERS, ControlReadings.SAFE_THRESHOLD,
            ControlReadings.SAFE_MODULES, ControlReadings.OWNER, ControlReadings.MIN_DELAY, ControlReadings.IMPLEMENTATION_SLOT,
            ControlReadings.ADMIN_SLOT, ControlReadings.BEACON_SLOT);

    /** A status that moved at this point: from null at the first point. */
    public record RequirementChange(String id, Status from, Status to) {
    }

    /**
     * A point where something changed.
     *
     * @param events what the indexed facts of this block did ("threshold 10 (tx 0x…)"), the cause
     */
    public record Entry(long chainId, long block, Long time, List<String> events, Integer stage, String stageLabel,
                        Integer previousStage, Long exitWindowSeconds, List<RequirementChange> changed) {
    }

    public record Report(String dao, int pointsRated, List<Entry> changes) {
    }

    /** A block to rate; {@code time} orders it among the chains (exact when its header is stored, see {@link #candidate}). */
    private record Candidate(long chainId, long block, long time, boolean timeKnown) {
    }

    private final Store store;

    public StageHistory(Store store) {
        this.store = store;
    }

    public Report history(DaoScope dao) {
        StageAnalyzer analyzer = new StageAnalyzer(store);
        StageDeclaration declaration = analyzer.declaration(dao.daoId());
        Map<Candidate, List<String>> candidates = candidates(dao, declaration);
        List<Long> chains = dao.contracts().stream().map(ContractRow::chainId).distinct().sorted().toList();
        List<Entry> entries = new ArrayList<>();
        StageVerdict previous = null;
        for (Map.Entry<Candidate, List<String>> candidate : candidates.entrySet()) {
            Candidate point = candidate.getKey();
            ChainPoints points = ChainPoints.anchored(store, chains, point.chainId(), point.block(),
                    point.timeKnown() ? point.time() : null, point.time());
            StageVerdict verdict = StageRules.evaluate(analyzer.facts(dao, points));
            List<RequirementChange> changed = new ArrayList<>();
            for (int i = 0; i < verdict.requirements().size(); i++) {
                Status before = previous == null ? null : previous.requirements().get(i).status();
                Status after = verdict.requirements().get(i).status();
                if (before != after) {
                    changed.add(new RequirementChange(verdict.requirements().get(i).id(), before, after));
                }
            }
            if (previous == null || !changed.isEmpty() || !Objects.equals(previous.stage(), verdict.stage())) {
                entries.add(new Entry(point.chainId(), point.block(), point.timeKnown() ? point.time() : null, candidate.getValue(), verdict.stage(),
                        verdict.stageLabel(), previous == null ? null : previous.stage(), verdict.exitWindowSeconds(), changed));
            }
            previous = verdict;
        }
        return new Report(dao.daoId(), candidates.size(), entries);
    }

    /** Every block with a control fact, in time order (then chain, then block), with what its facts did. */
    private Map<Candidate, List<String>> candidates(DaoScope dao, StageDeclaration declaration) {
        Map<Long, List<String>> addressesByChain = new LinkedHashMap<>();
        dao.contracts().forEach(row -> addressesByChain.computeIfAbsent(row.chainId(), chain -> new ArrayList<>()).add(row.address()));
        StageDao rows = store.jdbi().onDemand(StageDao.class);
        Map<Candidate, List<String>> candidates = new TreeMap<>((a, b) -> a.time() != b.time() ? Long.compare(a.time(), b.time())
                : a.chainId() != b.chainId() ? Long.compare(a.chainId(), b.chainId()) : Long.compare(a.block(), b.block()));
        for (Map.Entry<Long, List<String>> chain : addressesByChain.entrySet()) {
            for (StageDao.ControlEvent event : rows.controlEvents(chain.getKey(), chain.getValue(), chain.getValue(), READINGS)) {
                candidates.computeIfAbsent(candidate(event.chainId(), event.blockNumber()), key -> new ArrayList<>())
                        .add(event.description() + " at " + event.address() + (event.txHash() == null ? "" : " (tx " + event.txHash() + ")"));
            }
        }
        probeChanges(declaration, candidates);
        return candidates;
    }

    /**
     * A probe's readings are taken at every control fact of the DAO and on a grid (see the sync's probe reader);
     * a reading is a cause only where its value differs from the reading before (the first reading included).
     */
    private void probeChanges(StageDeclaration declaration, Map<Candidate, List<String>> candidates) {
        StateReadDao reads = store.jdbi().onDemand(StateReadDao.class);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (StageConfig.Probe probe : declaration.stage().probes()) {
            long chainId = declaration.chainId(probe.chain());
            String address = probe.address().toLowerCase(Locale.ROOT);
            String name = StageDeclaration.probeReading(probe.call());
            if (!seen.add(chainId + " " + address + " " + name)) {
                continue;
            }
            String previous = null;
            for (StateRead read : reads.all(chainId, address, name)) {
                if (!read.value().equals(previous)) {
                    candidates.computeIfAbsent(candidate(chainId, read.blockNumber()), key -> new ArrayList<>())
                            .add("probe " + probe.call() + (previous == null ? " read " + read.value() : " " + previous + " → " + read.value())
                                    + " at " + address);
                }
                previous = read.value();
            }
        }
    }

    /**
     * A block to rate, ordered by its own time when its header is stored (every block with an event or a reading
     * has one); else by that of the closest stored block before it, which orders it right among the stored ones.
     */
    private Candidate candidate(long chainId, long block) {
        Optional<BlockHeader> own = store.withSync(sync -> sync.block(chainId, block));
        if (own.isPresent()) {
            return new Candidate(chainId, block, own.get().timestamp(), true);
        }
        long before = store.withSync(sync -> sync.blockAtOrBefore(chainId, block)).map(BlockHeader::timestamp).orElse(0L);
        return new Candidate(chainId, block, before, false);
    }
}
