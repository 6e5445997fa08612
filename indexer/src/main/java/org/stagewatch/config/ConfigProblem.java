package org.stagewatch.config;

import java.nio.file.Path;

/**
 * One thing wrong with a config file, in the form every Stagewatch message takes:
 * {@code <file>: <where>: <problem> (<what is expected / what to do>)}.
 *
 * @param file    the config file, as the user named it
 * @param where   a key path ({@code daos.arbitrum.contracts[2].kind}), a position
 *                ({@code line 4, column 7}), or empty when the whole file is meant
 * @param problem what is wrong, quoting the offending value
 * @param remedy  what was expected or what to do; never empty, so no message leaves the user stuck
 */
public record ConfigProblem(Path file, String where, String problem, String remedy) {

    @Override
    public String toString() {
        String location = where.isEmpty() ? "" : where + ": ";
        return file + ": " + location + problem + " (" + remedy + ")";
    }
}
