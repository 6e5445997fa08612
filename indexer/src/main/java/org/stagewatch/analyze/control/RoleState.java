package org.stagewatch.analyze.control;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stagewatch.project.ControlRows;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * AccessControl roles at one block, replayed from role_changes: who holds each role and which role
 * administers it (DEFAULT_ADMIN_ROLE, 0x00…0, unless RoleAdminChanged said otherwise). Also names the
 * roles the indexed contracts use, by their keccak256 ids.
 */
public final class RoleState {
    public static final String DEFAULT_ADMIN_ROLE = "0x" + "0".repeat(64);
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        NAMES.put(DEFAULT_ADMIN_ROLE, "DEFAULT_ADMIN_ROLE");
        for (String name : List.of("PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE", "TIMELOCK_ADMIN_ROLE", "ADMIN_ROLE",
                "UPGRADER_ROLE", "PAUSER_ROLE", "MINTER_ROLE", "MEMBER_ADDER_ROLE", "MEMBER_REPLACER_ROLE",
                "MEMBER_ROTATOR_ROLE", "MEMBER_REMOVER_ROLE", "COHORT_REPLACER_ROLE")) {
            NAMES.put(id(name), name);
        }
    }

    private final Map<String, Set<String>> holders = new LinkedHashMap<>();
    private final Map<String, String> admins = new HashMap<>();

    /** Replays the changes (all at or before the block, in chain order). */
    public static RoleState of(List<ControlRows.RoleChange> changes) {
        RoleState state = new RoleState();
        for (ControlRows.RoleChange change : changes) {
            switch (change.change()) {
                case "granted" -> state.holders.computeIfAbsent(change.role(), role -> new LinkedHashSet<>()).add(change.account());
                case "revoked" -> state.holders.getOrDefault(change.role(), new LinkedHashSet<>()).remove(change.account());
                case "admin_changed" -> state.admins.put(change.role(), change.account());
                default -> throw new IllegalStateException("unknown role change " + change.change());
            }
        }
        return state;
    }

    /** The bytes32 id of a role name: keccak256(name). */
    public static String id(String name) {
        return Numeric.toHexString(Hash.sha3(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** "EXECUTOR_ROLE" for a known id, else the id itself. */
    public static String name(String role) {
        return NAMES.getOrDefault(role, role);
    }

    public Set<String> holders(String role) {
        return Set.copyOf(holders.getOrDefault(role, Set.of()));
    }

    /** Holders of the role that administers {@code role}: they can grant {@code role} to themselves. */
    public Set<String> adminHolders(String role) {
        return holders(admins.getOrDefault(role, DEFAULT_ADMIN_ROLE));
    }

    /** Roles with at least one holder, in the order first granted. */
    public List<String> heldRoles() {
        return holders.entrySet().stream().filter(entry -> !entry.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    public boolean isEmpty() {
        return heldRoles().isEmpty();
    }
}
