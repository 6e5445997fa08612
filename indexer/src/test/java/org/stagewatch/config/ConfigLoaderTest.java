package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path directory;

    @Test
    void loadsChainsAndDaosInFileOrderWithSchemaDefaults() {
        StagewatchConfig config = new ConfigFixture(directory).load(ConfigFixture.VALID);

        assertThat(config.chains().keySet()).containsExactly("arb1", "eth");
        assertThat(config.chain("arb1")).isEqualTo(new ChainConfig("arb1", 42161, List.of("https://arb1.example/rpc"), 0, 2000));
        assertThat(config.chain("eth")).isEqualTo(new ChainConfig("eth", 1,
                List.of("https://eth-a.example/rpc", "wss://eth-b.example/ws"), 2, 2000));
        DaoConfig dao = config.dao("arbitrum").orElseThrow();
        assertThat(dao.name()).isEqualTo("Arbitrum DAO");
        assertThat(dao.contracts()).containsExactly(
                new ContractConfig("arb1", ContractKind.VOTES_TOKEN, "0x912CE59144191C1204E64559FE8253a0e49E6548", "ARB", 70398215, false, true),
                new ContractConfig("arb1", ContractKind.GOVERNOR, "0xf07DeD9dC292157749B6Fd268E37DF6EA38395B9", "governor", ContractConfig.UNKNOWN_START_BLOCK, false, false),
                new ContractConfig("eth", ContractKind.SAFE, "0xF06E95eF589D9c38af242a8AAee8375f14023F85", "Security Council (L1)", ContractConfig.UNKNOWN_START_BLOCK, true, false));
    }

    @Test
    void remembersTheFileItCameFrom() {
        ConfigFixture fixture = new ConfigFixture(directory);
        assertThat(fixture.load(ConfigFixture.VALID).source()).isEqualTo(fixture.file());
    }

    @Test
    void defaultsTheDaoNameToItsId() {
        String yaml = ConfigFixture.validWith("    name: Arbitrum DAO\n", "");
        assertThat(new ConfigFixture(directory).load(yaml).daos().get(0).name()).isEqualTo("arbitrum");
    }

    @Test
    void readsHexNumbersAndDigitGroups() {
        String yaml = ConfigFixture.validWith("chainId: 42161", "chainId: 0xa4b1")
                .replace("startBlock: 70398215", "startBlock: 70_398_215");
        StagewatchConfig config = new ConfigFixture(directory).load(yaml);
        assertThat(config.chain("arb1").chainId()).isEqualTo(42161);
        assertThat(config.daos().get(0).contracts().get(0).startBlock()).isEqualTo(70398215);
    }

    @Test
    void keepsAnUnquotedAddressAsWrittenRatherThanAsAHexNumber() {
        // YAML would read 0x000…A4B86 as the number 674694, losing the leading zeros.
        String yaml = ConfigFixture.validWith("\"0xf07DeD9dC292157749B6Fd268E37DF6EA38395B9\"", "0x00000000000000000000000000000000000A4B86");
        ContractConfig contract = new ConfigFixture(directory).load(yaml).daos().get(0).contracts().get(1);
        assertThat(contract.addressKey()).isEqualTo("0x00000000000000000000000000000000000a4b86");
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        Path file = ConfigFixture.resourcePath("many-problems.yml");
        ConfigException exception = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, ConfigFixture.NO_ENV));

        assertThat(exception.problems()).extracting(ConfigProblem::where).containsExactly(
                "chains.arb1.rpc",
                "chains.arb1.maxBlockRange",
                "daos.arbitrum.contracts[0].kind",
                "daos.arbitrum.contracts[0].address",
                "daos.arbitrum.contracts[1].strtBlock",
                "daos.arbitrum.contracts[1].chain");
        assertThat(exception.getMessage().lines()).hasSize(6).first()
                .isEqualTo(file + ": chains.arb1.rpc: unsupported RPC URL 'ftp://arb1.example/…'"
                        + " (expected an http://, https://, ws:// or wss:// URL, e.g. http://localhost:8545)");
    }

    @Test
    void namesTheLineAndColumnWhereTheYamlStopsParsing() {
        Path file = ConfigFixture.resourcePath("unparsable.yml");
        assertThatThrownBy(() -> ConfigLoader.load(file, ConfigFixture.NO_ENV)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": line 5, column 5: YAML does not parse: expected ',' or ']', but got :"
                        + " while parsing a flow sequence that starts at line 4, column 10"
                        + " (fix the YAML there: indent with spaces, and quote values that contain ': ' or ' #')");
    }

    @Test
    void pointsAtATabUsedForIndentation() {
        List<String> problems = new ConfigFixture(directory).problems("chains:\n\tarb1: {}\n");
        assertThat(problems).containsExactly("line 2, column 1: YAML does not parse: found character '\\t(TAB)' that cannot start"
                + " any token. (Do not use \\t(TAB) for indentation) (fix the YAML there: indent with spaces,"
                + " and quote values that contain ': ' or ' #')");
    }

    @Test
    void rejectsADuplicateKeyThatYamlWouldSilentlyDrop() {
        String yaml = ConfigFixture.validWith("    name: Arbitrum DAO\n", "    name: Arbitrum DAO\n    name: Arbitrum\n");
        assertThat(new ConfigFixture(directory).problems(yaml)).containsExactly(
                "daos.arbitrum.name: duplicate key 'name' at line 14, column 5 (a key may appear once per map;"
                        + " YAML would silently keep only the last one)");
    }

    @Test
    void rejectsYamlAliases() {
        String yaml = ConfigFixture.validWith("rpc: https://arb1.example/rpc", "rpc: &url https://arb1.example/rpc")
                .replace("rpc: [https://eth-a.example/rpc, wss://eth-b.example/ws]", "rpc: *url");
        assertThat(new ConfigFixture(directory).problems(yaml))
                .containsExactly("chains.eth.rpc: YAML alias '*url' is not supported (write the value out in full)");
    }

    @Test
    void rejectsASecondYamlDocument() {
        String yaml = ConfigFixture.VALID + "---\nchains: {}\n";
        assertThat(new ConfigFixture(directory).problems(yaml)).containsExactly(
                "line 30, column 1: a second YAML document (one file holds one config: remove the '---' line and what follows it)");
    }

    @Test
    void rejectsAnEmptyFile() {
        ConfigFixture fixture = new ConfigFixture(directory);
        assertThatThrownBy(() -> fixture.load("")).hasMessage(fixture.file()
                + ": empty file (expected chains: and daos:, see config/SCHEMA.md and config/examples/)");
    }

    @Test
    void rejectsAFileOfOnlyComments() {
        Path file = ConfigFixture.resourcePath("comments-only.yml");
        assertThatThrownBy(() -> ConfigLoader.load(file, ConfigFixture.NO_ENV)).hasMessage(file
                + ": empty file (expected chains: and daos:, see config/SCHEMA.md and config/examples/)");
    }

    @Test
    void rejectsAFileThatIsNotAMap() {
        assertThat(new ConfigFixture(directory).problems("- chains\n- daos\n")).containsExactly(
                "the file holds a list, not a map (expected the top-level keys chains: and daos:, see config/SCHEMA.md)");
    }

    @Test
    void namesAFileThatDoesNotExist() {
        Path missing = directory.resolve("nowhere.yml");
        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .hasMessage(missing + ": no such file (check the path; examples are in config/examples/)");
    }

    @Test
    void parsesTextThatHasNoFileOfItsOwn() {
        StagewatchConfig config = ConfigLoader.parse(ConfigFixture.VALID, Path.of("presets/test.yml"), ConfigFixture.NO_ENV);
        assertThat(config.source()).isEqualTo(Path.of("presets/test.yml"));
        assertThat(config.daos()).hasSize(1);
    }
}
