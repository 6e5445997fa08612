package org.stagewatch.analyze.milestones;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stagewatch.analyze.stage.Evidence;
import org.stagewatch.analyze.stage.Status;
import org.stagewatch.config.MilestonesConfig;

/**
 * Resolves milestone statuses over their dependencies: each check is decided by {@link CheckEvaluator};
 * a milestone with a dependency not achieved is blocked (naming it), else achieved, ready or unknown as
 * its check passed, failed or is unknown. Dependencies are resolved before their dependents, whatever
 * the order of declaration. On a cycle (which the config validator refuses) the dependency met again counts
 * as unknown, so no milestone on it is ever achieved.
 */
public final class MilestoneRules {
    /** Statuses of every milestone (in declaration order) and the progress of every phase (in phase order). */
    public record Verdict(List<MilestoneResult> milestones, List<PhaseProgress> phases) {
        public Verdict {
            milestones = List.copyOf(milestones);
            phases = List.copyOf(phases);
        }
    }

    private MilestoneRules() {
    }

    public static Verdict evaluate(MilestonesConfig config, MilestoneFacts facts) {
        CheckEvaluator evaluator = new CheckEvaluator(facts);
        Map<String, MilestonesConfig.Milestone> byId = new LinkedHashMap<>();
        config.milestones().forEach(milestone -> byId.put(milestone.id(), milestone));
        Map<String, MilestoneResult> resolved = new HashMap<>();
        for (MilestonesConfig.Milestone milestone : config.milestones()) {
            resolve(milestone, byId, resolved, new ArrayList<>(), evaluator);
        }
        List<MilestoneResult> results = config.milestones().stream().map(milestone -> resolved.get(milestone.id())).toList();
        List<PhaseProgress> phases = new ArrayList<>();
        for (MilestonesConfig.Phase phase : config.phases()) {
            List<MilestoneResult> in = results.stream().filter(result -> result.phase().equals(phase.id())).toList();
            int achieved = (int) in.stream().filter(result -> result.status() == MilestoneStatus.ACHIEVED).count();
            phases.add(new PhaseProgress(phase.id(), phase.title(), phase.order(), achieved, in.size(), achieved == in.size()));
        }
        return new Verdict(results, phases);
    }

    private static MilestoneResult resolve(MilestonesConfig.Milestone milestone, Map<String, MilestonesConfig.Milestone> byId,
                                           Map<String, MilestoneResult> resolved, List<String> trail, CheckEvaluator evaluator) {
        MilestoneResult known = resolved.get(milestone.id());
        if (known != null) {
            return known;
        }
        if (trail.contains(milestone.id())) {
            return new MilestoneResult(milestone.id(), milestone.title(), milestone.phase(), milestone.after(), milestone.source(),
                    MilestoneStatus.UNKNOWN, List.of(), Status.UNKNOWN, List.of(Evidence.fact("after", "on a cycle: "
                    + String.join(" → ", trail) + " → " + milestone.id())));
        }
        trail.add(milestone.id());
        List<String> blockedBy = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (String dependency : milestone.after()) {
            MilestonesConfig.Milestone other = byId.get(dependency);
            MilestoneStatus status = other == null ? MilestoneStatus.UNKNOWN : resolve(other, byId, resolved, trail, evaluator).status();
            if (status != MilestoneStatus.ACHIEVED) {
                blockedBy.add(dependency);
                evidence.add(Evidence.fact("dependency " + dependency, other == null ? "not declared" : status.toString()));
            }
        }
        trail.remove(trail.size() - 1);
        CheckResult check = evaluator.evaluate(milestone.check());
        evidence.addAll(check.evidence());
        MilestoneStatus status = !blockedBy.isEmpty() ? MilestoneStatus.BLOCKED : switch (check.status()) {
            // a requirement L2BEAT marks not applicable does not hold a stage back, so it does not hold a milestone back
            case PASSED, NOT_APPLICABLE -> MilestoneStatus.ACHIEVED;
            case FAILED -> MilestoneStatus.READY;
            case UNKNOWN -> MilestoneStatus.UNKNOWN;
        };
        MilestoneResult result = new MilestoneResult(milestone.id(), milestone.title(), milestone.phase(), milestone.after(),
                milestone.source(), status, blockedBy, check.status(), evidence);
        resolved.put(milestone.id(), result);
        return result;
    }
}
