package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.ContractConfig;
import org.stagewatch.config.DaoConfig;
import org.stagewatch.config.MessagePath;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.store.ControlDeclaration;
import org.stagewatch.store.ControlReadDao;
import org.stagewatch.store.MilestoneDao;
import org.stagewatch.store.MilestoneDeclaration;
import org.stagewatch.store.StageDao;
import org.stagewatch.store.StageDeclaration;
import org.stagewatch.store.Store;

/**
 * Records what the config says about control and no event does — designated councils, which chain
 * settles on which, L2→L1 message paths, each DAO's stage section, milestones and decisions — so {@code paths}, {@code council}
 * and {@code stage} need only the database. Unlike the contracts, these may change between runs without re-indexing anything, so
 * each run replaces them.
 */
final class ControlDeclarations {
    private ControlDeclarations() {
    }

    static void record(Store store, StagewatchConfig config) {
        List<ControlDeclaration> rows = new ArrayList<>();
        for (DaoConfig dao : config.daos()) {
            for (ContractConfig contract : dao.contracts()) {
                if (contract.council()) {
                    rows.add(new ControlDeclaration(dao.id(), ControlDeclaration.COUNCIL, chainId(config, contract.chain()),
                            contract.addressKey(), null, null, null, contract.label()));
                }
            }
            for (ChainConfig chain : config.chains().values()) {
                if (chain.parent() != null) {
                    rows.add(new ControlDeclaration(dao.id(), ControlDeclaration.PARENT, chain.chainId(), "",
                            chainId(config, chain.parent()), null, null, chain.name() + " settles on " + chain.parent()));
                }
            }
            for (MessagePath path : dao.messagePaths()) {
                rows.add(new ControlDeclaration(dao.id(), ControlDeclaration.MESSAGE_PATH, chainId(config, path.fromChain()),
                        lower(path.from()), chainId(config, path.toChain()), lower(path.sender()), path.delaySeconds(), path.label()));
            }
        }
        // indexers of other chains of the same database replace them too (with the same rows: they run the same config)
        store.underRegistryLock(() -> {
            store.jdbi().useExtension(ControlReadDao.class, dao -> dao.replaceDeclarations(rows));
            recordStages(store, config);
            recordMilestones(store, config);
        });
    }

    /** Each DAO's milestones and decisions with the chain ids its keys stand for, so those commands need only the database. */
    private static void recordMilestones(Store store, StagewatchConfig config) {
        Map<String, Long> chainIds = new LinkedHashMap<>();
        config.chains().forEach((key, chain) -> chainIds.put(key, chain.chainId()));
        List<String> daoIds = new ArrayList<>();
        List<String> declarations = new ArrayList<>();
        for (DaoConfig dao : config.daos()) {
            daoIds.add(dao.id());
            declarations.add(new MilestoneDeclaration(chainIds, dao.milestones(), dao.decisions()).toJson());
        }
        store.jdbi().useExtension(MilestoneDao.class, dao -> dao.replace(daoIds, declarations));
    }

    /** Each DAO's stage section with the chain ids its keys stand for, so the stage rating needs only the database. */
    private static void recordStages(Store store, StagewatchConfig config) {
        Map<String, Long> chainIds = new LinkedHashMap<>();
        config.chains().forEach((key, chain) -> chainIds.put(key, chain.chainId()));
        List<String> daoIds = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        for (DaoConfig dao : config.daos()) {
            daoIds.add(dao.id());
            stages.add(new StageDeclaration(chainIds, dao.stage()).toJson());
        }
        store.jdbi().useExtension(StageDao.class, dao -> dao.replace(daoIds, stages));
    }

    private static long chainId(StagewatchConfig config, String chain) {
        return config.chain(chain).chainId();
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
