package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.config.ContractConfig;
import org.stagewatch.config.DaoConfig;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Store;

/**
 * Records the configured contracts in the database on the first run and, on later runs, refuses a
 * config whose contracts differ from those the database was built with in what was indexed for them
 * (which contracts, their kind, start block, {@code transfers} and {@code proxy}): the checkpoints cover only the
 * recorded set, so a new contract or an earlier start block would silently lack history.
 * A contract the config gives no start block takes the block recorded for it (its deployment block,
 * found on the first run), so leaving {@code startBlock} out never counts as a difference. A changed
 * {@code label} or {@code critical} is how a contract is shown and rated, not what was indexed: it is
 * accepted and recorded.
 */
public final class ContractRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ContractRegistry.class);

    private final Store store;
    /** The chains whose recorded contracts this run compares and records (null: all); other chains belong to other indexers. */
    private final Set<Long> scope;

    public ContractRegistry(Store store) {
        this(store, null);
    }

    /**
     * @param scope the chain ids of the config (or of the chains this indexer was told to index): the contracts recorded
     *              on other chains were recorded by indexers of other chains sharing the database and are left alone
     */
    public ContractRegistry(Store store, Set<Long> scope) {
        this.store = store;
        this.scope = scope;
    }

    private List<ContractRow> recorded() {
        return store.withSync(sync -> sync.contracts()).stream()
                .filter(row -> scope == null || scope.contains(row.chainId())).toList();
    }

    /**
     * {@code config} with the recorded start block on every contract that has none in the config and was
     * recorded (same DAO, chain and address); other contracts as they are.
     */
    public StagewatchConfig withRecordedStartBlocks(StagewatchConfig config) {
        Map<String, Long> recorded = store.withSync(sync -> sync.contracts()).stream()
                .collect(Collectors.toMap(ContractRegistry::key, ContractRow::startBlock));
        if (recorded.isEmpty()) {
            return config;
        }
        List<DaoConfig> daos = new ArrayList<>();
        for (DaoConfig dao : config.daos()) {
            daos.add(dao.withContracts(dao.contracts().stream().map(contract -> {
                Long block = recorded.get(key(dao.id(), config.chain(contract.chain()).chainId(), contract.addressKey()));
                return contract.hasStartBlock() || block == null ? contract : contract.withStartBlock(block);
            }).toList()));
        }
        return config.withDaos(daos);
    }

    /** Refuses a config that differs from the recorded contracts; writes nothing. */
    public void check(StagewatchConfig config) {
        List<ContractRow> recorded = recorded();
        if (!recorded.isEmpty()) {
            compare(config, recorded, rows(config));
        }
    }

    /**
     * Records the config's contracts on a first run (after {@link #check}), each with its start block; on later
     * runs records a changed label or critical flag.
     */
    public void record(StagewatchConfig config) {
        for (DaoConfig dao : config.daos()) {
            for (ContractConfig contract : dao.contracts()) {
                if (!contract.hasStartBlock()) {
                    throw new IllegalStateException("the start block of " + contract.address() + " is not resolved yet");
                }
            }
        }
        List<ContractRow> recorded = recorded();
        List<ContractRow> wanted = rows(config);
        if (recorded.isEmpty()) {
            store.withSync(sync -> {
                sync.insertContracts(wanted);
                return null;
            });
            return;
        }
        Map<String, ContractRow> recordedByKey = recorded.stream().collect(Collectors.toMap(ContractRegistry::key, Function.identity()));
        for (ContractRow now : wanted) {
            ContractRow before = recordedByKey.get(key(now));
            if (before != null && (!Objects.equals(before.label(), now.label()) || before.critical() != now.critical())) {
                store.withSync(sync -> {
                    sync.updatePresentation(now);
                    return null;
                });
                LOG.info("{} {} in DAO '{}': {}", now.kind(), now.address(), now.daoId(),
                        String.join(", ", presentationChanges(before, now)));
            }
        }
    }

    private void compare(StagewatchConfig config, List<ContractRow> recorded, List<ContractRow> wanted) {
        Map<String, ContractRow> recordedByKey = recorded.stream().collect(Collectors.toMap(ContractRegistry::key, Function.identity()));
        Map<String, ContractRow> wantedByKey = wanted.stream().collect(Collectors.toMap(ContractRegistry::key, Function.identity()));
        List<String> differences = new ArrayList<>();
        Set<String> keys = new HashSet<>(recordedByKey.keySet());
        keys.addAll(wantedByKey.keySet());
        keys.stream().sorted().forEach(key -> {
            ContractRow before = recordedByKey.get(key);
            ContractRow now = wantedByKey.get(key);
            if (before == null) {
                differences.add("added " + describe(now));
            } else if (now == null) {
                differences.add("removed " + describe(before));
            } else if (!indexedChanges(before, now).isEmpty()) {
                differences.add("changed %s %s on chain %d in DAO '%s': %s".formatted(before.kind(), before.address(),
                        before.chainId(), before.daoId(), String.join(", ", indexedChanges(before, now))));
            }
        });
        if (!differences.isEmpty()) {
            throw new SyncException("the contracts in %s differ from those %s was indexed with:%n  %s%n"
                    .formatted(config.source(), store.database().location(), String.join("\n  ", differences))
                    + "The checkpoints cover only the recorded contracts, so indexing on would leave gaps. "
                    + "Index into a fresh --db (or delete this one) to index the new set from its start blocks; "
                    + "the existing data was not changed.");
        }
    }

    /** What changed in what was indexed for a contract: its kind, start block, transfers, proxy. */
    private static List<String> indexedChanges(ContractRow before, ContractRow now) {
        List<String> changes = new ArrayList<>();
        if (!before.kind().equals(now.kind())) {
            changes.add("kind " + before.kind() + " → " + now.kind());
        }
        if (before.startBlock() != now.startBlock()) {
            changes.add(startBlock(before) + " → " + startBlock(now).replace("start block ", ""));
        }
        if (before.transfers() != now.transfers()) {
            changes.add("transfers " + onOff(before.transfers()) + " → " + onOff(now.transfers()));
        }
        if (before.proxy() != now.proxy()) {
            changes.add("proxy " + onOff(before.proxy()) + " → " + onOff(now.proxy()));
        }
        return changes;
    }

    private static List<String> presentationChanges(ContractRow before, ContractRow now) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(before.label(), now.label())) {
            changes.add("label '%s' → '%s'".formatted(before.label(), now.label()));
        }
        if (before.critical() != now.critical()) {
            changes.add("critical " + before.critical() + " → " + now.critical());
        }
        return changes;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static String startBlock(ContractRow row) {
        return row.startBlock() == ContractConfig.UNKNOWN_START_BLOCK ? "start block not given" : "start block " + row.startBlock();
    }

    private static List<ContractRow> rows(StagewatchConfig config) {
        List<ContractRow> rows = new ArrayList<>();
        for (DaoConfig dao : config.daos()) {
            dao.contracts().forEach(contract -> rows.add(new ContractRow(dao.id(), config.chain(contract.chain()).chainId(),
                    contract.addressKey(), contract.kind().configName(), contract.label(), contract.startBlock(),
                    contract.critical(), contract.transfers(), contract.proxy())));
        }
        return rows;
    }

    private static String key(ContractRow row) {
        return key(row.daoId(), row.chainId(), row.address());
    }

    private static String key(String daoId, long chainId, String address) {
        return daoId + "/" + chainId + "/" + address;
    }

    private static String describe(ContractRow row) {
        return "%s %s on chain %d in DAO '%s' (%s%s%s)".formatted(row.kind(), row.address(), row.chainId(),
                row.daoId(), startBlock(row), row.transfers() ? ", transfers" : "", row.proxy() ? ", behind a proxy" : "");
    }
}
