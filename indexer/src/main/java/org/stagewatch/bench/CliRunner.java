package org.stagewatch.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks Stagewatch's CLI a question in a fresh JVM and times it, start to exit: by default the JVM this one runs
 * in, with the options the launcher gives it (collector, class-data archive or AOT cache, native access), on the
 * same jar or class path; or any command given (e.g. {@code ./stagewatch}).
 */
final class CliRunner {
    private static final List<String> LAUNCHER_OPTIONS = List.of("-XX:AOTCache=", "-XX:SharedArchiveFile=", "-XX:+AutoCreateSharedArchive",
            "-Xlog:aot=", "-Xlog:cds=", "--enable-native-access=");

    /** One run: its wall time and what it printed on stdout. */
    record Run(double seconds, String stdout) {
    }

    private final List<String> prefix;

    private CliRunner(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** @param command the CLI to run, e.g. {@code [./stagewatch]}; empty for a fresh JVM like this one */
    static CliRunner of(List<String> command) {
        if (!command.isEmpty()) {
            return new CliRunner(command);
        }
        List<String> prefix = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (LAUNCHER_OPTIONS.stream().anyMatch(option::startsWith) || option.matches("-XX:\\+Use[A-Za-z]+GC")) {
                prefix.add(option);
            }
        }
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            prefix.addAll(List.of("-jar", classPath));
        } else {
            prefix.addAll(List.of("-cp", classPath, "org.stagewatch.cli.StagewatchCommand"));
        }
        return new CliRunner(prefix);
    }

    /** The command line, for the report: the java binary and the jar or main class, options left out. */
    String describe() {
        return String.join(" ", prefix.size() > 4 ? List.of(prefix.get(0), "…", prefix.get(prefix.size() - 1)) : prefix);
    }

    Run run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(args);
        Path err = Files.createTempFile("stagewatch-bench-cli", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
            long started = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (exit != 0) {
                throw new IOException("the CLI exited " + exit + " for " + String.join(" ", args) + ": " + Files.readString(err).strip());
            }
            return new Run(seconds, stdout);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
