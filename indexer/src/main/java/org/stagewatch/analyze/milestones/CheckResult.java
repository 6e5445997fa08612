package org.stagewatch.analyze.milestones;

import java.util.ArrayList;
import java.util.List;

import org.stagewatch.analyze.stage.Evidence;
import org.stagewatch.analyze.stage.Status;

/** What one check concluded: passed, failed or unknown, with the facts it read (the stage's evidence shape). */
public record CheckResult(Status status, List<Evidence> evidence) {
    public CheckResult {
        evidence = List.copyOf(evidence);
    }

    static CheckResult of(Status status, Evidence... evidence) {
        return new CheckResult(status, List.of(evidence));
    }

    static CheckResult unknown(String what, String why) {
        return of(Status.UNKNOWN, Evidence.fact(what, why));
    }

    /** Every check must pass: the worst status, with all evidence. */
    static CheckResult all(List<CheckResult> results) {
        Status status = Status.PASSED;
        List<Evidence> evidence = new ArrayList<>();
        for (CheckResult result : results) {
            status = status.and(result.status());
            evidence.addAll(result.evidence());
        }
        return new CheckResult(status, evidence);
    }

    /** One check suffices: passed when any passed, else unknown when any is unknown, else failed. */
    static CheckResult any(List<CheckResult> results) {
        boolean unknown = false;
        List<Evidence> evidence = new ArrayList<>();
        for (CheckResult result : results) {
            if (result.status() == Status.PASSED) {
                return result;
            }
            unknown |= result.status() == Status.UNKNOWN;
            evidence.addAll(result.evidence());
        }
        return new CheckResult(unknown ? Status.UNKNOWN : Status.FAILED, evidence);
    }
}
