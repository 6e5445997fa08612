package org.stagewatch.project;

import java.math.BigInteger;

import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.CallExecuted;
import org.stagewatch.decode.event.CallSalt;
import org.stagewatch.decode.event.CallScheduled;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.MinDelayChanged;
import org.stagewatch.decode.event.OperationCancelled;
import org.stagewatch.decode.event.TimelockAdminChanged;
import org.stagewatch.decode.event.TimelockTransaction;

/**
 * Projects OZ TimelockController and Compound Timelock events: delay history, operations (one row
 * per call of a batch, so a batch's calls stay in order), role holders (OZ) and admin (Compound).
 */
public final class TimelockProjector implements Projector {
    @Override
    public ContractKind kind() {
        return ContractKind.TIMELOCK;
    }

    @Override
    public void project(DecodedEvent event, ContractOptions options, ProjectedBatch out) {
        RawLog log = event.log();
        ControlBatch control = out.control;
        if (RoleProjection.project(event, control)) {
            return;
        }
        switch (event) {
            case MinDelayChanged changed -> control.timelockDelays.add(new ControlRows.TimelockDelay(log.chainId(),
                    log.address(), text(changed.oldDelay()), changed.newDelay().toString(), log.blockNumber(),
                    log.logIndex(), log.txHash()));
            case CallScheduled scheduled -> operation(control, log, scheduled.id(), text(scheduled.index()), "scheduled",
                    scheduled.target(), text(scheduled.value()), null, scheduled.data(), scheduled.predecessor(),
                    text(scheduled.delay()), null);
            case CallExecuted executed -> operation(control, log, executed.id(), text(executed.index()), "executed",
                    executed.target(), text(executed.value()), null, executed.data(), null, null, null);
            case CallSalt salt -> operation(control, log, salt.id(), null, "salt", null, null, null, salt.salt(), null, null, null);
            case OperationCancelled cancelled -> operation(control, log, cancelled.id(), null, "cancelled", null, null, null,
                    null, null, null, null);
            case TimelockTransaction transaction -> operation(control, log, transaction.txHash(), null, transaction.action(),
                    transaction.target(), text(transaction.value()), transaction.signature(), transaction.data(), null, null,
                    text(transaction.eta()));
            case TimelockAdminChanged admin -> control.ownershipChanges.add(new ControlRows.OwnershipChange(log.chainId(),
                    log.address(), admin.pending() ? "pending_admin" : "admin", null, admin.admin(), log.blockNumber(),
                    log.logIndex(), log.txHash()));
            default -> {
                // nothing else is emitted by the timelock ABIs
            }
        }
    }

    private static void operation(ControlBatch out, RawLog log, String id, String index, String change, String target,
                                  String value, String signature, String data, String predecessor, String delay, String eta) {
        out.timelockOperations.add(new ControlRows.TimelockOperation(log.chainId(), log.address(), id, index, change, target,
                value, signature, data, predecessor, delay, eta, log.blockNumber(), log.logIndex(), log.txHash()));
    }

    private static String text(BigInteger value) {
        return value == null ? null : value.toString();
    }
}
