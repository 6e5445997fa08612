package org.stagewatch.decode;

import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.GuardChanged;
import org.stagewatch.decode.event.ModuleDisabled;
import org.stagewatch.decode.event.ModuleEnabled;
import org.stagewatch.decode.event.OwnerAdded;
import org.stagewatch.decode.event.OwnerRemoved;
import org.stagewatch.decode.event.SafeExecution;
import org.stagewatch.decode.event.SafeModuleExecution;
import org.stagewatch.decode.event.SafeSetup;
import org.stagewatch.decode.event.ThresholdChanged;

/**
 * Maps Safe events to records. Where v1.1–v1.3 and v1.4–v1.5 encode an event differently (same
 * topic0, other indexed flags), the record names the encoding the log used, taken from the ABI
 * file that matched its topic count ({@code safe-v1.3} or {@code safe-v1.4}).
 */
final class SafeEvents {
    private SafeEvents() {
    }

    /** The record for this event, or null when the event is not a Safe event. */
    static DecodedEvent map(LogValues v) {
        var log = v.log();
        return switch (v.event().name()) {
            case "SafeSetup" -> new SafeSetup(log, v.address(0), v.list(1), v.uint(2), v.address(3), v.address(4));
            case "AddedOwner" -> new OwnerAdded(log, version(v), v.address(0));
            case "RemovedOwner" -> new OwnerRemoved(log, version(v), v.address(0));
            case "ChangedThreshold" -> new ThresholdChanged(log, v.uint(0));
            case "EnabledModule" -> new ModuleEnabled(log, version(v), v.address(0));
            case "DisabledModule" -> new ModuleDisabled(log, version(v), v.address(0));
            case "ChangedGuard" -> new GuardChanged(log, version(v), v.address(0), false);
            case "ChangedModuleGuard" -> new GuardChanged(log, version(v), v.address(0), true);
            case "ExecutionSuccess" -> new SafeExecution(log, version(v), v.hex(0), v.uint(1), true);
            case "ExecutionFailure" -> new SafeExecution(log, version(v), v.hex(0), v.uint(1), false);
            case "ExecutionFromModuleSuccess" -> new SafeModuleExecution(log, v.address(0), true);
            case "ExecutionFromModuleFailure" -> new SafeModuleExecution(log, v.address(0), false);
            default -> null;
        };
    }

    /** "1.3" or "1.4", from the ABI file name "safe-v1.3" / "safe-v1.4". */
    private static String version(LogValues v) {
        String source = v.event().source();
        return source.startsWith("safe-v") ? source.substring("safe-v".length()) : source;
    }
}
