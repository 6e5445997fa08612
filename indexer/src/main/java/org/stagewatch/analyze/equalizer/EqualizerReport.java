package org.stagewatch.analyze.equalizer;

import java.util.List;

import org.stagewatch.analyze.control.ChainPoints;

/**
 * The answer of {@code stagewatch equalizer} at one point in time: the six dimensions in a fixed order
 * (votingPower, upgradeControl, securityCouncil, treasuryControl, proposalAccess, participation).
 *
 * @param sampledAt for a time-based series, the instant asked for (unix seconds), else null
 */
public record EqualizerReport(String dao, long chainId, long block, Long time, Long sampledAt, List<ChainPoints.Point> at,
                              List<Dimension> dimensions) {
    public EqualizerReport {
        at = List.copyOf(at);
        dimensions = List.copyOf(dimensions);
    }

    public Dimension dimension(String name) {
        return dimensions.stream().filter(dimension -> dimension.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dimension " + name));
    }
}
