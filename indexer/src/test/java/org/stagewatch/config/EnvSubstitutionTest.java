package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.config.ConfigFixture.validWith;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ${NAME} and ${NAME:-default} in values, resolved before validation. */
class EnvSubstitutionTest {
    private static final String WITH_VARIABLE = validWith("rpc: https://arb1.example/rpc", "rpc: ${ARBITRUM_RPC_URL}");
    private static final String WITH_DEFAULT = validWith("rpc: https://arb1.example/rpc",
            "rpc: ${ARBITRUM_RPC_URL:-https://fallback.example/rpc}");

    @TempDir
    Path directory;
    ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(directory);
    }

    @Test
    void replacesAVariableWithItsValue() {
        StagewatchConfig config = fixture.load(WITH_VARIABLE, Map.of("ARBITRUM_RPC_URL", "https://arb.example/v2/key"));
        assertThat(config.chain("arb1").rpcUrls()).containsExactly("https://arb.example/v2/key");
    }

    @Test
    void replacesAVariableInsideALongerValue() {
        String yaml = validWith("rpc: https://arb1.example/rpc", "rpc: https://arb.example/v2/${API_KEY}");
        StagewatchConfig config = fixture.load(yaml, Map.of("API_KEY", "k3y"));
        assertThat(config.chain("arb1").rpcUrls()).containsExactly("https://arb.example/v2/k3y");
    }

    @Test
    void usesTheDefaultWhenTheVariableIsUnset() {
        assertThat(fixture.load(WITH_DEFAULT).chain("arb1").rpcUrls()).containsExactly("https://fallback.example/rpc");
    }

    @Test
    void usesTheDefaultWhenTheVariableIsEmpty() {
        StagewatchConfig config = fixture.load(WITH_DEFAULT, Map.of("ARBITRUM_RPC_URL", ""));
        assertThat(config.chain("arb1").rpcUrls()).containsExactly("https://fallback.example/rpc");
    }

    @Test
    void prefersTheVariableToTheDefault() {
        StagewatchConfig config = fixture.load(WITH_DEFAULT, Map.of("ARBITRUM_RPC_URL", "wss://arb.example/ws"));
        assertThat(config.chain("arb1").rpcUrls()).containsExactly("wss://arb.example/ws");
    }

    @Test
    void typesANumberThatComesFromAVariable() {
        String yaml = validWith("startBlock: 70398215", "startBlock: ${ARB_START_BLOCK:-70398215}");
        assertThat(fixture.load(yaml).daos().get(0).contracts().get(0).startBlock()).isEqualTo(70398215);
    }

    @Test
    void validatesAValueThatComesFromAVariable() {
        assertThat(fixture.problems(WITH_VARIABLE, Map.of("ARBITRUM_RPC_URL", "ftp://arb.example/x"))).containsExactly(
                "chains.arb1.rpc: unsupported RPC URL 'ftp://arb.example/…'"
                        + " (expected an http://, https://, ws:// or wss:// URL, e.g. http://localhost:8545)");
    }

    @Test
    void namesTheUnsetVariableAndTheKeyAndNothingElse() {
        assertThat(fixture.problems(WITH_VARIABLE)).containsExactly("chains.arb1.rpc: environment variable ARBITRUM_RPC_URL"
                + " is not set (export ARBITRUM_RPC_URL=…, or write ${ARBITRUM_RPC_URL:-<default>} in the file)");
    }

    @Test
    void rejectsAMalformedReference() {
        String yaml = validWith("rpc: https://arb1.example/rpc", "rpc: ${1RPC}");
        assertThat(fixture.problems(yaml)).containsExactly("chains.arb1.rpc: malformed variable reference '${1RPC}'"
                + " (write ${NAME} or ${NAME:-default}, NAME made of letters, digits and '_')");
    }

    @Test
    void rejectsAnUnterminatedReference() {
        String yaml = validWith("rpc: https://arb1.example/rpc", "rpc: ${ARBITRUM_RPC_URL");
        assertThat(fixture.problems(yaml)).containsExactly("chains.arb1.rpc: unterminated variable reference in"
                + " '${ARBITRUM_RPC_URL' (write ${NAME} or ${NAME:-default}, NAME made of letters, digits and '_')");
    }

    @Test
    void doesNotExpandReferencesInsideAVariablesValue() {
        StagewatchConfig config = fixture.load(validWith("label: ARB", "label: ${LABEL}"), Map.of("LABEL", "${HOME}"));
        assertThat(config.daos().get(0).contracts().get(0).label()).isEqualTo("${HOME}");
    }

    @Test
    void neverSubstitutesKeys() {
        assertThat(fixture.problems("${EXTRA}: 1\n" + ConfigFixture.VALID, Map.of("EXTRA", "daos")))
                .containsExactly("${EXTRA}: unknown top-level key '${EXTRA}' (expected top-level keys: chains, daos)");
    }
}
