package org.stagewatch.config;

import java.util.List;

/** A DAO: an id used on the command line, a display name, and its contracts. */
public record DaoConfig(String id, String name, List<ContractConfig> contracts) {
    public DaoConfig {
        contracts = List.copyOf(contracts);
    }
}
