package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes config text to a real file and loads it the way the CLI does, for tests that break one
 * thing at a time in the valid base config (src/test/resources/config/valid.yml).
 */
final class ConfigFixture {
    static final Map<String, String> NO_ENV = Map.of();
    static final String VALID = resource("valid.yml");

    private final Path file;

    ConfigFixture(Path directory) {
        this.file = directory.resolve("stagewatch.yml");
    }

    Path file() {
        return file;
    }

    StagewatchConfig load(String yaml) {
        return load(yaml, NO_ENV);
    }

    StagewatchConfig load(String yaml, Map<String, String> env) {
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ConfigLoader.load(file, env);
    }

    /** The message lines of loading {@code yaml}, each without its "file: " prefix (checked here). */
    List<String> problems(String yaml) {
        return problems(yaml, NO_ENV);
    }

    List<String> problems(String yaml, Map<String, String> env) {
        ConfigException exception = catchThrowableOfType(ConfigException.class, () -> load(yaml, env));
        assertThat(exception).as("loading should fail").isNotNull();
        String prefix = file + ": ";
        List<String> lines = Arrays.asList(exception.getMessage().split("\\R"));
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith(prefix));
        return lines.stream().map(line -> line.substring(prefix.length())).toList();
    }

    /** The valid base config with one piece of text replaced; fails if the base no longer has it. */
    static String validWith(String target, String replacement) {
        assertThat(VALID).as("the base config").contains(target);
        return VALID.replace(target, replacement);
    }

    static String resource(String name) {
        try (InputStream in = ConfigFixture.class.getResourceAsStream("/config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resourcePath(String name) {
        try {
            return Path.of(ConfigFixture.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
