package org.stagewatch.api;

import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.store.Store;

/**
 * The point in time of a control question (paths, stage, councils, equalizer, milestones, decisions) from the
 * request's {@code block}, {@code at} and {@code chain} — the CLI's {@code --block}, {@code --at} and
 * {@code --chain} — resolved on every chain of the DAO, with whether that point is final everywhere
 * ({@link Freshness}): only then is the answer immutable.
 */
@Component
class ControlPoints {
    private final Store store;
    private final Freshness freshness;

    ControlPoints(Store store, Freshness freshness) {
        this.store = store;
        this.freshness = freshness;
    }

    /** A control question's scope, its point on every chain, and how long a client may keep the answer. */
    record ControlPoint(DaoScope scope, ChainPoints points, CacheControl cache) {
    }

    ControlPoint resolve(String dao, String block, String at, String chain) {
        Params.onePoint(block, at);
        Long number = Params.block("block", block);
        Instant instant = Params.instant("at", at);
        Long chainId = Params.block("chain", chain);
        if (chainId != null && number == null) {
            throw new BadParameterException("chain", chain, "a chain id together with block (it says which chain block counts on)");
        }
        DaoScope scope = DaoScope.load(store, dao);
        ChainPoints points = ChainPoints.resolve(store, scope, number, chainId, instant);
        boolean settled = false;
        if (number != null && points.byChain().size() == 1) {
            settled = freshness.blockSettled(points.byChain().keySet().iterator().next(), number);
        } else if (number != null || instant != null) {
            settled = points.byChain().values().stream().allMatch(point -> freshness.timeSettled(point.chainId(), point.timestamp()));
        }
        return new ControlPoint(scope, points, freshness.of(settled));
    }
}
