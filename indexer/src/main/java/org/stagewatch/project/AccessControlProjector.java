package org.stagewatch.project;

import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.DecodedEvent;

/** Projects the role events of a plain AccessControl contract (holders and admin roles at any block). */
public final class AccessControlProjector implements Projector {
    @Override
    public ContractKind kind() {
        return ContractKind.ACCESS_CONTROL;
    }

    @Override
    public void project(DecodedEvent event, ContractOptions options, ProjectedBatch out) {
        RoleProjection.project(event, out.control);
    }
}
