package org.stagewatch.project;

import org.stagewatch.chain.RawLog;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.RoleAdminChanged;
import org.stagewatch.decode.event.RoleGranted;
import org.stagewatch.decode.event.RoleRevoked;

/**
 * AccessControl role events, which timelocks, access-control contracts, UpgradeExecutors and the
 * council manager all emit, projected the same way for every kind. A role granted to address 0 is
 * kept as it is: for a timelock's EXECUTOR_ROLE it means anyone (the analysis reads it so).
 */
final class RoleProjection {
    private RoleProjection() {
    }

    /** Adds the row for a role event and returns true; returns false for any other event. */
    static boolean project(DecodedEvent event, ControlBatch out) {
        RawLog log = event.log();
        switch (event) {
            case RoleGranted granted -> out.roleChanges.add(new ControlRows.RoleChange(log.chainId(), log.address(),
                    "granted", granted.role(), granted.account(), granted.sender(), log.blockNumber(), log.logIndex(), log.txHash()));
            case RoleRevoked revoked -> out.roleChanges.add(new ControlRows.RoleChange(log.chainId(), log.address(),
                    "revoked", revoked.role(), revoked.account(), revoked.sender(), log.blockNumber(), log.logIndex(), log.txHash()));
            case RoleAdminChanged changed -> out.roleChanges.add(new ControlRows.RoleChange(log.chainId(), log.address(),
                    "admin_changed", changed.role(), changed.newAdminRole(), changed.previousAdminRole(),
                    log.blockNumber(), log.logIndex(), log.txHash()));
            default -> {
                return false;
            }
        }
        return true;
    }
}
