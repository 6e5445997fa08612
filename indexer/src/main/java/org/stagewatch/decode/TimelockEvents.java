package org.stagewatch.decode;

import org.stagewatch.decode.event.CallExecuted;
import org.stagewatch.decode.event.CallSalt;
import org.stagewatch.decode.event.CallScheduled;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.MinDelayChanged;
import org.stagewatch.decode.event.OperationCancelled;
import org.stagewatch.decode.event.TimelockAdminChanged;
import org.stagewatch.decode.event.TimelockTransaction;

/** Maps OZ TimelockController and Compound Timelock events to records. */
final class TimelockEvents {
    private TimelockEvents() {
    }

    /** The record for this event, or null when the event is not a timelock event. */
    static DecodedEvent map(LogValues v) {
        var log = v.log();
        return switch (v.event().name()) {
            case "CallScheduled" -> new CallScheduled(log, v.hex(0), v.uint(1), v.address(2), v.uint(3), v.hex(4),
                    v.hex(5), v.uint(6));
            case "CallExecuted" -> new CallExecuted(log, v.hex(0), v.uint(1), v.address(2), v.uint(3), v.hex(4));
            case "CallSalt" -> new CallSalt(log, v.hex(0), v.hex(1));
            case "Cancelled" -> new OperationCancelled(log, v.hex(0));
            case "MinDelayChange" -> new MinDelayChanged(log, v.uint(0), v.uint(1));
            case "NewDelay" -> new MinDelayChanged(log, null, v.uint(0));
            case "NewAdmin" -> new TimelockAdminChanged(log, v.address(0), false);
            case "NewPendingAdmin" -> new TimelockAdminChanged(log, v.address(0), true);
            case "QueueTransaction" -> transaction(v, "queued");
            case "ExecuteTransaction" -> transaction(v, "executed");
            case "CancelTransaction" -> transaction(v, "cancelled");
            default -> null;
        };
    }

    /** (txHash, target, value, signature, data, eta), the same for all three Compound events. */
    private static TimelockTransaction transaction(LogValues v, String action) {
        return new TimelockTransaction(v.log(), action, v.hex(0), v.address(1), v.uint(2), v.string(3), v.hex(4),
                v.uint(5));
    }
}
