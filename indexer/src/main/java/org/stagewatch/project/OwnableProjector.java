package org.stagewatch.project;

import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.OwnershipTransferStarted;
import org.stagewatch.decode.event.OwnershipTransferred;

/** Projects Ownable / Ownable2Step events; a started transfer is pending and gives the new owner nothing yet. */
public final class OwnableProjector implements Projector {
    @Override
    public ContractKind kind() {
        return ContractKind.OWNABLE;
    }

    @Override
    public void project(DecodedEvent event, ContractOptions options, ProjectedBatch out) {
        RawLog log = event.log();
        switch (event) {
            case OwnershipTransferred transferred -> out.control.ownershipChanges.add(new ControlRows.OwnershipChange(
                    log.chainId(), log.address(), "transferred", transferred.previousOwner(), transferred.newOwner(),
                    log.blockNumber(), log.logIndex(), log.txHash()));
            case OwnershipTransferStarted started -> out.control.ownershipChanges.add(new ControlRows.OwnershipChange(
                    log.chainId(), log.address(), "transfer_started", started.previousOwner(), started.newOwner(),
                    log.blockNumber(), log.logIndex(), log.txHash()));
            default -> {
                // the ownable ABI has no other event
            }
        }
    }
}
