package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * Safe ExecutionFromModuleSuccess / ExecutionFromModuleFailure.
 */
public record SafeModuleExecution(RawLog log, String module, boolean success) implements DecodedEvent {
}
