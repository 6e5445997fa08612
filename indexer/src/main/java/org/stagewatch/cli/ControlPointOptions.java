package org.stagewatch.cli;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The point in time of a question that spans chains: {@code --block N} (of {@code --chain ID} when the
 * DAO spans several chains), or {@code --at ISO-8601} on every chain; neither means each chain's head.
 */
final class ControlPointOptions {
    @Mixin
    PointInTimeOptions pointInTime;

    @Option(names = "--chain", paramLabel = "ID", description = "the chain id --block counts on, when the DAO spans several chains")
    Long chain;

    ChainPoints resolve(Store store, DaoScope dao) {
        if (chain != null && pointInTime.block == null) {
            throw new UserError("--chain " + chain + " says which chain --block counts on: give --block N too");
        }
        return ChainPoints.resolve(store, dao, pointInTime.block, chain, pointInTime.instant());
    }

    /** One block of a {@code --blocks} list, on the chain {@code --chain} names (as {@code --block N} is). */
    ChainPoints resolve(Store store, DaoScope dao, long block) {
        return ChainPoints.resolve(store, dao, block, chain, null);
    }
}
