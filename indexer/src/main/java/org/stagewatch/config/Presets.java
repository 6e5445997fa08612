package org.stagewatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The configs shipped inside the jar ({@code config/presets/NAME.yml}, packaged as
 * {@code presets/NAME.yml}): loaded like a config file, with the same validation and {@code ${NAME}}
 * substitution, and named {@code preset:NAME} in every message.
 */
public final class Presets {
    /** Every packaged preset; PresetsTest keeps this equal to the files in config/presets. */
    public static final List<String> NAMES = List.of("arbitrum", "optimism");

    private Presets() {
    }

    /** Loads preset {@code name}, resolving {@code ${NAME}} from {@code env}. */
    public static StagewatchConfig load(String name, Map<String, String> env) {
        return ConfigLoader.parse(text(name), source(name), env);
    }

    /** The preset's YAML as packaged; an unknown name is a {@link ConfigException} listing the known ones. */
    public static String text(String name) {
        if (!NAMES.contains(name)) {
            throw new ConfigException(new ConfigProblem(source(name), "", "no such preset",
                    "available presets: " + String.join(", ", NAMES) + "; or give your own file with --config"));
        }
        try (InputStream in = Presets.class.getResourceAsStream("/presets/" + name + ".yml")) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " is not packaged: presets/" + name + ".yml is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading preset " + name, e);
        }
    }

    /** The name messages give a preset: {@code preset:arbitrum}. */
    public static Path source(String name) {
        return Path.of("preset:" + name);
    }
}
