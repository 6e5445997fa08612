package org.stagewatch.analyze.milestones;

import java.util.List;

import org.stagewatch.analyze.stage.Evidence;
import org.stagewatch.analyze.stage.Status;

/**
 * One milestone at a point in time.
 *
 * @param after     the milestones it depends on
 * @param blockedBy the dependencies not achieved (empty unless blocked)
 * @param check     the check's own outcome, whatever the dependencies
 * @param evidence  the facts the check read, the deciding ones first
 */
public record MilestoneResult(String id, String title, String phase, List<String> after, String source, MilestoneStatus status,
                              List<String> blockedBy, Status check, List<Evidence> evidence) {
    public MilestoneResult {
        after = List.copyOf(after);
        blockedBy = List.copyOf(blockedBy);
        evidence = List.copyOf(evidence);
    }
}
