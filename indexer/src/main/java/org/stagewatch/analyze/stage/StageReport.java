package org.stagewatch.analyze.stage;

import java.util.List;

import org.stagewatch.analyze.control.ChainPoints;

/**
 * The answer of {@code stagewatch stage}: every requirement with its status, source and evidence, the
 * exit window and its rating, the stage and what the next one misses, at one point in time (one block
 * per chain; {@code chainId}/{@code block} name the chain of the critical contracts). README.md
 * documents every field.
 *
 * @param stage null when Stage 0's requirements do not all pass
 */
public record StageReport(String dao, long chainId, long block, Long time, List<ChainPoints.Point> at, Integer stage, String stageLabel,
                          Long exitWindowSeconds, String exitWindowRating, long exitDelaySeconds,
                          List<RequirementResult> requirements, List<String> missing) {
    public StageReport {
        at = List.copyOf(at);
        requirements = List.copyOf(requirements);
        missing = List.copyOf(missing);
    }

    static StageReport of(String dao, ChainPoints.Point anchor, List<ChainPoints.Point> at, StageVerdict verdict) {
        return new StageReport(dao, anchor.chainId(), anchor.block(), anchor.timestamp(), at, verdict.stage(), verdict.stageLabel(),
                verdict.exitWindowSeconds(), verdict.exitWindowRating(), verdict.exitDelaySeconds(), verdict.requirements(),
                verdict.missing());
    }

    public RequirementResult requirement(String id) {
        return requirements.stream().filter(result -> result.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no requirement " + id));
    }
}
