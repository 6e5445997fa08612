package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code index --preset NAME}: a packaged config instead of --config, exactly one of the two. */
class IndexPresetTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new StagewatchCommand());
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return StagewatchCommand.execute(commandLine, args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String db() {
        return dir.resolve("preset.db").toString();
    }

    @Test
    void shouldListTheAvailablePresetsForAnUnknownName() {
        assertThat(run("index", "--preset", "arbitrun", "--db", db())).isEqualTo(2);
        assertThat(stderr()).contains("preset:arbitrun: no such preset (available presets: arbitrum, optimism");
    }

    @Test
    void shouldRefuseBothConfigAndPreset() {
        assertThat(run("index", "--preset", "arbitrum", "--config", "x.yml", "--db", db())).isEqualTo(2);
        assertThat(stderr()).contains("--config=FILE, --preset=NAME are mutually exclusive");
    }

    @Test
    void shouldAskForConfigOrPreset() {
        assertThat(run("index", "--db", db())).isEqualTo(2);
        assertThat(stderr()).contains("Missing required argument").contains("--config=FILE").contains("--preset=NAME");
    }

    @Test
    void shouldNameTheMissingRpcVariableOfThePreset() {
        assumeTrue(System.getenv("OPTIMISM_RPC_URL") == null, "OPTIMISM_RPC_URL is set in this environment");
        assertThat(run("index", "--preset", "optimism", "--db", db())).isEqualTo(2);
        assertThat(stderr()).contains("preset:optimism: chains.oeth.rpc: environment variable OPTIMISM_RPC_URL is not set");
    }
}
