package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.ContractConfig;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;

/** Recorded start blocks: a found deployment block stands in for a startBlock the config leaves out. */
class ContractRegistryTest {
    private static final String CONFIG = """
            chains:
              devnet: { chainId: 31337, rpc: "http://127.0.0.1:1" }
            daos:
              demo:
                contracts:
                  - { kind: votes-token, chain: devnet, address: "0x0000000000000000000000000000000000000001"%s }
                  - { kind: governor, chain: devnet, address: "0x0000000000000000000000000000000000000002", startBlock: 7 }
            """;

    @TempDir
    Path dir;

    private static StagewatchConfig config(String tokenStart) {
        return ConfigLoader.parse(CONFIG.formatted(tokenStart), Path.of("test.yml"), Map.of());
    }

    private Store storeRecording(StagewatchConfig config) {
        Store store = new Store(Database.open(dir.resolve("registry.db").toString()));
        new ContractRegistry(store).record(config);
        return store;
    }

    private static List<ContractRow> contracts(Store store) {
        return store.withSync(sync -> sync.contracts());
    }

    private static long tokenStart(StagewatchConfig config) {
        return config.daos().get(0).contracts().get(0).startBlock();
    }

    @Test
    void shouldGiveAContractWithoutStartBlockTheBlockRecordedForIt() {
        Store store = storeRecording(config(", startBlock: 1234"));
        StagewatchConfig found = new ContractRegistry(store).withRecordedStartBlocks(config(""));
        assertThat(tokenStart(found)).isEqualTo(1234);
        assertThat(found.daos().get(0).contracts().get(1).startBlock()).isEqualTo(7);
    }

    @Test
    void shouldNotCountALeftOutStartBlockAsADifference() {
        ContractRegistry registry = new ContractRegistry(storeRecording(config(", startBlock: 1234")));
        registry.check(registry.withRecordedStartBlocks(config("")));
        registry.check(registry.withRecordedStartBlocks(config(", startBlock: 1234")));
    }

    @Test
    void shouldStillRefuseAnExplicitStartBlockThatDiffersFromTheRecordedOne() {
        ContractRegistry registry = new ContractRegistry(storeRecording(config(", startBlock: 1234")));
        assertThatThrownBy(() -> registry.check(registry.withRecordedStartBlocks(config(", startBlock: 1000"))))
                .isInstanceOf(SyncException.class).hasMessageContaining(
                        "changed votes-token 0x0000000000000000000000000000000000000001 on chain 31337 in DAO 'demo': start block 1234 → 1000\n");
    }

    @Test
    void shouldNameEveryIndexedFieldThatChanged() {
        ContractRegistry registry = new ContractRegistry(storeRecording(config(", startBlock: 1234")));
        StagewatchConfig changed = ConfigLoader.parse(CONFIG.formatted(", startBlock: 1234, transfers: true")
                .replace("kind: governor", "kind: timelock"), Path.of("test.yml"), Map.of());
        assertThatThrownBy(() -> registry.check(registry.withRecordedStartBlocks(changed))).isInstanceOf(SyncException.class)
                .hasMessageContaining("changed governor 0x0000000000000000000000000000000000000002 on chain 31337 in DAO 'demo': "
                        + "kind governor → timelock\n")
                .hasMessageContaining("changed votes-token 0x0000000000000000000000000000000000000001 on chain 31337 in DAO 'demo': "
                        + "transfers off → on\n");
    }

    /** proxy: true adds the proxy's events and slots to what is indexed for a contract: recorded, and a change refused. */
    @Test
    void shouldRecordAContractBehindAProxyAndRefuseTheFlagChanging() {
        StagewatchConfig proxied = ConfigLoader.parse(CONFIG.formatted(", startBlock: 1234").replace("startBlock: 7 }", "startBlock: 7, proxy: true }"),
                Path.of("test.yml"), Map.of());
        Store store = storeRecording(proxied);
        assertThat(contracts(store)).filteredOn(row -> row.kind().equals("governor")).singleElement()
                .satisfies(governor -> assertThat(governor.proxy()).isTrue());
        assertThat(contracts(store)).filteredOn(row -> row.kind().equals("votes-token")).singleElement()
                .satisfies(token -> assertThat(token.proxy()).isFalse());
        ContractRegistry registry = new ContractRegistry(store);
        registry.check(registry.withRecordedStartBlocks(proxied));
        assertThatThrownBy(() -> registry.check(registry.withRecordedStartBlocks(config(", startBlock: 1234"))))
                .isInstanceOf(SyncException.class).hasMessageContaining(
                        "changed governor 0x0000000000000000000000000000000000000002 on chain 31337 in DAO 'demo': proxy on → off\n");
    }

    /** A label and the critical flag are how a contract is shown and rated, not what was indexed: a change is recorded. */
    @Test
    void shouldAcceptAndRecordANewLabelAndCriticalFlag() {
        Store store = storeRecording(config(", startBlock: 1234"));
        ContractRegistry registry = new ContractRegistry(store);
        StagewatchConfig relabelled = ConfigLoader.parse(CONFIG.formatted(", startBlock: 1234")
                .replace("startBlock: 7 }", "startBlock: 7, label: Core Governor, critical: true }"), Path.of("test.yml"), Map.of());
        registry.check(registry.withRecordedStartBlocks(relabelled));
        registry.record(registry.withRecordedStartBlocks(relabelled));
        ContractRow governor = contracts(store).stream().filter(row -> row.kind().equals("governor")).findFirst().orElseThrow();
        assertThat(governor.label()).isEqualTo("Core Governor");
        assertThat(governor.critical()).isTrue();
        assertThat(governor.startBlock()).isEqualTo(7);
        assertThat(contracts(store)).hasSize(2);
    }

    @Test
    void shouldLeaveAnUnrecordedContractUnresolvedAndRefuseToRecordIt() {
        Store store = new Store(Database.open(dir.resolve("empty.db").toString()));
        ContractRegistry registry = new ContractRegistry(store);
        StagewatchConfig unresolved = registry.withRecordedStartBlocks(config(""));
        assertThat(tokenStart(unresolved)).isEqualTo(ContractConfig.UNKNOWN_START_BLOCK);
        assertThatThrownBy(() -> registry.record(unresolved)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ChainPlan.of(unresolved)).isInstanceOf(IllegalStateException.class);
        assertThat(contracts(store)).isEmpty();
    }

    @Test
    void shouldRecordTheResolvedBlock() {
        StagewatchConfig unresolved = config("");
        StagewatchConfig resolved = unresolved.withDaos(unresolved.daos().stream().map(dao -> dao.withContracts(dao.contracts()
                .stream().map(contract -> contract.hasStartBlock() ? contract : contract.withStartBlock(42)).toList())).toList());
        Store store = storeRecording(resolved);
        assertThat(contracts(store)).extracting(ContractRow::startBlock).containsExactlyInAnyOrder(42L, 7L);
    }
}
