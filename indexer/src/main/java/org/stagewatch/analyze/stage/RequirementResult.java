package org.stagewatch.analyze.stage;

import java.util.List;

import org.stagewatch.config.Requirement;

/**
 * One requirement of the stages framework as evaluated at a point in time.
 *
 * @param stage    the stage it belongs to (0, 1, 2)
 * @param id       L2BEAT's id, e.g. usersHave7DaysToExit
 * @param summary  what it asks, in a line
 * @param evidence the facts that decided it, the deciding one first
 */
public record RequirementResult(int stage, String id, Status status, Source source, String summary, List<Evidence> evidence) {
    public RequirementResult {
        evidence = List.copyOf(evidence);
    }

    static RequirementResult of(Requirement requirement, Status status, Source source, List<Evidence> evidence) {
        return new RequirementResult(requirement.stage(), requirement.id(), status, source, requirement.summary(), evidence);
    }
}
