package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a config file (config/SCHEMA.md) into a validated {@link StagewatchConfig}: parse the YAML
 * into a tree, substitute {@code ${NAME}} references, validate the whole tree, then build the
 * records. Invariant: it returns a config that passed every check, or throws a
 * {@link ConfigException} listing every problem found, each naming the file and the key.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Loads {@code file}, resolving {@code ${NAME}} from the process environment. */
    public static StagewatchConfig load(Path file) {
        return load(file, System.getenv());
    }

    /** Loads {@code file}, resolving {@code ${NAME}} from {@code env} (tests pass their own). */
    public static StagewatchConfig load(Path file, Map<String, String> env) {
        return parse(read(file), file, env);
    }

    /**
     * Loads config text that did not come from a file of its own (a preset on the classpath, a test).
     *
     * @param source the name messages give the text, and {@link StagewatchConfig#source()}
     */
    public static StagewatchConfig parse(String yaml, Path source, Map<String, String> env) {
        Problems problems = new Problems(source);
        JsonNode root = YamlTreeReader.read(yaml, problems);
        if (root != null) {
            EnvSubstitution.apply(root, env, problems);
        }
        ConfigValidator.validate(root, problems);
        problems.throwIfAny();
        return ConfigBinder.bind(source, root);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileProblem(file, "no such file", "check the path; examples are in config/examples/");
        } catch (CharacterCodingException e) {
            throw fileProblem(file, "not UTF-8 text", "save the file as UTF-8");
        } catch (IOException e) {
            throw fileProblem(file, "cannot read: " + e.getMessage(), "check that the file exists and is readable");
        }
    }

    private static ConfigException fileProblem(Path file, String problem, String remedy) {
        return new ConfigException(new ConfigProblem(file, "", problem, remedy));
    }
}
