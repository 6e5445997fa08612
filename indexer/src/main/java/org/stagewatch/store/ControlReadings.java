package org.stagewatch.store;

/**
 * The names under which the sync stores control state it reads from the chain ({@code state_reads.name}),
 * shared by the readers that write them and the analysis that reads them. Values: JSON arrays of
 * lower-case addresses for lists, decimal text for numbers, lower-case addresses, text for VERSION.
 */
public final class ControlReadings {
    /** Marker written with a contract's start-block readings: "ok", "no code" or "unavailable: …". */
    public static final String START_STATE = "startState";
    public static final String SAFE_OWNERS = "getOwners";
    public static final String SAFE_THRESHOLD = "getThreshold";
    public static final String SAFE_MODULES = "getModulesPaginated";
    public static final String SAFE_VERSION = "VERSION";
    public static final String OWNER = "owner";
    public static final String MIN_DELAY = "getMinDelay";
    public static final String IMPLEMENTATION_SLOT = "eip1967.implementation";
    public static final String ADMIN_SLOT = "eip1967.admin";
    public static final String BEACON_SLOT = "eip1967.beacon";

    public static final String OK = "ok";
    public static final String NO_CODE = "no code";

    private ControlReadings() {
    }
}
