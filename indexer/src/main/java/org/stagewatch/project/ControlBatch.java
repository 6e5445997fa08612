package org.stagewatch.project;

import java.util.ArrayList;
import java.util.List;

/** The control rows of one fetched block range; part of {@link ProjectedBatch}, written in its transaction. */
public final class ControlBatch {
    public final List<ControlRows.SafeChange> safeChanges = new ArrayList<>();
    public final List<ControlRows.RoleChange> roleChanges = new ArrayList<>();
    public final List<ControlRows.OwnershipChange> ownershipChanges = new ArrayList<>();
    public final List<ControlRows.ProxyChange> proxyChanges = new ArrayList<>();
    public final List<ControlRows.TimelockDelay> timelockDelays = new ArrayList<>();
    public final List<ControlRows.TimelockOperation> timelockOperations = new ArrayList<>();
    public final List<ControlRows.ExecutorCall> executorCalls = new ArrayList<>();
    public final List<ControlRows.CouncilChange> councilChanges = new ArrayList<>();

    public int size() {
        return safeChanges.size() + roleChanges.size() + ownershipChanges.size() + proxyChanges.size()
                + timelockDelays.size() + timelockOperations.size() + executorCalls.size() + councilChanges.size();
    }
}
