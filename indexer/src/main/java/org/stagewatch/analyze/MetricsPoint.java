package org.stagewatch.analyze;

import java.math.BigDecimal;
import java.time.Instant;

import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.power.Shares;

/**
 * Voting-power concentration of a DAO's token at one block: per address and, with a label file, per
 * entity; the quorum {@code nakamoto.quorum} was measured against and the total supply, when known.
 *
 * @param timestamp the block's own time (its stored header's), or null when the store lacks that header
 * @param timeNote  why the time is unknown, or what the block stands for when {@code --at} fell between stored
 *                  blocks ({@link PointInTime#timeNote}); null when the point is exact
 * @param sampledAt the instant a time-based series asked for (null otherwise); {@code block} is the last
 *                  indexed block at or before it and {@code timestamp} that block's time
 */
public record MetricsPoint(String dao, long chainId, String token, long block, Long timestamp, String timeNote, Instant sampledAt,
                           Concentration byAddress, QuorumLookup.Quorum quorum, SupplyLookup.Supply supply,
                           Concentration byEntity) {

    /** T / total supply: how much of the supply is delegated (null when the supply is unknown or zero). */
    public BigDecimal delegatedShareOfSupply() {
        if (supply == null || supply.value().signum() == 0) {
            return null;
        }
        return Shares.of(byAddress.totalVotingPower(), supply.value());
    }
}
