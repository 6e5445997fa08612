package org.stagewatch.decode;

import org.stagewatch.decode.event.AdminChanged;
import org.stagewatch.decode.event.BeaconUpgraded;
import org.stagewatch.decode.event.CohortReplaced;
import org.stagewatch.decode.event.CouncilMemberAdded;
import org.stagewatch.decode.event.CouncilMemberRemoved;
import org.stagewatch.decode.event.CouncilMemberReplaced;
import org.stagewatch.decode.event.CouncilMemberRotated;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.OwnershipTransferStarted;
import org.stagewatch.decode.event.OwnershipTransferred;
import org.stagewatch.decode.event.RoleAdminChanged;
import org.stagewatch.decode.event.RoleGranted;
import org.stagewatch.decode.event.RoleRevoked;
import org.stagewatch.decode.event.SecurityCouncilAdded;
import org.stagewatch.decode.event.SecurityCouncilRemoved;
import org.stagewatch.decode.event.TargetCallExecuted;
import org.stagewatch.decode.event.UpgradeExecuted;
import org.stagewatch.decode.event.Upgraded;

/**
 * Maps the events that say who controls a contract to records: EIP-1967 proxies, Ownable,
 * AccessControl roles (timelocks, UpgradeExecutor and the council manager emit them too), Arbitrum's
 * UpgradeExecutor and SecurityCouncilManager.
 */
final class ControlEvents {
    private ControlEvents() {
    }

    /** The record for this event, or null when the event is not one of these. */
    static DecodedEvent map(LogValues v) {
        var log = v.log();
        return switch (v.event().name()) {
            case "Upgraded" -> new Upgraded(log, v.address(0));
            case "AdminChanged" -> new AdminChanged(log, v.address(0), v.address(1));
            case "BeaconUpgraded" -> new BeaconUpgraded(log, v.address(0));
            case "OwnershipTransferred" -> new OwnershipTransferred(log, v.address(0), v.address(1));
            case "OwnershipTransferStarted" -> new OwnershipTransferStarted(log, v.address(0), v.address(1));
            case "RoleGranted" -> new RoleGranted(log, v.hex(0), v.address(1), v.address(2));
            case "RoleRevoked" -> new RoleRevoked(log, v.hex(0), v.address(1), v.address(2));
            case "RoleAdminChanged" -> new RoleAdminChanged(log, v.hex(0), v.hex(1), v.hex(2));
            case "UpgradeExecuted" -> new UpgradeExecuted(log, v.address(0), v.uint(1), v.hex(2));
            case "TargetCallExecuted" -> new TargetCallExecuted(log, v.address(0), v.uint(1), v.hex(2));
            case "MemberAdded" -> new CouncilMemberAdded(log, v.address(0), v.smallInt(1));
            case "MemberRemoved" -> new CouncilMemberRemoved(log, v.address(0), v.smallInt(1));
            case "MemberReplaced" -> new CouncilMemberReplaced(log, v.address(0), v.address(1), v.smallInt(2));
            case "MemberRotated" -> new CouncilMemberRotated(log, v.address(0), v.address(1), v.smallInt(2));
            case "CohortReplaced" -> new CohortReplaced(log, v.list(0), v.smallInt(1));
            case "SecurityCouncilAdded" -> new SecurityCouncilAdded(log, v.address(0), v.address(1), v.uint(2));
            case "SecurityCouncilRemoved" -> new SecurityCouncilRemoved(log, v.address(0), v.address(1), v.uint(2));
            default -> null;
        };
    }
}
