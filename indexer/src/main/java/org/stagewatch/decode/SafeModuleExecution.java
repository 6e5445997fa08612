package org.stagewatch.decode;

import org.stagewatch.chain.RawLog;

/**
 * Safe ExecutionFromModuleSuccess / ExecutionFromModuleFailure.
 */
public record SafeModuleExecution(RawLog log, String module, boolean success) implements DecodedEvent {
}
