package org.stagewatch.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A config file that cannot be used. Carries every problem found, not just the first, so a
 * user fixes the file in one round; {@link #getMessage()} lists them one per line.
 */
public final class ConfigException extends RuntimeException {
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /** The problems in the order they were found (file order within each checking pass). */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
