package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * AccessControl RoleRevoked (also renounceRole, with sender = account).
 */
public record RoleRevoked(RawLog log, String role, String account, String sender) implements DecodedEvent {
}
