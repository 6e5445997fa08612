package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * AccessControl RoleGranted; {@code role} is 0x-hex bytes32.
 */
public record RoleGranted(RawLog log, String role, String account, String sender) implements DecodedEvent {
}
