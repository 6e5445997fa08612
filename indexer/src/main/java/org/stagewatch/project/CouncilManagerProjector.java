package org.stagewatch.project;

import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.CohortReplaced;
import org.stagewatch.decode.event.CouncilMemberAdded;
import org.stagewatch.decode.event.CouncilMemberRemoved;
import org.stagewatch.decode.event.CouncilMemberReplaced;
import org.stagewatch.decode.event.CouncilMemberRotated;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.SecurityCouncilAdded;
import org.stagewatch.decode.event.SecurityCouncilRemoved;

/**
 * Projects Arbitrum's SecurityCouncilManager: cohort membership changes, whole-cohort replacements
 * after elections, the council Safes it keeps in sync, and its roles.
 */
public final class CouncilManagerProjector implements Projector {
    @Override
    public ContractKind kind() {
        return ContractKind.COUNCIL_MANAGER;
    }

    @Override
    public void project(DecodedEvent event, ContractOptions options, ProjectedBatch out) {
        if (RoleProjection.project(event, out.control)) {
            return;
        }
        RawLog log = event.log();
        switch (event) {
            case CouncilMemberAdded added -> add(out, log, "member_added", added.member(), null, added.cohort(), null);
            case CouncilMemberRemoved removed -> add(out, log, "member_removed", removed.member(), null, removed.cohort(), null);
            case CouncilMemberReplaced replaced -> add(out, log, "member_replaced", replaced.replacedMember(),
                    replaced.newMember(), replaced.cohort(), null);
            case CouncilMemberRotated rotated -> add(out, log, "member_rotated", rotated.replacedAddress(),
                    rotated.newAddress(), rotated.cohort(), null);
            case CohortReplaced cohort -> add(out, log, "cohort_replaced", null, null, cohort.cohort(), JsonArrays.of(cohort.newCohort()));
            case SecurityCouncilAdded council -> add(out, log, "council_added", council.securityCouncil(),
                    council.updateAction(), null, null);
            case SecurityCouncilRemoved council -> add(out, log, "council_removed", council.securityCouncil(),
                    council.updateAction(), null, null);
            default -> {
                // the manager ABI has no other event
            }
        }
    }

    private static void add(ProjectedBatch out, RawLog log, String change, String member, String newMember,
                            Integer cohort, String members) {
        out.control.councilChanges.add(new ControlRows.CouncilChange(log.chainId(), log.address(), change, member,
                newMember, cohort, members, log.blockNumber(), log.logIndex(), log.txHash()));
    }

}
