package org.stagewatch.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The contract kinds of DESIGN.md §4, spelled as users write them in the config. */
public enum ContractKind {
    GOVERNOR("governor"),
    VOTES_TOKEN("votes-token"),
    SAFE("safe"),
    TIMELOCK("timelock"),
    PROXY("proxy"),
    OWNABLE("ownable"),
    ACCESS_CONTROL("access-control"),
    UPGRADE_EXECUTOR("upgrade-executor"),
    COUNCIL_MANAGER("council-manager");

    private final String configName;

    ContractKind(String configName) {
        this.configName = configName;
    }

    /** The name used in YAML and in the database, e.g. {@code votes-token}. */
    public String configName() {
        return configName;
    }

    public static Optional<ContractKind> fromConfigName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.configName.equals(name)).findFirst();
    }

    /** "governor, votes-token, …" for error messages. */
    public static String expectedNames() {
        return Arrays.stream(values()).map(ContractKind::configName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return configName;
    }
}
