package org.stagewatch.analyze.milestones;

import java.util.List;

import org.stagewatch.analyze.control.ChainPoints;

/**
 * The answer of {@code stagewatch milestones} at one point in time (one block per chain; {@code chainId}/{@code block}
 * name the chain of the critical contracts): every phase's progress and every milestone with its status, what
 * blocks it and the evidence its check used. README.md documents every field.
 */
public record MilestonesReport(String dao, long chainId, long block, Long time, List<ChainPoints.Point> at, List<PhaseProgress> phases,
                               List<MilestoneResult> milestones) {
    public MilestonesReport {
        at = List.copyOf(at);
        phases = List.copyOf(phases);
        milestones = List.copyOf(milestones);
    }

    public MilestoneResult milestone(String id) {
        return milestones.stream().filter(result -> result.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no milestone " + id));
    }
}
