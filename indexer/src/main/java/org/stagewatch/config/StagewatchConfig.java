package org.stagewatch.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded and validated config file. Immutable; built only by {@link ConfigLoader}.
 *
 * @param source the file it came from (named in every message about it)
 * @param chains chains by their config key, in file order
 * @param daos   DAOs in file order
 */
public record StagewatchConfig(Path source, Map<String, ChainConfig> chains, List<DaoConfig> daos) {
    public StagewatchConfig {
        chains = Collections.unmodifiableMap(new LinkedHashMap<>(chains));
        daos = List.copyOf(daos);
    }

    /** The same config with other DAOs (their contracts' deployment blocks resolved). */
    public StagewatchConfig withDaos(List<DaoConfig> resolved) {
        return new StagewatchConfig(source, chains, resolved);
    }

    public Optional<DaoConfig> dao(String id) {
        return daos.stream().filter(dao -> dao.id().equals(id)).findFirst();
    }

    public ChainConfig chain(String key) {
        ChainConfig chain = chains.get(key);
        if (chain == null) {
            throw new IllegalArgumentException("no chain '" + key + "' in " + source);
        }
        return chain;
    }
}
