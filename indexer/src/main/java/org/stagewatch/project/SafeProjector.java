package org.stagewatch.project;

import java.math.BigInteger;

import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.GuardChanged;
import org.stagewatch.decode.event.ModuleDisabled;
import org.stagewatch.decode.event.ModuleEnabled;
import org.stagewatch.decode.event.OwnerAdded;
import org.stagewatch.decode.event.OwnerRemoved;
import org.stagewatch.decode.event.SafeSetup;
import org.stagewatch.decode.event.ThresholdChanged;

/**
 * Projects Safe (v1.1–v1.5) owner, threshold, module and guard events into {@code safe_changes}. The
 * initial owners of a v1.3+ Safe are only in SafeSetup (never AddedOwner), so setup keeps them as a
 * JSON array; executions stay in raw_logs. Each row records the event layout the log matched
 * ("1.3" or "1.4"), which is all the events tell about the Safe's version.
 */
public final class SafeProjector implements Projector {
    @Override
    public ContractKind kind() {
        return ContractKind.SAFE;
    }

    @Override
    public void project(DecodedEvent event, ContractOptions options, ProjectedBatch out) {
        RawLog log = event.log();
        switch (event) {
            case SafeSetup setup -> add(out, log, "setup", null, setup.threshold(), JsonArrays.of(setup.owners()), null);
            case OwnerAdded added -> add(out, log, "owner_added", added.owner(), null, null, added.safeVersion());
            case OwnerRemoved removed -> add(out, log, "owner_removed", removed.owner(), null, null, removed.safeVersion());
            case ThresholdChanged changed -> add(out, log, "threshold", null, changed.threshold(), null, null);
            case ModuleEnabled enabled -> add(out, log, "module_enabled", enabled.module(), null, null, enabled.safeVersion());
            case ModuleDisabled disabled -> add(out, log, "module_disabled", disabled.module(), null, null, disabled.safeVersion());
            case GuardChanged guard -> add(out, log, guard.moduleGuard() ? "module_guard" : "guard", guard.guard(), null, null,
                    guard.safeVersion());
            default -> {
                // executions and module executions: raw_logs only
            }
        }
    }

    private static void add(ProjectedBatch out, RawLog log, String change, String account, BigInteger threshold,
                            String owners, String encoding) {
        out.control.safeChanges.add(new ControlRows.SafeChange(log.chainId(), log.address(), change, account,
                threshold == null ? null : threshold.toString(), owners, encoding, log.blockNumber(), log.logIndex(),
                log.txHash()));
    }
}
