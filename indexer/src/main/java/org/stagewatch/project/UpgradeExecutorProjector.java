package org.stagewatch.project;

import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.TargetCallExecuted;
import org.stagewatch.decode.event.UpgradeExecuted;

/** Projects Arbitrum's UpgradeExecutor: who holds EXECUTOR_ROLE and ADMIN_ROLE, and every upgrade or call it made. */
public final class UpgradeExecutorProjector implements Projector {
    @Override
    public ContractKind kind() {
        return ContractKind.UPGRADE_EXECUTOR;
    }

    @Override
    public void project(DecodedEvent event, ContractOptions options, ProjectedBatch out) {
        if (RoleProjection.project(event, out.control)) {
            return;
        }
        RawLog log = event.log();
        switch (event) {
            case UpgradeExecuted upgrade -> out.control.executorCalls.add(new ControlRows.ExecutorCall(log.chainId(),
                    log.address(), "upgrade", upgrade.upgrade(), upgrade.value().toString(), upgrade.data(),
                    log.blockNumber(), log.logIndex(), log.txHash()));
            case TargetCallExecuted call -> out.control.executorCalls.add(new ControlRows.ExecutorCall(log.chainId(),
                    log.address(), "call", call.target(), call.value().toString(), call.data(),
                    log.blockNumber(), log.logIndex(), log.txHash()));
            default -> {
                // the executor ABI has no other event
            }
        }
    }
}
