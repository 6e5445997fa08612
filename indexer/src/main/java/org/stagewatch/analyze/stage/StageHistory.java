package org.stagewatch.analyze.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.config.StageConfig;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.ControlReadings;
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

    private final Store store;

    public StageHistory(Store store) {
        this.store = store;
    }

    public Report history(DaoScope dao) {
        StageAnalyzer analyzer = new StageAnalyzer(store);
        StageDeclaration declaration = analyzer.declaration(dao.daoId());
        Map<ControlTimeline.Point, List<String>> candidates = candidates(dao, declaration);
        List<Long> chains = dao.contracts().stream().map(ContractRow::chainId).distinct().sorted().toList();
        List<Entry> entries = new ArrayList<>();
        StageVerdict previous = null;
        for (Map.Entry<ControlTimeline.Point, List<String>> candidate : candidates.entrySet()) {
            ControlTimeline.Point point = candidate.getKey();
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

    /** Every block with a control fact or a probe reading, in time order (then chain, then block), with what its facts did. */
    private Map<ControlTimeline.Point, List<String>> candidates(DaoScope dao, StageDeclaration declaration) {
        List<ControlTimeline.Probed> probes = new ArrayList<>();
        for (StageConfig.Probe probe : declaration.stage().probes()) {
            probes.add(new ControlTimeline.Probed(declaration.chainId(probe.chain()), probe.address().toLowerCase(Locale.ROOT),
                    StageDeclaration.probeReading(probe.call()), probe.call()));
        }
        return new ControlTimeline(store).points(dao, probes);
    }
}
