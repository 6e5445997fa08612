package org.stagewatch.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema step written in Java (a loop over rows SQL cannot express portably), run by Flyway in the
 * migration's transaction like the SQL steps. Its checksum is its version: the step never changes once
 * released, as an applied SQL file must not.
 */
abstract class JavaStep implements JavaMigration {
    private final int version;
    private final String description;

    JavaStep(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return version;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
