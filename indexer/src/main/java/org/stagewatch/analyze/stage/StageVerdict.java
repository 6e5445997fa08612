package org.stagewatch.analyze.stage;

import java.util.List;

/**
 * What the stage rules conclude at one point in time.
 *
 * @param stage             the highest stage whose requirements all pass; null when Stage 0's do not
 * @param exitWindowSeconds see {@link ExitWindow}; null when no route to a critical permission exists
 * @param exitWindowRating  none, bad, warning, good or n/a
 * @param missing           the requirements of the next stage that do not pass (empty at Stage 2)
 */
public record StageVerdict(Integer stage, Long exitWindowSeconds, String exitWindowRating, long exitDelaySeconds,
                           List<RequirementResult> requirements, List<String> missing) {
    public StageVerdict {
        requirements = List.copyOf(requirements);
        missing = List.copyOf(missing);
    }

    public String stageLabel() {
        return stage == null ? "not rated: Stage 0 requirements not met" : "Stage " + stage;
    }
}
