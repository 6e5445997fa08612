package org.stagewatch.analyze.control;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code stagewatch council}: each council Safe as it stood at the point in time, with
 * its change history, and each council manager's cohorts. README.md documents every field.
 */
public record CouncilReport(String dao, List<ChainPoints.Point> at, List<Council> councils, List<Manager> managers) {

    /**
     * @param designated whether the config designates it (council: true); when none is, every Safe of the DAO is listed
     * @param version    VERSION() at the start block, else the event layout seen, else null
     */
    public record Council(long chainId, String address, String label, boolean designated, String version, int threshold,
                          List<String> owners, List<String> modules, String guard, String moduleGuard,
                          List<Change> history) {
    }

    /** An Arbitrum SecurityCouncilManager: members by cohort, the council Safes it keeps in sync, and its changes. */
    public record Manager(long chainId, String address, String label, Map<Integer, List<String>> cohorts,
                          List<String> councils, List<Change> history) {
    }
}
