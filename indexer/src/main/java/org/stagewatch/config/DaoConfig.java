package org.stagewatch.config;

import java.util.List;

/**
 * A DAO: an id used on the command line, a display name, its contracts, and the cross-chain message
 * paths its control runs through, and what its stage rating needs beyond them ({@link StageConfig}),
 * its decentralization milestones ({@link MilestonesConfig}) and its decision map ({@link DecisionConfig}).
 */
public record DaoConfig(String id, String name, List<ContractConfig> contracts, List<MessagePath> messagePaths,
                        StageConfig stage, MilestonesConfig milestones, List<DecisionConfig> decisions) {
    public DaoConfig {
        contracts = List.copyOf(contracts);
        messagePaths = List.copyOf(messagePaths);
        decisions = List.copyOf(decisions);
    }

    /** A DAO without milestones or decisions. */
    public DaoConfig(String id, String name, List<ContractConfig> contracts, List<MessagePath> messagePaths, StageConfig stage) {
        this(id, name, contracts, messagePaths, stage, MilestonesConfig.NONE, List.of());
    }

    /** A DAO without a stage section. */
    public DaoConfig(String id, String name, List<ContractConfig> contracts, List<MessagePath> messagePaths) {
        this(id, name, contracts, messagePaths, StageConfig.NONE);
    }

    /** The same DAO with other contracts (their deployment blocks resolved); every other part is kept. */
    public DaoConfig withContracts(List<ContractConfig> resolved) {
        return new DaoConfig(id, name, resolved, messagePaths, stage, milestones, decisions);
    }

    /** A DAO whose control stays on its own chains. */
    public DaoConfig(String id, String name, List<ContractConfig> contracts) {
        this(id, name, contracts, List.of());
    }
}
