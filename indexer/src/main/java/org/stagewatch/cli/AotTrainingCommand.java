package org.stagewatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.stagewatch.config.Presets;
import org.stagewatch.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code stagewatch aot-training} (hidden): the workload the launcher runs once after each build to record which
 * classes a command start needs, so later starts load them from the JVM's ahead-of-time cache instead of from the
 * jars. It touches what every query command loads before its own analysis — picocli's model of every command,
 * Jackson's YAML and JSON, both presets through config validation, Flyway migrating a fresh SQLite file, Jdbi, the
 * SQLite driver and the query commands' error paths — and nothing outside a temporary folder it deletes. Its
 * output is thrown away; it never fails the build (the launcher runs without a cache then).
 */
@Command(name = "aot-training", hidden = true, description = "Runs the workload that trains the launcher's class cache.")
final class AotTrainingCommand implements Runnable {
    private static final List<String> QUERIES = List.of("proposals", "delegates", "metrics", "council", "paths",
            "stage", "equalizer");

    @Override
    public void run() {
        Path dir = createTempDir();
        try {
            Map<String, String> env = new HashMap<>();
            for (String variable : List.of("ETHEREUM_RPC_URL", "ARBITRUM_RPC_URL", "OPTIMISM_RPC_URL")) {
                env.put(variable, "http://127.0.0.1:1");
            }
            for (String preset : Presets.NAMES) {
                Presets.load(preset, env);
            }
            String db = dir.resolve("training.db").toString();
            Database.open(db);
            StringWriter sink = new StringWriter();
            for (String query : QUERIES) {
                CommandLine commandLine = new CommandLine(new StagewatchCommand());
                commandLine.setOut(new PrintWriter(sink));
                commandLine.setErr(new PrintWriter(sink));
                StagewatchCommand.execute(commandLine, query, "--dao", "training", "--db", db, "--json");
                commandLine.usage(new PrintWriter(sink));
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("stagewatch-aot-training");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the training must not fail the build
        }
    }
}
