package org.stagewatch.config;

import java.util.List;

/**
 * A named decision of a DAO (the {@code decisions:} list of config/SCHEMA.md), e.g. "protocol upgrade":
 * the permissions whose holders make it.
 *
 * @param source a link to where the decision is described (null: none)
 */
public record DecisionConfig(String id, String title, String source, List<Permission> permissions) {
    public DecisionConfig {
        permissions = List.copyOf(permissions);
    }

    /**
     * One permission on a contract of the DAO.
     *
     * @param permission upgrade (a proxy's admin or beacon), owner (an ownable's or Compound timelock's), role (holders
     *                   of {@code role}, or of its admin role), or act (whoever can act as the contract, e.g. call
     *                   {@code function} through a timelock or an executor)
     * @param role       the role's name or 0x id, for permission role
     * @param function   the function called through the contract, for display (null: none)
     */
    public record Permission(String chain, String address, String permission, String role, String function) {
        public static final List<String> KINDS = List.of("upgrade", "owner", "role", "act");
    }
}
