package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The presets against the governance topologies they describe (shared/reference/topologies.md, L2BEAT's
 * discovery data, mid-2026): every contract with its chain and kind, which ones are critical, which
 * Safes are councils, the chains and their RPC variables, the start blocks, the message path — and that
 * the jar carries them.
 *
 * <p>Each preset is loaded whole (the stage section is validated like any config's); its stage section is
 * also checked against the contracts and the requirement list here.
 */
class PresetsTest {
    private static final Map<String, String> ENV = Map.of(
            "ETHEREUM_RPC_URL", "https://eth.example/rpc",
            "ARBITRUM_RPC_URL", "https://arb1.example/rpc",
            "OPTIMISM_RPC_URL", "https://oeth.example/rpc");
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Every contract of Arbitrum DAO's table, as chain:address:kind. */
    private static final Set<String> ARBITRUM = Set.of(
            "arb1:0x912CE59144191C1204E64559FE8253a0e49E6548:votes-token",       // ARB token
            "arb1:0xf07DeD9dC292157749B6Fd268E37DF6EA38395B9:governor",          // Core Governor
            "arb1:0x789fC99093B09aD01C34DC7251D0C89ce743e5a4:governor",          // Treasury Governor
            "arb1:0x34d45e99f7D8c45ed05B5cA72D54bbD1fb3F98f0:timelock",          // L2 Core Timelock
            "arb1:0xbFc1FECa8B09A5c5D3EFfE7429eBE24b9c09EF58:timelock",          // Treasury Timelock
            "arb1:0xCF57572261c7c2BCF21ffD220ea7d1a27D40A827:upgrade-executor",  // L2 UpgradeExecutor
            "arb1:0xdb216562328215E010F819B5aBe947bad4ca961e:ownable",           // L2 ProxyAdmin
            "arb1:0xd570aCE65C43af47101fC6250FD6fC63D1c22a86:ownable",           // L2 ProxyAdmin
            "arb1:0x423552c0F05baCCac5Bfa91C6dCF1dc53a0A1641:safe",              // Security Council (L2 emergency)
            "arb1:0xADd68bCb0f66878aB9D37a447C7b9067C5dfa941:safe",              // Security Council (L2 propose)
            "arb1:0xD509E5f5aEe2A205F554f36E8a7d56094494eDFC:council-manager",   // SecurityCouncilManager
            "eth:0xF06E95eF589D9c38af242a8AAee8375f14023F85:safe",               // Security Council (L1)
            "eth:0x3ffFbAdAF827559da092217e474760E2b2c3CeDd:upgrade-executor",   // L1 UpgradeExecutor
            "eth:0x554723262467F125Ac9e1cDFa9Ce15cc53822dbD:ownable",            // L1 ProxyAdmin
            "eth:0xE6841D92B0C345144506576eC13ECf5103aC7f49:timelock",           // L1 Timelock
            "eth:0x8315177aB297bA92A06054cE80a67Ed4DBd7ed3a:proxy",              // Bridge
            "eth:0x0B9857ae2D4A3DBe74ffE1d7DF045bb7F96E4840:proxy",              // Outbox
            "eth:0x4DCeB440657f21083db8aDd07665f8ddBe1DCfc0:proxy",              // RollupProxy
            "eth:0x1c479675ad559DC151F6Ec7ed3FbF8ceE79582B6:proxy");             // SequencerInbox

    /** Bridge, Outbox, SequencerInbox, RollupProxy: their upgrade can block or forge withdrawals. */
    private static final Set<String> ARBITRUM_CRITICAL = Set.of(
            "eth:0x8315177aB297bA92A06054cE80a67Ed4DBd7ed3a", "eth:0x0B9857ae2D4A3DBe74ffE1d7DF045bb7F96E4840",
            "eth:0x1c479675ad559DC151F6Ec7ed3FbF8ceE79582B6", "eth:0x4DCeB440657f21083db8aDd07665f8ddBe1DCfc0");

    /** The L2 emergency council and the L1 council, both 9 of 12. */
    private static final Set<String> ARBITRUM_COUNCILS = Set.of(
            "arb1:0x423552c0F05baCCac5Bfa91C6dCF1dc53a0A1641", "eth:0xF06E95eF589D9c38af242a8AAee8375f14023F85");

    /** Every contract of the Optimism Collective's table, as chain:address:kind. */
    private static final Set<String> OPTIMISM = Set.of(
            "oeth:0x4200000000000000000000000000000000000042:votes-token",       // OP token
            "oeth:0xcDF27F107725988f2261Ce2256bDfCdE8B382B10:governor",          // OP Governor (Agora)
            "oeth:0x4200000000000000000000000000000000000018:ownable",           // L2 ProxyAdmin
            "eth:0xc2819DC788505Aac350142A7A707BF9D03E3Bd03:safe",               // Security Council
            "eth:0x847B5c174615B1B7fDF770882256e2D3E95b9D92:safe",               // Foundation Upgrade Safe
            "eth:0x5a0Aae59D09fccBdDb6C6CcEB07B7279367C3d2A:safe",               // Superchain ProxyAdmin owner
            "eth:0x09f7150D8c019BeF34450d6920f6B3608ceFdAf2:safe",               // Guardian
            "eth:0x543bA4AADBAb8f9025686Bd03993043599c6fB04:ownable",            // Superchain ProxyAdmin
            "eth:0xbEb5Fc579115071764c7423A4f12eDde41f106Ed:proxy",              // OptimismPortal
            "eth:0x229047fed2591dbec1eF1118d64F7aF3dB9EB290:proxy",              // SystemConfig
            "eth:0x99C9fc46f92E8a1c0deC1b1747d010903E884bE1:proxy",              // L1StandardBridge
            "eth:0x25ace71c97B33Cc4729CF772ae268934F7ab5fA1:proxy",              // L1CrossDomainMessenger
            "eth:0xe5965Ab5962eDc7477C8520243A95517CD252fA9:proxy",              // DisputeGameFactory
            "eth:0x95703e0982140D16f8ebA6d158FccEde42f04a4C:proxy");             // SuperchainConfig

    /** Everything the Superchain ProxyAdmin upgrades. */
    private static final Set<String> OPTIMISM_CRITICAL = Set.of(
            "eth:0xbEb5Fc579115071764c7423A4f12eDde41f106Ed", "eth:0x229047fed2591dbec1eF1118d64F7aF3dB9EB290",
            "eth:0x99C9fc46f92E8a1c0deC1b1747d010903E884bE1", "eth:0x25ace71c97B33Cc4729CF772ae268934F7ab5fA1",
            "eth:0xe5965Ab5962eDc7477C8520243A95517CD252fA9", "eth:0x95703e0982140D16f8ebA6d158FccEde42f04a4C");

    private static final Set<String> OPTIMISM_COUNCILS = Set.of("eth:0xc2819DC788505Aac350142A7A707BF9D03E3Bd03");

    /** Requirement ids of shared/reference/stages.md. */
    private static final Set<String> REQUIREMENTS = Set.of("callsItselfRollup", "stateRootsPostedToL1",
            "dataAvailabilityOnL1", "rollupNodeSourceAvailable", "stateVerificationOnL1",
            "fraudProofSystemAtLeast5Outsiders", "principle", "usersCanExitWithoutCooperation", "usersHave7DaysToExit",
            "securityCouncilProperlySetUp", "fraudProofSystemIsPermissionless", "delayWith30DExitWindow",
            "proofSystemOverriddenOnlyInCaseOfABug");

    /** Derived from indexed state, never asserted. */
    private static final Set<String> DERIVED = Set.of("usersHave7DaysToExit", "delayWith30DExitWindow",
            "securityCouncilProperlySetUp");

    /** The preset as packaged, stage section and all, through the same loader and validator as any config. */
    private static StagewatchConfig load(String name) throws IOException {
        return ConfigLoader.parse(Presets.text(name), Presets.source(name), ENV);
    }

    private static JsonNode stage(String name, String dao) throws IOException {
        return YAML.readTree(Presets.text(name)).path("daos").path(dao).path("stage");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static Set<String> lower(Set<String> keys) {
        return keys.stream().map(PresetsTest::lower).collect(Collectors.toSet());
    }

    private static Set<String> contracts(DaoConfig dao) {
        return dao.contracts().stream().map(contract -> lower(contract.chain() + ":" + contract.address() + ":"
                + contract.kind().configName())).collect(Collectors.toSet());
    }

    private static Set<String> where(DaoConfig dao, java.util.function.Predicate<ContractConfig> test) {
        return dao.contracts().stream().filter(test).map(contract -> lower(contract.chain() + ":" + contract.address()))
                .collect(Collectors.toSet());
    }

    private static Set<String> locations(JsonNode list) {
        Set<String> keys = new HashSet<>();
        list.forEach(entry -> keys.add(lower(entry.path("chain").asText() + ":" + entry.path("address").asText())));
        return keys;
    }

    /** config/presets/ of the repository; tests run from the module directory, so look upwards. */
    private static Path presetsDirectory() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path presets = directory.resolve("config/presets");
            if (Files.isDirectory(presets)) {
                return presets;
            }
        }
        throw new IllegalStateException("no config/presets/ above " + Path.of("").toAbsolutePath());
    }

    @Test
    void shouldPackageEveryPresetFileUnderItsName() throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(presetsDirectory())) {
            files = listed.map(path -> path.getFileName().toString()).filter(file -> file.endsWith(".yml"))
                    .map(file -> file.substring(0, file.length() - 4)).sorted().toList();
        }
        assertThat(Presets.NAMES).containsExactlyElementsOf(files);
        for (String name : files) {
            assertThat(Presets.text(name)).as("packaged %s", name)
                    .isEqualTo(Files.readString(presetsDirectory().resolve(name + ".yml")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"arbitrum", "optimism"})
    void shouldLoadWithItsVariablesSetAndNameThePresetAsItsSource(String name) throws IOException {
        StagewatchConfig config = load(name);
        assertThat(config.source()).hasToString("preset:" + name);
        assertThat(config.daos()).singleElement().satisfies(dao -> assertThat(dao.id()).isEqualTo(name));
    }

    @Test
    void shouldCoverArbitrumDaosContractsOnEthereumAndArbitrumOne() throws IOException {
        StagewatchConfig config = load("arbitrum");
        assertThat(config.chains().values()).extracting(ChainConfig::name, ChainConfig::chainId, ChainConfig::parent)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("eth", 1L, null),
                        org.assertj.core.groups.Tuple.tuple("arb1", 42161L, "eth"));
        assertThat(config.chain("eth").rpcUrls()).containsExactly(ENV.get("ETHEREUM_RPC_URL"));
        assertThat(config.chain("arb1").rpcUrls()).containsExactly(ENV.get("ARBITRUM_RPC_URL"));
        DaoConfig dao = config.dao("arbitrum").orElseThrow();
        assertThat(contracts(dao)).isEqualTo(lower(ARBITRUM));
        assertThat(where(dao, ContractConfig::critical)).isEqualTo(lower(ARBITRUM_CRITICAL));
        assertThat(where(dao, ContractConfig::council)).isEqualTo(lower(ARBITRUM_COUNCILS));
    }

    @Test
    void shouldStartOnlyTheArbTokenAtAKnownBlockAndFindTheOthers() throws IOException {
        DaoConfig dao = load("arbitrum").dao("arbitrum").orElseThrow();
        assertThat(dao.contracts()).filteredOn(ContractConfig::hasStartBlock)
                .extracting(ContractConfig::address, ContractConfig::startBlock)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0x912CE59144191C1204E64559FE8253a0e49E6548", 70398215L));
        assertThat(load("optimism").daos().get(0).contracts()).noneMatch(ContractConfig::hasStartBlock);
    }

    @Test
    void shouldRouteTheL2TimelocksMessagesThroughTheOutboxAsTheBridge() throws IOException {
        DaoConfig dao = load("arbitrum").dao("arbitrum").orElseThrow();
        assertThat(dao.messagePaths()).singleElement().satisfies(path -> {
            assertThat(path.fromChain()).isEqualTo("arb1");
            assertThat(path.from()).isEqualTo("0x34d45e99f7D8c45ed05B5cA72D54bbD1fb3F98f0");
            assertThat(path.toChain()).isEqualTo("eth");
            assertThat(path.sender()).isEqualTo("0x8315177aB297bA92A06054cE80a67Ed4DBd7ed3a");
            assertThat(path.delaySeconds()).isEqualTo(549816);
        });
    }

    @Test
    void shouldCoverTheOptimismCollectivesContractsOnEthereumAndOpMainnet() throws IOException {
        StagewatchConfig config = load("optimism");
        assertThat(config.chains().values()).extracting(ChainConfig::name, ChainConfig::chainId, ChainConfig::parent)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("eth", 1L, null),
                        org.assertj.core.groups.Tuple.tuple("oeth", 10L, "eth"));
        assertThat(config.chain("oeth").rpcUrls()).containsExactly(ENV.get("OPTIMISM_RPC_URL"));
        DaoConfig dao = config.dao("optimism").orElseThrow();
        assertThat(contracts(dao)).isEqualTo(lower(OPTIMISM));
        assertThat(where(dao, ContractConfig::critical)).isEqualTo(lower(OPTIMISM_CRITICAL));
        assertThat(where(dao, ContractConfig::council)).isEqualTo(lower(OPTIMISM_COUNCILS));
        assertThat(dao.messagePaths()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arbitrum", "optimism"})
    void shouldDeclareAStageSectionConsistentWithTheContracts(String name) throws IOException {
        DaoConfig dao = load(name).dao(name).orElseThrow();
        JsonNode stage = stage(name, name);
        assertThat(stage.isObject()).as("daos.%s.stage", name).isTrue();
        assertThat(locations(stage.path("councils"))).as("councils").isEqualTo(where(dao, ContractConfig::council));
        stage.path("councils").forEach(council -> {
            assertThat(council.path("announced").asText()).startsWith("https://");
            assertThat(council.path("source").asText()).startsWith("https://");
            assertThat(council.path("outsideTeam").isBoolean()).isTrue();
        });
        List<String> asserted = new ArrayList<>();
        stage.path("assertions").fieldNames().forEachRemaining(asserted::add);
        assertThat(asserted).allMatch(REQUIREMENTS::contains).noneMatch(DERIVED::contains)
                .contains("callsItselfRollup", "stateRootsPostedToL1", "dataAvailabilityOnL1", "rollupNodeSourceAvailable",
                        "stateVerificationOnL1", "usersCanExitWithoutCooperation", "principle",
                        "proofSystemOverriddenOnlyInCaseOfABug");
        stage.path("assertions").forEach(assertion -> {
            assertThat(assertion.path("value").isBoolean()).isTrue();
            assertThat(assertion.path("source").asText()).startsWith("https://");
        });
        assertThat(stage.path("assertions").path("proofSystemOverriddenOnlyInCaseOfABug").path("value").asBoolean()).isFalse();
        Set<String> probed = new HashSet<>();
        stage.path("probes").forEach(probe -> probe.path("requirements").forEach(id -> probed.add(id.asText())));
        assertThat(probed).allMatch(REQUIREMENTS::contains);
        // every requirement a preset speaks to is asserted or probed, never both
        assertThat(probed).doesNotContainAnyElementsOf(asserted);
        Set<String> covered = new HashSet<>(asserted);
        covered.addAll(probed);
        Set<String> expected = new HashSet<>(REQUIREMENTS);
        expected.removeAll(DERIVED);
        assertThat(covered).isEqualTo(expected);
        assertThat(locations(stage.path("treasuries"))).isSubsetOf(where(dao, contract -> true));
        stage.path("exitDelay").forEach(delay -> assertThat(delay.path("source").asText()).startsWith("https://"));
    }

    @Test
    void shouldProbeArbitrumsValidatorWhitelistAndSumItsExitDelays() throws IOException {
        JsonNode stage = stage("arbitrum", "arbitrum");
        assertThat(stage.path("probes")).singleElement().satisfies(probe -> {
            assertThat(lower(probe.path("chain").asText() + ":" + probe.path("address").asText()))
                    .isEqualTo(lower("eth:0x4DCeB440657f21083db8aDd07665f8ddBe1DCfc0"));
            assertThat(probe.path("call").asText()).isEqualTo("validatorWhitelistDisabled()");
            assertThat(probe.path("returns").asText()).isEqualTo("bool");
            assertThat(probe.path("expect").asBoolean()).isTrue();
        });
        long exitDelay = 0;
        for (JsonNode delay : stage.path("exitDelay")) {
            exitDelay += delay.path("seconds").asLong();
        }
        assertThat(exitDelay).isEqualTo(86400 + 549816);
        assertThat(locations(stage.path("treasuries"))).containsExactly(lower("arb1:0xbFc1FECa8B09A5c5D3EFfE7429eBE24b9c09EF58"));
        assertThat(stage(("optimism"), "optimism").path("exitDelay")).singleElement()
                .satisfies(delay -> assertThat(delay.path("seconds").asLong()).isEqualTo(604800));
        assertThat(stage("optimism", "optimism").has("treasuries")).isFalse();
    }

    @Test
    void shouldNameTheMissingVariableAndThePreset() {
        ConfigException exception = catchThrowableOfType(ConfigException.class, () -> Presets.load("optimism", Map.of()));
        assertThat(exception.getMessage()).contains("preset:optimism: chains.eth.rpc: environment variable ETHEREUM_RPC_URL is not set")
                .contains("preset:optimism: chains.oeth.rpc: environment variable OPTIMISM_RPC_URL is not set");
    }

    @Test
    void shouldListTheAvailablePresetsForAnUnknownName() {
        assertThatThrownBy(() -> Presets.load("arbitrun", ENV)).isInstanceOf(ConfigException.class)
                .hasMessage("preset:arbitrun: no such preset (available presets: arbitrum, optimism; or give your own file with --config)");
    }
}
