package org.stagewatch.analyze.milestones;

import java.util.List;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.store.MilestoneDao;
import org.stagewatch.store.MilestoneDeclaration;
import org.stagewatch.store.Store;

/** Where a DAO stands on its declared path at a point in time: its milestone declaration from the store, decided by {@link MilestoneRules}. */
public final class MilestoneAnalyzer {
    private final Store store;

    public MilestoneAnalyzer(Store store) {
        this.store = store;
    }

    /** The DAO's recorded milestones and decisions; an empty declaration when its config has none. */
    public MilestoneDeclaration declaration(String daoId) {
        return store.jdbi().onDemand(MilestoneDao.class).of(daoId);
    }

    public MilestonesReport at(DaoScope dao, ChainPoints points) {
        return at(dao, points, declaration(dao.daoId()));
    }

    MilestonesReport at(DaoScope dao, ChainPoints points, MilestoneDeclaration declaration) {
        MilestoneRules.Verdict verdict = verdict(dao, points, declaration);
        ChainPoints.Point anchor = points.named(dao);
        return new MilestonesReport(dao.daoId(), anchor.chainId(), anchor.block(), anchor.timestamp(),
                List.copyOf(points.byChain().values()), verdict.phases(), verdict.milestones());
    }

    MilestoneRules.Verdict verdict(DaoScope dao, ChainPoints points, MilestoneDeclaration declaration) {
        return MilestoneRules.evaluate(declaration.milestones(), new IndexedMilestoneFacts(store, dao, points, declaration));
    }
}
