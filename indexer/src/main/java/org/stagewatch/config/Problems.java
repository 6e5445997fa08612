package org.stagewatch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems found so far in one file, across all loading passes (parse, substitution,
 * validation). Remembers which key paths already have a problem so that later passes stay
 * quiet about them: one mistake, one line in the message.
 */
final class Problems {
    private final Path file;
    private final List<ConfigProblem> found = new ArrayList<>();
    private final Set<String> reportedPaths = new HashSet<>();

    Problems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void add(String path, String problem, String remedy) {
        found.add(new ConfigProblem(file, path, problem, remedy));
        reportedPaths.add(path);
    }

    /** Whether this path, or a key path it lies under, already has a problem. */
    boolean reported(String path) {
        for (String reported : reportedPaths) {
            if (path.equals(reported) || path.startsWith(reported + ".") || path.startsWith(reported + "[")) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigException(found);
        }
    }
}
