package org.stagewatch.decode.event;

import org.stagewatch.chain.RawLog;

/**
 * AccessControl RoleAdminChanged: which role administers {@code role}.
 */
public record RoleAdminChanged(RawLog log, String role, String previousAdminRole, String newAdminRole
        ) implements DecodedEvent {
}
