package org.stagewatch.analyze.milestones;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.stage.ControlTimeline;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.MilestoneDeclaration;
import org.stagewatch.store.Store;

/**
 * When a decision changed hands: the DAO's decisions rated at every point of its {@link ControlTimeline}
 * (the only blocks where a route can change), keeping the points where a decision's routes — who, through
 * which contracts, with what delay and keys — differ from the point before, with the facts that caused it.
 */
public final class DecisionHistory {
    /** One decision's routes before and after, each as "holder via …; delay s, keys" (before is empty at the first point). */
    public record Change(String id, List<String> before, List<String> after) {
        public Change {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    public record Entry(long chainId, long block, Long time, List<String> events, List<Change> changed) {
        public Entry {
            events = List.copyOf(events);
            changed = List.copyOf(changed);
        }
    }

    public record Report(String dao, int pointsRated, List<Entry> changes) {
        public Report {
            changes = List.copyOf(changes);
        }
    }

    private final Store store;

    public DecisionHistory(Store store) {
        this.store = store;
    }

    public Report history(DaoScope dao) {
        MilestoneDeclaration declaration = new MilestoneAnalyzer(store).declaration(dao.daoId());
        DecisionAnalyzer analyzer = new DecisionAnalyzer(store);
        List<Long> chains = dao.contracts().stream().map(ContractRow::chainId).distinct().sorted().toList();
        var points = new ControlTimeline(store).points(dao, List.of());
        Map<String, List<String>> previous = null;
        List<Entry> entries = new ArrayList<>();
        for (var candidate : points.entrySet()) {
            ControlTimeline.Point point = candidate.getKey();
            DecisionsReport report = analyzer.at(dao, ChainPoints.anchored(store, chains, point.chainId(), point.block(), point.knownTime(), point.time()),
                    declaration);
            Map<String, List<String>> routes = new LinkedHashMap<>();
            report.decisions().forEach(decision -> routes.put(decision.id(), summary(decision)));
            List<Change> changed = new ArrayList<>();
            for (Map.Entry<String, List<String>> decision : routes.entrySet()) {
                List<String> before = previous == null ? List.of() : previous.getOrDefault(decision.getKey(), List.of());
                if (previous == null || !Objects.equals(before, decision.getValue())) {
                    changed.add(new Change(decision.getKey(), before, decision.getValue()));
                }
            }
            if (!changed.isEmpty()) {
                entries.add(new Entry(point.chainId(), point.block(), point.knownTime(), candidate.getValue(), changed));
            }
            previous = routes;
        }
        return new Report(dao.daoId(), points.size(), entries);
    }

    /** A decision's routes as sorted lines, so two points compare by content. */
    static List<String> summary(DecisionsReport.Decision decision) {
        TreeSet<String> lines = new TreeSet<>();
        for (DecisionsReport.Permission permission : decision.permissions()) {
            for (DecisionsReport.Holder holder : permission.routes()) {
                lines.add(permission.label() + " " + permission.permission() + ": " + holder.holder() + " via "
                        + String.join(" ← ", holder.via()) + "; " + holder.delaySeconds() + " s, " + holder.keys() + " keys");
            }
            if (!permission.known()) {
                lines.add(permission.label() + " " + permission.permission() + ": not indexed yet");
            }
        }
        return List.copyOf(lines);
    }
}
