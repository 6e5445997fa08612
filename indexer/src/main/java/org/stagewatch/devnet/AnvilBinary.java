package org.stagewatch.devnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the anvil executable that the contracts-abi build installed from npm. Owns the lookup order
 * and the message that names every place looked when nothing is found.
 *
 * <p>Order: system property {@value #PROPERTY}, environment variable {@value #ENV}, the
 * {@code devnet.properties} that {@code contracts-abi/build/compile.mjs} writes onto the classpath,
 * then {@code contracts-abi/node_modules/@foundry-rs/anvil-<os>-<arch>/bin/anvil} in the working
 * directory or any parent. The binary itself is returned, never npm's {@code .bin} wrapper: the
 * wrapper is a node process, and killing it can leave anvil running.
 */
public final class AnvilBinary {
    public static final String PROPERTY = "stagewatch.anvil";
    public static final String ENV = "STAGEWATCH_ANVIL";
    static final String PROPERTIES_RESOURCE = "org/stagewatch/contracts/devnet.properties";

    private AnvilBinary() {
    }

    /** The anvil executable, or an {@link IllegalStateException} listing every place looked. */
    public static Path locate() {
        List<String> looked = new ArrayList<>();
        Optional<Path> found = fromSetting("system property " + PROPERTY, System.getProperty(PROPERTY), looked)
                .or(() -> fromSetting("environment variable " + ENV, System.getenv(ENV), looked))
                .or(() -> fromClasspath(looked))
                .or(() -> fromWorkingDirectory(looked));
        return found.orElseThrow(() -> new IllegalStateException(
                "anvil binary not found. Looked at:\n  - " + String.join("\n  - ", looked)
                        + "\nRun the build: ./stagewatch builds contracts-abi (npm install + solcjs),"
                        + " or point " + ENV + " at an anvil 1.7.x binary."));
    }

    private static Optional<Path> fromSetting(String where, String value, List<String> looked) {
        if (value == null || value.isBlank()) {
            looked.add(where + " (unset)");
            return Optional.empty();
        }
        return executable(where, Path.of(value), looked);
    }

    private static Optional<Path> fromClasspath(List<String> looked) {
        String where = "classpath " + PROPERTIES_RESOURCE;
        try (InputStream in = AnvilBinary.class.getClassLoader().getResourceAsStream(PROPERTIES_RESOURCE)) {
            if (in == null) {
                looked.add(where + " (absent)");
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            String anvil = properties.getProperty("anvil");
            if (anvil == null) {
                looked.add(where + " (no 'anvil' key)");
                return Optional.empty();
            }
            return executable(where, Path.of(anvil), looked);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + where, e);
        }
    }

    private static Optional<Path> fromWorkingDirectory(List<String> looked) {
        Path relative = Path.of("contracts-abi", "node_modules", "@foundry-rs", platformPackage(), "bin", executableName());
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        looked.add(relative + " in " + start + " and every parent (absent)");
        return Optional.empty();
    }

    private static Optional<Path> executable(String where, Path path, List<String> looked) {
        if (Files.isRegularFile(path) && Files.isExecutable(path)) {
            return Optional.of(path.toAbsolutePath());
        }
        looked.add(where + " = " + path + " (not an executable file)");
        return Optional.empty();
    }

    /** npm's package name for this platform's binary, as @foundry-rs names them (anvil-linux-amd64, …). */
    static String platformPackage() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String platform = os.contains("win") ? "win32" : os.contains("mac") ? "darwin" : "linux";
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
        return "anvil-" + platform + "-" + cpu;
    }

    private static String executableName() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "anvil.exe" : "anvil";
    }
}
