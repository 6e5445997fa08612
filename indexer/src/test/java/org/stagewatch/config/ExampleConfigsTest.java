package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file under config/examples/ loads: the examples are what users copy first. */
class ExampleConfigsTest {
    private static final Map<String, String> ENV = Map.of(
            "ARBITRUM_RPC_URL", "https://arb1.example/rpc",
            "ETHEREUM_RPC_URL", "wss://eth.example/ws");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(examplesDirectory())) {
            return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleValidatesWithItsVariablesSet(Path example) {
        StagewatchConfig config = ConfigLoader.load(example, ENV);
        assertThat(config.daos()).isNotEmpty();
        assertThat(config.daos()).allSatisfy(dao -> assertThat(dao.contracts()).isNotEmpty());
    }

    @Test
    void theExamplesTheReadmePromisesExist() throws IOException {
        assertThat(examples().map(path -> path.getFileName().toString()))
                .contains("arbitrum-governance.yml", "minimal.yml");
    }

    @Test
    void theArbitrumExampleSpansArbitrumOneAndEthereum() {
        StagewatchConfig config = ConfigLoader.load(examplesDirectory().resolve("arbitrum-governance.yml"), ENV);
        assertThat(config.chains().values()).extracting(ChainConfig::chainId).containsExactly(42161L, 1L);
        assertThat(config.dao("arbitrum").orElseThrow().contracts()).extracting(ContractConfig::address)
                .contains("0x912CE59144191C1204E64559FE8253a0e49E6548", "0xf07DeD9dC292157749B6Fd268E37DF6EA38395B9",
                        "0x34d45e99f7D8c45ed05B5cA72D54bbD1fb3F98f0", "0x423552c0F05baCCac5Bfa91C6dCF1dc53a0A1641");
    }

    @Test
    void theArbitrumExampleNamesBothMissingVariables() {
        Path example = examplesDirectory().resolve("arbitrum-governance.yml");
        ConfigException exception = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(example, Map.of()));
        assertThat(exception.problems()).extracting(ConfigProblem::where).containsExactly("chains.arb1.rpc", "chains.eth.rpc");
    }

    @Test
    void theMinimalExampleRunsWithoutAnyVariable() {
        StagewatchConfig config = ConfigLoader.load(examplesDirectory().resolve("minimal.yml"), Map.of());
        assertThat(config.chain("arb1").rpcUrls()).containsExactly("https://arb1.arbitrum.io/rpc");
        assertThat(config.daos().get(0).contracts()).extracting(ContractConfig::kind)
                .containsExactly(ContractKind.VOTES_TOKEN, ContractKind.GOVERNOR);
    }

    /** config/examples/ of the repository; tests run from the module directory, so look upwards. */
    private static Path examplesDirectory() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path examples = directory.resolve("config/examples");
            if (Files.isDirectory(examples)) {
                return examples;
            }
        }
        throw new IllegalStateException("no config/examples/ above " + Path.of("").toAbsolutePath());
    }

}
