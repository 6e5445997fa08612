package org.stagewatch.analyze.milestones;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.stage.ControlTimeline;
import org.stagewatch.analyze.stage.StageAnalyzer;
import org.stagewatch.config.MilestoneCheck;
import org.stagewatch.config.MilestonesConfig;
import org.stagewatch.config.StageConfig;
import org.stagewatch.project.Rows;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.GovernanceDao;
import org.stagewatch.store.MilestoneDeclaration;
import org.stagewatch.store.StageDeclaration;
import org.stagewatch.store.Store;

/**
 * Where any milestone's status or any phase's progress changed over the indexed history. The points rated
 * are those of the stage history ({@link ControlTimeline}: every block with a control fact of the DAO's
 * contracts, and the readings of stage and milestone probes) plus every block where one of its governors
 * executed a proposal; each is rated as a point in time (that chain at that block, the others at their last
 * block by its time), and a point is kept when a status or a phase's count differs from the point before,
 * with the facts of that block that caused it. Voting power moves with every delegation and is not a
 * candidate of its own: a metric check's change is dated at the next point rated, and so is the end of an
 * activity window.
 */
public final class MilestoneHistory {
    /**
     * A status that moved at this point: from null at the first point.
     *
     * @param seenAt true when the milestone (or a dependency) reads voting power or an activity window, which move
     *               between rated points: the change happened at or before this point, not necessarily at it
     */
    public record Change(String id, MilestoneStatus from, MilestoneStatus to, List<String> blockedBy, boolean seenAt) {
        public Change {
            blockedBy = List.copyOf(blockedBy);
        }
    }

    /** @param events what the indexed facts of this block did, the cause */
    public record Entry(long chainId, long block, Long time, List<String> events, List<Change> changed, List<PhaseProgress> phases) {
        public Entry {
            events = List.copyOf(events);
            changed = List.copyOf(changed);
            phases = List.copyOf(phases);
        }
    }

    public record Report(String dao, int pointsRated, List<Entry> changes) {
        public Report {
            changes = List.copyOf(changes);
        }
    }

    private final Store store;

    public MilestoneHistory(Store store) {
        this.store = store;
    }

    public Report history(DaoScope dao) {
        MilestoneAnalyzer analyzer = new MilestoneAnalyzer(store);
        MilestoneDeclaration declaration = analyzer.declaration(dao.daoId());
        TreeMap<ControlTimeline.Point, List<String>> points = candidates(dao, declaration);
        List<Long> chains = dao.contracts().stream().map(ContractRow::chainId).distinct().sorted().toList();
        Set<String> drifting = drifting(declaration.milestones());
        List<Entry> entries = new ArrayList<>();
        MilestoneRules.Verdict previous = null;
        for (Map.Entry<ControlTimeline.Point, List<String>> candidate : points.entrySet()) {
            ControlTimeline.Point point = candidate.getKey();
            MilestoneRules.Verdict verdict = analyzer.verdict(dao,
                    ChainPoints.anchored(store, chains, point.chainId(), point.block(), point.knownTime(), point.time()), declaration);
            List<Change> changed = new ArrayList<>();
            for (int i = 0; i < verdict.milestones().size(); i++) {
                MilestoneResult after = verdict.milestones().get(i);
                MilestoneStatus before = previous == null ? null : previous.milestones().get(i).status();
                if (before != after.status()) {
                    changed.add(new Change(after.id(), before, after.status(), after.blockedBy(), drifting.contains(after.id())));
                }
            }
            boolean phasesMoved = previous == null || !Objects.equals(previous.phases(), verdict.phases());
            if (!changed.isEmpty() || phasesMoved) {
                entries.add(new Entry(point.chainId(), point.block(), point.knownTime(), candidate.getValue(), changed, verdict.phases()));
            }
            previous = verdict;
        }
        return new Report(dao.daoId(), points.size(), entries);
    }

    /** Milestones whose status can move between rated points: they or a dependency read a metric or an activity window. */
    static Set<String> drifting(MilestonesConfig config) {
        Set<String> drifting = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (MilestonesConfig.Milestone milestone : config.milestones()) {
                if (!drifting.contains(milestone.id()) && (drifts(milestone.check()) || milestone.after().stream().anyMatch(drifting::contains))) {
                    grew = drifting.add(milestone.id());
                }
            }
        }
        return drifting;
    }

    private static boolean drifts(MilestoneCheck check) {
        return switch (check) {
            case MilestoneCheck.MetricCheck metric -> true;
            case MilestoneCheck.ActivityCheck activity -> activity.windowDays() != null;
            case MilestoneCheck.All all -> all.checks().stream().anyMatch(MilestoneHistory::drifts);
            case MilestoneCheck.Any any -> any.checks().stream().anyMatch(MilestoneHistory::drifts);
            default -> false;
        };
    }

    private TreeMap<ControlTimeline.Point, List<String>> candidates(DaoScope dao, MilestoneDeclaration declaration) {
        List<ControlTimeline.Probed> probes = new ArrayList<>();
        StageDeclaration stage = new StageAnalyzer(store).declaration(dao.daoId());
        for (StageConfig.Probe probe : stage.stage().probes()) {
            probes.add(new ControlTimeline.Probed(stage.chainId(probe.chain()), probe.address().toLowerCase(Locale.ROOT),
                    StageDeclaration.probeReading(probe.call()), probe.call()));
        }
        for (MilestoneCheck.ProbeCheck probe : declaration.milestones().probes()) {
            probes.add(new ControlTimeline.Probed(declaration.chainId(probe.chain()), probe.address().toLowerCase(Locale.ROOT),
                    StageDeclaration.probeReading(probe.call()), probe.call()));
        }
        ControlTimeline timeline = new ControlTimeline(store);
        TreeMap<ControlTimeline.Point, List<String>> points = timeline.points(dao, probes);
        GovernanceDao governance = store.jdbi().onDemand(GovernanceDao.class);
        for (ContractRow governor : dao.governors()) {
            for (Rows.ProposalEvent event : governance.proposalEvents(governor.chainId(), governor.address(), Long.MAX_VALUE)) {
                if (event.event().equals("executed")) {
                    ControlTimeline.Point point = timeline.point(event.chainId(), event.blockNumber());
                    points.computeIfAbsent(point, key -> new ArrayList<>()).add("proposal " + event.proposalId() + " executed at "
                            + governor.address() + " (tx " + event.txHash() + ")");
                }
            }
        }
        return points;
    }
}
