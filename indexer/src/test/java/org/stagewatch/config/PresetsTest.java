package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.assertj.core.groups.Tuple;
import org.stagewatch.analyze.stage.CouncilSetup;
import org.stagewatch.analyze.stage.StageFacts;
import org.stagewatch.analyze.stage.Status;
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
 *
 * <p>Then each preset is checked against facts transcribed from L2BEAT's discovery (test resources
 * {@code l2beat/*-discovered-facts.json}, each naming its repository, path, commit, timestamp and blocks):
 * every contract is one L2BEAT discovered, of the kind its implementation says; every bridge, escrow and
 * proof contract L2BEAT marks critical is critical here, and every admin of one is declared; the councils'
 * members and thresholds as discovered make the council properly set up with the preset's statements; the
 * exit delays and message path are the discovered delays; assertions say what L2BEAT's checklist says and
 * probes pass on the discovered values.
 *
 * <p>The milestone and decision sections likewise: every address they name is one L2BEAT discovered or a
 * contract of the DAO, every milestone probe expects what L2BEAT reads, the MintManager statement matches the
 * Safes L2BEAT finds behind it, and every milestone, assertion and decision cites a page, not a site's front page.
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
            "arb1:0xd570aCE65C43af47101fC6250FD6fC63D1c22a86:ownable",           // L2 gateways ProxyAdmin
            "arb1:0x423552c0F05baCCac5Bfa91C6dCF1dc53a0A1641:safe",              // Security Council (L2 emergency)
            "arb1:0xADd68bCb0f66878aB9D37a447C7b9067C5dfa941:safe",              // Security Council (L2 propose)
            "arb1:0xD509E5f5aEe2A205F554f36E8a7d56094494eDFC:council-manager",   // SecurityCouncilManager
            "eth:0xF06E95eF589D9c38af242a8AAee8375f14023F85:safe",               // Security Council (L1)
            "eth:0x3ffFbAdAF827559da092217e474760E2b2c3CeDd:upgrade-executor",   // L1 UpgradeExecutor
            "eth:0x554723262467F125Ac9e1cDFa9Ce15cc53822dbD:ownable",            // L1 ProxyAdmin
            "eth:0x5613AF0474EB9c528A34701A5b1662E3C8FA0678:ownable",            // UpgradeExecutorAdmin
            "eth:0x9aD46fac0Cf7f790E5be05A0F15223935A0c0aDa:ownable",            // GatewaysAdmin
            "eth:0xE6841D92B0C345144506576eC13ECf5103aC7f49:timelock",           // L1 Timelock
            "eth:0x8315177aB297bA92A06054cE80a67Ed4DBd7ed3a:proxy",              // Bridge
            "eth:0x0B9857ae2D4A3DBe74ffE1d7DF045bb7F96E4840:proxy",              // Outbox
            "eth:0x667e23ABd27E623c11d4CC00ca3EC4d0bD63337a:proxy",              // OutboxV0
            "eth:0x760723CD2e632826c38Fef8CD438A4CC7E7E1A40:proxy",              // OutboxV1
            "eth:0x4Dbd4fc535Ac27206064B68FfCf827b0A60BAB3f:proxy",              // Inbox
            "eth:0x57Bd336d579A51938619271a7Cc137a46D0501B1:proxy",              // RollupEventInbox
            "eth:0x4DCeB440657f21083db8aDd07665f8ddBe1DCfc0:proxy",              // RollupProxy
            "eth:0xA5565d266c3c3Ee90B16Be8A5b13d587ef559fB0:proxy",              // EdgeChallengeManager
            "eth:0x1c479675ad559DC151F6Ec7ed3FbF8ceE79582B6:proxy",              // SequencerInbox
            "eth:0x72Ce9c846789fdB6fC1f34aC4AD25Dd9ef7031ef:proxy",              // L1GatewayRouter
            "eth:0xa3A7B6F88361F48403514059F1F16C8E78d60EeC:proxy",              // L1ERC20Gateway
            "eth:0xcEe284F754E854890e311e3280b767F80797180d:proxy",              // L1CustomGateway
            "eth:0xd92023E9d9911199a6711321D1277285e6d4e2db:proxy",              // L1WethGateway
            "eth:0xbbcE8aA77782F13D4202a230d978F361B011dB27:proxy");             // L1ARBGateway

    /** Every proxy on Ethereum: its upgrade can block or forge withdrawals. */
    private static final Set<String> ARBITRUM_CRITICAL = ARBITRUM.stream().filter(key -> key.startsWith("eth:") && key.endsWith(":proxy"))
            .map(key -> key.substring(0, key.lastIndexOf(':'))).collect(Collectors.toSet());

    /** The L2 emergency council and the L1 council, both 9 of 12. */
    private static final Set<String> ARBITRUM_COUNCILS = Set.of(
            "arb1:0x423552c0F05baCCac5Bfa91C6dCF1dc53a0A1641", "eth:0xF06E95eF589D9c38af242a8AAee8375f14023F85");

    /** Every contract of the Optimism Collective's table, as chain:address:kind. */
    private static final Set<String> OPTIMISM = Set.of(
            "oeth:0x4200000000000000000000000000000000000042:votes-token",       // OP token
            "oeth:0xcDF27F107725988f2261Ce2256bDfCdE8B382B10:governor",          // OP Governor (Agora), behind a proxy
            "oeth:0x0eDd4B2cCCf41453D8B5443FBB96cc577d1d06bF:timelock",          // OP Governor Timelock
            "oeth:0x2501c477D0A35545a387Aa4A3EEe4292A9a8B3F0:safe",              // Optimism Foundation multisig (the governor's admin)
            "oeth:0x5C4e7Ba1E219E47948e6e3F55019A647bA501005:ownable",           // MintManager
            "oeth:0x2A82Ae142b2e62Cb7D10b55E323ACB1Cab663a26:safe",              // MintManagerOwner (1 of 1)
            "oeth:0x3F3Cd78Ef9Bd85961C0729E6BbB11E94Ca6f61D2:safe",              // its owner (6 of 9)
            "oeth:0x4200000000000000000000000000000000000018:ownable",           // L2 ProxyAdmin
            "eth:0xc2819DC788505Aac350142A7A707BF9D03E3Bd03:safe",               // Security Council
            "eth:0x847B5c174615B1B7fDF770882256e2D3E95b9D92:safe",               // Foundation Upgrade Safe
            "eth:0x5a0Aae59D09fccBdDb6C6CcEB07B7279367C3d2A:safe",               // Superchain ProxyAdmin owner
            "eth:0x09f7150D8c019BeF34450d6920f6B3608ceFdAf2:safe",               // Guardian
            "eth:0x543bA4AADBAb8f9025686Bd03993043599c6fB04:ownable",            // Superchain ProxyAdmin
            "eth:0xdE1FCfB0851916CA5101820A69b13a4E276bd81F:ownable",            // AddressManager
            "eth:0xbEb5Fc579115071764c7423A4f12eDde41f106Ed:proxy",              // OptimismPortal2
            "eth:0x322b47Ff1FA8D5611F761e3E275C45B71b294D43:proxy",              // ETHLockbox
            "eth:0x229047fed2591dbec1eF1118d64F7aF3dB9EB290:proxy",              // SystemConfig
            "eth:0x99C9fc46f92E8a1c0deC1b1747d010903E884bE1:proxy",              // L1StandardBridge
            "eth:0x25ace71c97B33Cc4729CF772ae268934F7ab5fA1:proxy",              // L1CrossDomainMessenger
            "eth:0xe5965Ab5962eDc7477C8520243A95517CD252fA9:proxy",              // DisputeGameFactory
            "eth:0x95703e0982140D16f8ebA6d158FccEde42f04a4C:proxy",              // SuperchainConfig
            "eth:0x23B2C62946350F4246f9f9D027e071f0264FD113:proxy",              // AnchorStateRegistry
            "eth:0x1B6DBF05EaF22d4E70dC993e8a19dd9F3dcb3162:proxy");             // DelayedWETH

    /** Everything the Superchain ProxyAdmin upgrades, and the AddressManager that resolves the messenger. */
    private static final Set<String> OPTIMISM_CRITICAL = Stream.concat(OPTIMISM.stream()
            .filter(key -> key.startsWith("eth:") && key.endsWith(":proxy")).map(key -> key.substring(0, key.lastIndexOf(':'))),
            Stream.of("eth:0xdE1FCfB0851916CA5101820A69b13a4E276bd81F")).collect(Collectors.toSet());

    private static final Set<String> OPTIMISM_COUNCILS = Set.of("eth:0xc2819DC788505Aac350142A7A707BF9D03E3Bd03");

    /** Requirement ids of shared/reference/stages.md. */
    private static final Set<String> REQUIREMENTS = Set.of("callsItselfRollup", "stateRootsPostedToL1",
            "dataAvailabilityOnL1", "rollupNodeSourceAvailable", "stateVerificationOnL1",
            "fraudProofSystemAtLeast5Outsiders", "principle", "usersCanExitWithoutCooperation", "usersHave7DaysToExit",
            "securityCouncilProperlySetUp", "noRedTrustedSetups", "proverSourcePublished", "verifierContractsReproducible",
            "programHashesReproducible", "fraudProofSystemIsPermissionless", "delayWith30DExitWindow",
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

    private static Set<String> where(DaoConfig dao, Predicate<ContractConfig> test) {
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
                .containsExactlyInAnyOrder(Tuple.tuple("eth", 1L, null),
                        Tuple.tuple("arb1", 42161L, "eth"));
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
                .containsExactly(Tuple.tuple("0x912CE59144191C1204E64559FE8253a0e49E6548", 70398215L));
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
                .containsExactlyInAnyOrder(Tuple.tuple("eth", 1L, null),
                        Tuple.tuple("oeth", 10L, "eth"));
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
                        "stateVerificationOnL1", "proofSystemOverriddenOnlyInCaseOfABug", "noRedTrustedSetups", "proverSourcePublished",
                        "verifierContractsReproducible", "programHashesReproducible");
        stage.path("assertions").forEach(assertion -> {
            assertThat(assertion.path("value").isBoolean() || assertion.path("value").asText().equals("n/a")).isTrue();
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
        assertThat(stage("optimism", "optimism").path("probes")).singleElement().satisfies(probe -> {
            assertThat(lower(probe.path("chain").asText() + ":" + probe.path("address").asText()))
                    .isEqualTo(lower("eth:0xbEb5Fc579115071764c7423A4f12eDde41f106Ed"));
            assertThat(probe.path("call").asText()).isEqualTo("respectedGameType()");
            assertThat(probe.path("returns").asText()).isEqualTo("uint256");
        });
        assertThat(load("optimism").dao("optimism").orElseThrow().stage().probes()).singleElement()
                .satisfies(probe -> assertThat(probe.expect()).containsExactly("0", "8"));
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

    // --- against L2BEAT's discovery ---------------------------------------------------------------------

    /**
     * The Agora governor is not in L2BEAT's discovery of OP Mainnet (its address is reference/topologies.md's), nor are its
     * timelock and the multisig administering its proxy (the preset names voteagora/optimism-governor as their source).
     */
    private static final Set<String> OUTSIDE_DISCOVERY = Set.of(lower("oeth:0xcDF27F107725988f2261Ce2256bDfCdE8B382B10"),
            lower("oeth:0x0eDd4B2cCCf41453D8B5443FBB96cc577d1d06bF"), lower("oeth:0x2501c477D0A35545a387Aa4A3EEe4292A9a8B3F0"));

    private static JsonNode facts(String name) throws IOException {
        try (var in = PresetsTest.class.getResourceAsStream("/l2beat/" + name + "-discovered-facts.json")) {
            assertThat(in).as("fixture for %s", name).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static Map<String, JsonNode> discovered(JsonNode facts) {
        Map<String, JsonNode> byAddress = new HashMap<>();
        facts.path("contracts").forEach(entry -> byAddress.put(lower(entry.path("address").asText()), entry));
        return byAddress;
    }

    /** The Stagewatch kind L2BEAT's classification of a contract calls for. */
    private static String kind(JsonNode entry) {
        String implementation = entry.path("implementation").asText();
        if (entry.path("proxyType").asText().equals("gnosis safe")) {
            return "safe";
        }
        return switch (implementation) {
            case "ProxyAdmin", "L2ProxyAdmin", "Lib_AddressManager", "MintManager" -> "ownable";
            case "ArbitrumTimelock", "L1ArbitrumTimelock" -> "timelock";
            case "L2ArbitrumGovernor" -> "governor";
            case "UpgradeExecutor" -> "upgrade-executor";
            case "SecurityCouncilManager" -> "council-manager";
            case "L2ArbitrumToken", "GovernanceToken" -> "votes-token";
            default -> entry.path("proxyType").asText().contains("proxy") ? "proxy" : "immutable " + implementation;
        };
    }

    private static Set<String> addresses(JsonNode list) {
        Set<String> keys = new HashSet<>();
        list.forEach(item -> keys.add(lower(item.asText())));
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"arbitrum", "optimism"})
    void shouldNameItsL2beatSourceAndDeclareOnlyContractsL2beatDiscoveredOfTheirKind(String name) throws IOException {
        JsonNode facts = facts(name);
        assertThat(facts.path("source").path("repository").asText()).isEqualTo("l2beat/l2beat");
        assertThat(facts.path("source").path("commit").asText()).matches("[0-9a-f]{40}");
        assertThat(Presets.text(name)).as("the preset names the discovery it follows")
                .contains(facts.path("source").path("path").asText())
                .contains(facts.path("source").path("usedBlockNumbers").path("ethereum").asText())
                .contains(Instant.ofEpochSecond(facts.path("source").path("timestamp").asLong()).toString());
        Map<String, JsonNode> discovered = discovered(facts);
        for (ContractConfig contract : load(name).dao(name).orElseThrow().contracts()) {
            String key = lower(contract.chain() + ":" + contract.address());
            if (OUTSIDE_DISCOVERY.contains(key)) {
                continue;
            }
            assertThat(discovered).as("%s (%s) in L2BEAT's discovery", key, contract.label()).containsKey(key);
            assertThat(contract.kind().configName()).as("kind of %s (%s)", key, discovered.get(key).path("name").asText())
                    .isEqualTo(kind(discovered.get(key)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"arbitrum", "optimism"})
    void shouldMarkCriticalEveryBridgeEscrowAndProofContractL2beatDoesAndDeclareTheirAdmins(String name) throws IOException {
        JsonNode facts = facts(name);
        Map<String, JsonNode> discovered = discovered(facts);
        DaoConfig dao = load(name).dao(name).orElseThrow();
        Set<String> critical = where(dao, ContractConfig::critical);
        Set<String> declared = where(dao, contract -> true);
        Set<String> escrows = addresses(facts.path("escrows").path("addresses"));
        Set<String> expected = new HashSet<>(escrows);
        discovered.forEach((key, entry) -> {
            if (key.startsWith("eth:") && kind(entry).equals("proxy") && entry.path("critical").asBoolean()) {
                expected.add(key);
            }
        });
        assertThat(critical).as("L2BEAT's critical proxies and escrows on Ethereum").containsAll(expected);
        for (String key : critical) {
            JsonNode entry = discovered.get(key);
            assertThat(entry.path("critical").asBoolean() || escrows.contains(key)).as("%s is critical or an escrow in L2BEAT's data", key).isTrue();
            if (entry.has("admin")) {
                assertThat(declared).as("the admin of %s (%s), so `paths` sees who upgrades it", key, entry.path("name").asText())
                        .contains(lower(entry.path("admin").asText()));
            }
            if (entry.has("addressManager")) {
                assertThat(critical).as("the AddressManager resolving %s", entry.path("name").asText())
                        .contains(lower(entry.path("addressManager").asText()));
            }
        }
        // the Bridge calls for any allowed outbox and takes messages from any allowed delayed inbox
        discovered.values().stream().filter(entry -> entry.has("allowedOutboxList")).forEach(bridge -> {
            assertThat(critical).containsAll(addresses(bridge.path("allowedOutboxList")));
            assertThat(critical).containsAll(addresses(bridge.path("allowedDelayedInboxList")));
        });
        // every admin declared is one L2BEAT lists with an owner the preset declares too
        dao.contracts().stream().filter(contract -> contract.kind() == ContractKind.OWNABLE).forEach(contract -> {
            JsonNode entry = discovered.get(lower(contract.chain() + ":" + contract.address()));
            assertThat(declared).as("owner of %s", contract.label()).contains(lower(entry.path("owner").asText()).replace(
                    "oeth:0x6b1bae59d09fccbddb6c6cceb07b7279367c4e3b", "eth:0x5a0aae59d09fccbddb6c6cceb07b7279367c3d2a"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"arbitrum", "optimism"})
    void shouldDeclareCouncilsThatL2beatsMembersAndThresholdsMakeProperlySetUp(String name) throws IOException {
        JsonNode facts = facts(name);
        DaoConfig dao = load(name).dao(name).orElseThrow();
        Map<String, JsonNode> safes = new HashMap<>();
        facts.path("safes").forEach(safe -> safes.put(lower(safe.path("address").asText()), safe));
        Set<String> team = addresses(facts.path("teamSigners").path("addresses"));
        assertThat(dao.stage().councils()).isNotEmpty();
        for (StageConfig.Council council : dao.stage().councils()) {
            JsonNode safe = safes.get(lower(council.chain() + ":" + council.address()));
            assertThat(safe).as("council %s:%s among L2BEAT's Safes", council.chain(), council.address()).isNotNull();
            List<String> members = new ArrayList<>();
            safe.path("members").forEach(member -> members.add(lower(member.asText())));
            int threshold = safe.path("threshold").asInt();
            Set<String> declaredTeam = council.entities().stream().filter(entity -> Boolean.FALSE.equals(entity.outsideTeam()))
                    .flatMap(entity -> entity.signers().stream()).map(PresetsTest::lower).collect(Collectors.toSet());
            assertThat(declaredTeam).as("team signers L2BEAT names").isEqualTo(team);
            assertThat(members).containsAll(declaredTeam);
            CouncilSetup setup = CouncilSetup.of(new StageFacts.CouncilFacts(1, council.address(), "council", 0, threshold, members, council));
            assertThat(setup.status()).as("%d of %d with %s", threshold, members.size(), council.entities()).isEqualTo(Status.PASSED);
        }
    }

    @Test
    void shouldTakeArbitrumsDelaysFromTheDiscovery() throws IOException {
        JsonNode facts = facts("arbitrum");
        Map<String, JsonNode> discovered = discovered(facts);
        long confirmPeriod = discovered.get(lower("eth:0x4DCeB440657f21083db8aDd07665f8ddBe1DCfc0")).path("confirmPeriodBlocks").asLong()
                * facts.path("assumedBlockTime").asLong();
        long forceInclusion = discovered.get(lower("eth:0x1c479675ad559DC151F6Ec7ed3FbF8ceE79582B6")).path("maxTimeVariation")
                .path("delaySeconds").asLong();
        DaoConfig dao = load("arbitrum").dao("arbitrum").orElseThrow();
        assertThat(dao.stage().exitDelay()).extracting(StageConfig.ExitDelay::seconds).containsExactly(forceInclusion, confirmPeriod);
        assertThat(facts.path("l2TimelockMessagePath").path("delay").asLong()).isEqualTo(confirmPeriod);
        assertThat(dao.messagePaths()).singleElement().satisfies(path -> {
            assertThat(path.delaySeconds()).isEqualTo(confirmPeriod);
            assertThat(lower(path.toChain() + ":" + path.sender())).isEqualTo(lower(discovered
                    .get(lower("eth:0xE6841D92B0C345144506576eC13ECf5103aC7f49")).path("proposers").get(0).asText()));
        });
    }

    @Test
    void shouldTakeOptimismsExitDelayFromThePortal() throws IOException {
        JsonNode portal = discovered(facts("optimism")).get(lower("eth:0xbEb5Fc579115071764c7423A4f12eDde41f106Ed"));
        assertThat(portal.path("name").asText()).isEqualTo("OptimismPortal2");
        DaoConfig dao = load("optimism").dao("optimism").orElseThrow();
        assertThat(dao.stage().exitDelay()).extracting(StageConfig.ExitDelay::seconds)
                .containsExactly(portal.path("proofMaturityDelaySeconds").asLong());
        assertThat(dao.contracts()).filteredOn(contract -> contract.address().equals("0xbEb5Fc579115071764c7423A4f12eDde41f106Ed"))
                .singleElement().satisfies(contract -> assertThat(contract.label()).startsWith(portal.path("name").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arbitrum", "optimism"})
    void shouldAssertWhatL2beatsChecklistSaysAndProbeWhatItReads(String name) throws IOException {
        JsonNode facts = facts(name);
        Map<String, Object> checklist = new HashMap<>();
        for (String stage : List.of("stage0", "stage1", "stage2")) {
            facts.path("stage").path(stage).properties().forEach(entry ->
                    checklist.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asBoolean()));
        }
        StageConfig stage = load(name).dao(name).orElseThrow().stage();
        stage.assertions().forEach((id, assertion) -> {
            assertThat(checklist).as("L2BEAT's checklist has %s", id).containsKey(id);
            assertThat(assertion.value()).as("%s as L2BEAT rates it (null: n/a)", id).isEqualTo(checklist.get(id));
        });
        Map<String, JsonNode> discovered = discovered(facts);
        assertThat(stage.probes()).isNotEmpty();
        for (StageConfig.Probe probe : stage.probes()) {
            probe.requirements().forEach(id -> assertThat(checklist.get(id)).as("%s in L2BEAT's checklist", id).isEqualTo(true));
            JsonNode target = discovered.get(lower(probe.chain() + ":" + probe.address()));
            assertThat(target).as("probed contract").isNotNull();
            String getter = probe.call().substring(0, probe.call().indexOf('('));
            assertThat(target.has(getter)).as("L2BEAT reads %s of %s", getter, target.path("name").asText()).isTrue();
            assertThat(probe.passes(target.path(getter).asText())).as("%s = %s as discovered", getter, target.path(getter).asText()).isTrue();
        }
        if (facts.has("gameTypes")) {
            List<String> permissionless = new ArrayList<>();
            facts.path("gameTypes").path("permissionless").forEach(type -> permissionless.add(type.asText()));
            assertThat(stage.probes().get(0).expect()).isEqualTo(permissionless);
            facts.path("gameTypes").path("permissioned").forEach(type -> assertThat(stage.probes().get(0).passes(type.asText())).isFalse());
        }
    }

    // --- the milestone and decision sections against their sources ---------------------------------------

    /** Every chain:address the YAML subtree names: objects with chain and address, and address-typed probe expectations. */
    private static void namedAddresses(JsonNode node, String chain, Set<String> found) {
        String here = node.isObject() && node.has("chain") ? node.path("chain").asText() : chain;
        if (node.isObject()) {
            if (node.has("address")) {
                found.add(lower(here + ":" + node.path("address").asText()));
            }
            if (node.path("returns").asText().equals("address")) {
                (node.path("expect").isArray() ? node.path("expect") : YAML.createArrayNode().add(node.path("expect")))
                        .forEach(expect -> found.add(lower(here + ":" + expect.asText())));
            }
            node.properties().forEach(entry -> namedAddresses(entry.getValue(), here, found));
        } else if (node.isArray()) {
            node.forEach(item -> namedAddresses(item, here, found));
        }
    }

    /** A discovered value in a probe's stored form: an address without L2BEAT's chain prefix, lower case. */
    private static String discoveredValue(JsonNode value, String returns) {
        String text = value.asText();
        return ProbeValues.normalize(returns, returns.equals("address") ? text.substring(text.indexOf(':') + 1) : text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arbitrum", "optimism"})
    void shouldNameInMilestonesAndDecisionsOnlyContractsL2beatDiscoveredOrTheDaoDeclares(String name) throws IOException {
        JsonNode dao = YAML.readTree(Presets.text(name)).path("daos").path(name);
        Set<String> named = new HashSet<>();
        namedAddresses(dao.path("milestones"), null, named);
        namedAddresses(dao.path("decisions"), null, named);
        assertThat(named).as("addresses in %s's milestones and decisions", name).isNotEmpty();
        Set<String> known = new HashSet<>(discovered(facts(name)).keySet());
        known.addAll(where(load(name).dao(name).orElseThrow(), contract -> true));
        assertThat(named).as("every address is one L2BEAT discovered or a contract of the DAO").isSubsetOf(known);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arbitrum", "optimism"})
    void shouldProbeInMilestonesWhatL2beatReadsAndGiveEveryEntryASpecificSource(String name) throws IOException {
        DaoConfig dao = load(name).dao(name).orElseThrow();
        Map<String, JsonNode> discovered = discovered(facts(name));
        for (MilestoneCheck.ProbeCheck probe : dao.milestones().probes()) {
            JsonNode target = discovered.get(lower(probe.chain() + ":" + probe.address()));
            assertThat(target).as("probed contract %s", probe.address()).isNotNull();
            String getter = probe.call().substring(0, probe.call().indexOf('('));
            assertThat(target.has(getter)).as("L2BEAT reads %s of %s", getter, target.path("name").asText()).isTrue();
            assertThat(probe.expect()).as("%s of %s as discovered", getter, target.path("name").asText())
                    .isEqualTo(discoveredValue(target.path(getter), probe.returns()));
        }
        List<String> sources = new ArrayList<>();
        dao.milestones().milestones().forEach(milestone -> {
            sources.add(milestone.source());
            assertionSources(milestone.check(), sources);
        });
        dao.decisions().forEach(decision -> sources.add(decision.source()));
        assertThat(sources).isNotEmpty().allSatisfy(source -> {
            assertThat(source).as("a source").isNotNull().startsWith("https://");
            String path = URI.create(source).getPath();
            assertThat(path).as("%s names a page, not a site's front page", source).isNotEmpty().isNotEqualTo("/");
        });
    }

    private static void assertionSources(MilestoneCheck check, List<String> sources) {
        switch (check) {
            case MilestoneCheck.AssertionCheck assertion -> sources.add(assertion.source());
            case MilestoneCheck.All all -> all.checks().forEach(inner -> assertionSources(inner, sources));
            case MilestoneCheck.Any any -> any.checks().forEach(inner -> assertionSources(inner, sources));
            default -> { }
        }
    }

    @Test
    void shouldReadTheMintManagerAndItsOwnersAsL2beatDiscoversThem() throws IOException {
        JsonNode facts = facts("optimism");
        Map<String, JsonNode> discovered = discovered(facts);
        DaoConfig dao = load("optimism").dao("optimism").orElseThrow();
        Set<String> declared = where(dao, contract -> true);
        MilestonesConfig.Milestone minting = dao.milestones().milestone("mintingAnswersToGovernance").orElseThrow();
        MilestoneCheck.All all = (MilestoneCheck.All) minting.check();
        MilestoneCheck.ProbeCheck tokenOwner = (MilestoneCheck.ProbeCheck) all.checks().get(0);
        JsonNode mintManager = discovered.get(lower("oeth:" + tokenOwner.expect()));
        assertThat(mintManager).as("the OP token's owner %s in L2BEAT's discovery", tokenOwner.expect()).isNotNull();
        assertThat(mintManager.path("name").asText()).isEqualTo("MintManager");
        // the other half reads the MintManager's owner from the chain; the preset declares that owner and the Safe that owns
        // it, as L2BEAT discovers them, so the evidence names them while they hold it
        assertThat(all.checks().get(1)).isInstanceOfSatisfying(MilestoneCheck.OwnerCheck.class, owner ->
                assertThat(lower(owner.chain() + ":" + owner.address())).isEqualTo(lower(mintManager.path("address").asText())));
        JsonNode owner = discovered.get(lower(mintManager.path("owner").asText()));
        assertThat(owner).as("the MintManager's owner in L2BEAT's discovery").isNotNull();
        assertThat(kind(owner)).as("owner of the MintManager (%s)", owner.path("name").asText()).isEqualTo("safe");
        assertThat(declared).contains(lower(mintManager.path("address").asText()), lower(owner.path("address").asText()));
        JsonNode safe = StreamSupport.stream(facts.path("safes").spliterator(), false)
                .filter(entry -> lower(entry.path("address").asText()).equals(lower(mintManager.path("owner").asText()))).findFirst().orElseThrow();
        assertThat(safe.path("members")).singleElement().satisfies(member -> {
            assertThat(kind(discovered.get(lower("oeth:" + member.asText())))).isEqualTo("safe");
            assertThat(declared).contains(lower("oeth:" + member.asText()));
        });
    }

    /** The governor's admin and the MintManager's owner are read from the chain and must be the governor's timelock. */
    @Test
    void shouldCheckTheGovernorsAdminAndTheMintManagersOwnerAgainstTheGovernorsTimelock() throws IOException {
        DaoConfig dao = load("optimism").dao("optimism").orElseThrow();
        ContractConfig governor = dao.contracts().stream().filter(contract -> contract.kind() == ContractKind.GOVERNOR).findFirst().orElseThrow();
        assertThat(governor.proxy()).as("the governor is declared behind its proxy").isTrue();
        ContractConfig timelock = dao.contracts().stream().filter(contract -> contract.kind() == ContractKind.TIMELOCK
                && contract.chain().equals("oeth")).findFirst().orElseThrow();
        MilestoneCheck.OwnerCheck admin = (MilestoneCheck.OwnerCheck) dao.milestones().milestone("governorAdministeredByGovernance")
                .orElseThrow().check();
        assertThat(admin.address()).isEqualTo(governor.address());
        assertThat(admin.in()).containsExactly(new StageConfig.ContractRef("oeth", timelock.address()));
        MilestoneCheck.OwnerCheck mintingOwner = (MilestoneCheck.OwnerCheck) ((MilestoneCheck.All) dao.milestones()
                .milestone("mintingAnswersToGovernance").orElseThrow().check()).checks().get(1);
        assertThat(mintingOwner.in()).isEqualTo(admin.in());
        // the multisig the governor's README names as its admin is declared, so the evidence names it
        assertThat(dao.contracts()).anySatisfy(contract -> {
            assertThat(contract.kind()).isEqualTo(ContractKind.SAFE);
            assertThat(contract.address()).isEqualTo("0x2501c477D0A35545a387Aa4A3EEe4292A9a8B3F0");
        });
        assertThat(dao.decisions()).filteredOn(decision -> decision.id().equals("governorUpgrade")).singleElement()
                .satisfies(decision -> assertThat(decision.permissions()).singleElement().satisfies(permission -> {
                    assertThat(permission.address()).isEqualTo(governor.address());
                    assertThat(permission.permission()).isEqualTo("upgrade");
                }));
    }
}
