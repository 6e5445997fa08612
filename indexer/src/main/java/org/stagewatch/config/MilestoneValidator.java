package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a DAO's {@code milestones:} and {@code decisions:} sections: phases (unique ids), milestones
 * (unique ids, a declared phase, {@code after:} naming other milestones without a cycle, a link as
 * source) and each milestone's check (exactly one kind, every contract it names a contract of the DAO
 * of a kind that has what the check reads, known requirement ids and metric names, probe calls and
 * values as stage probes take them); decisions (unique ids, permissions on contracts of the DAO of a
 * kind that has the permission). Every problem is recorded under its key path.
 */
final class MilestoneValidator {
    static final KeySet KEYS = new KeySet("milestones")
            .required("phases", "list the phases, e.g. phases: [{id: A, title: Bootstrapping}]")
            .required("milestones", "list the milestones, each with id, title, phase and check");
    static final KeySet PHASE_KEYS = new KeySet("phase")
            .required("id", "a short id milestones name in phase:, e.g. id: A")
            .required("title", "what the phase stands for, e.g. title: Bootstrapping")
            .optional("order");
    static final KeySet MILESTONE_KEYS = new KeySet("milestone")
            .required("id", "a short id other milestones name in after:, e.g. id: governorAdminIsTimelock")
            .required("title", "what the milestone says, e.g. title: The DAO's timelock administers the governor")
            .required("phase", "the id of the phase it belongs to")
            .required("check", "the predicate that decides it, e.g. check: {owner: {chain: eth, address: \"0x…\", in: [...]}}")
            .optional("after", "source");
    static final KeySet STAGE_KEYS = new KeySet("stage check").required("atLeast", "the lowest stage that passes, e.g. atLeast: 1");
    static final KeySet ROUTE_KEYS = new KeySet("route check")
            .optional("chain", "address", "permission", "every", "minDelaySeconds", "minKeys");
    static final KeySet OWNER_KEYS = new KeySet("owner check")
            .required("chain", "the chain key of the contract").required("address", "the contract whose owner or admin is checked")
            .required("in", "the contracts the owner must be one of, e.g. in: [{chain: eth, address: \"0x…\"}]");
    static final KeySet ROLE_KEYS = new KeySet("role check")
            .required("chain", "the chain key of the contract").required("address", "the contract whose role is checked")
            .required("role", "the role's name or 0x id, e.g. role: MINTER_ROLE")
            .required("in", "the contracts every holder must be one of, e.g. in: [{chain: eth, address: \"0x…\"}]");
    static final KeySet METRIC_KEYS = new KeySet("metric check")
            .required("name", "a metric, e.g. name: nakamoto.majority").optional("atLeast", "atMost");
    static final KeySet ACTIVITY_KEYS = new KeySet("activity check")
            .required("count", "one of " + String.join(", ", MilestoneCheck.ActivityCheck.COUNTS))
            .required("atLeast", "the fewest events that pass, e.g. atLeast: 3").optional("windowDays");
    static final KeySet PROBE_KEYS = new KeySet("probe check")
            .required("chain", "the chain key to call on").required("address", "the contract to call")
            .required("call", "a view function without arguments, e.g. call: respectedGameType()")
            .required("returns", "one of bool, uint256, address")
            .required("expect", "the result that passes, e.g. expect: true").optional("label");
    static final KeySet ASSERTION_KEYS = StageValidator.ASSERTION_KEYS;
    static final KeySet REF_KEYS = new KeySet("contract reference")
            .required("chain", "the chain key of the contract").required("address", "a contract of this DAO");
    static final KeySet DECISION_KEYS = new KeySet("decision")
            .required("id", "a short id, e.g. id: protocolUpgrade")
            .required("title", "what is decided, e.g. title: Protocol upgrade")
            .required("permissions", "the permissions whose holders decide, e.g. permissions: [{chain: eth, address: \"0x…\", permission: upgrade}]")
            .optional("source");
    static final KeySet PERMISSION_KEYS = new KeySet("decision permission")
            .required("chain", "the chain key of the contract").required("address", "a contract of this DAO")
            .required("permission", "one of " + String.join(", ", DecisionConfig.Permission.KINDS))
            .optional("role", "function");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern CALL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\(\\)");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern ROLE_ID = Pattern.compile("0x[0-9a-fA-F]{64}|[A-Z][A-Z0-9_]*");
    private static final String ADDRESS = "expected 0x followed by 40 hex digits";
    private static final Set<ContractKind> OWNED = EnumSet.of(ContractKind.OWNABLE, ContractKind.PROXY, ContractKind.TIMELOCK);
    private static final Set<ContractKind> WITH_ROLES = EnumSet.of(ContractKind.ACCESS_CONTROL, ContractKind.TIMELOCK,
            ContractKind.UPGRADE_EXECUTOR);

    private final Problems problems;
    private final FieldReader fields;
    private final Set<String> chainKeys;
    private final Map<String, StageValidator.Declared> contracts;

    /** @param contracts the DAO's valid contracts by "chain:checksummedAddress" */
    MilestoneValidator(Problems problems, Set<String> chainKeys, Map<String, StageValidator.Declared> contracts) {
        this.problems = problems;
        this.fields = new FieldReader(problems);
        this.chainKeys = chainKeys;
        this.contracts = contracts;
    }

    void validateMilestones(JsonNode section, String path) {
        if (section == null || section.isNull() || problems.reported(path)
                || !fields.isMap(section, path, "expected a map with phases: and milestones:")) {
            return;
        }
        KEYS.check(section, path, problems);
        Set<String> phases = new LinkedHashSet<>();
        String phasesPath = KeyPath.child(path, "phases");
        fields.eachMap(section.get("phases"), phasesPath, "phase", (phase, itemPath) -> {
            PHASE_KEYS.check(phase, itemPath, problems);
            id(phase, itemPath).ifPresent(id -> {
                if (!phases.add(id)) {
                    fields.reject(KeyPath.child(itemPath, "id"), "duplicate phase id '" + id + "'", "give each phase its own id");
                }
            });
            fields.read(phase, itemPath, "title", Values::text, "expected what the phase stands for");
            fields.intNumber(phase, itemPath, "order", 0, "expected a whole number ≥ 0 (phases are listed in this order)");
        });
        String milestonesPath = KeyPath.child(path, "milestones");
        Map<String, String> pathById = new LinkedHashMap<>();
        Map<String, List<String>> afterById = new LinkedHashMap<>();
        Map<String, String> afterPaths = new HashMap<>();
        fields.eachMap(section.get("milestones"), milestonesPath, "milestone", (milestone, itemPath) -> {
            MILESTONE_KEYS.check(milestone, itemPath, problems);
            Optional<String> id = id(milestone, itemPath);
            id.ifPresent(value -> {
                String other = pathById.putIfAbsent(value, itemPath);
                if (other != null) {
                    fields.reject(KeyPath.child(itemPath, "id"), "duplicate milestone id '" + value + "', also " + other,
                            "give each milestone its own id");
                }
            });
            fields.read(milestone, itemPath, "title", Values::text, "expected what the milestone says");
            fields.read(milestone, itemPath, "phase", Values::text, "expected a phase id").ifPresent(phase -> {
                if (!phases.contains(phase) && !problems.reported(phasesPath)) {
                    unknown(KeyPath.child(itemPath, "phase"), "phase", phase, phases);
                }
            });
            link(milestone, itemPath, "source");
            List<String> after = texts(milestone.get("after"), KeyPath.child(itemPath, "after"), "milestone ids");
            id.ifPresent(value -> {
                afterById.putIfAbsent(value, after);
                afterPaths.putIfAbsent(value, KeyPath.child(itemPath, "after"));
            });
            JsonNode check = milestone.get("check");
            if (check != null && !check.isNull()) {
                check(check, KeyPath.child(itemPath, "check"));
            }
        });
        dependencies(afterById, afterPaths);
    }

    /** Unknown ids and self-references in after:, then one line per cycle (at the first milestone on it). */
    private void dependencies(Map<String, List<String>> afterById, Map<String, String> afterPaths) {
        Map<String, List<String>> known = new LinkedHashMap<>();
        afterById.forEach((id, after) -> {
            List<String> kept = new ArrayList<>();
            for (int index = 0; index < after.size(); index++) {
                String dependency = after.get(index);
                String itemPath = KeyPath.element(afterPaths.get(id), index);
                if (dependency.equals(id)) {
                    fields.reject(itemPath, "milestone '" + id + "' depends on itself", "remove it from its own after:");
                } else if (!afterById.containsKey(dependency)) {
                    unknown(itemPath, "milestone", dependency, afterById.keySet());
                } else {
                    kept.add(dependency);
                }
            }
            known.put(id, kept);
        });
        Set<String> done = new LinkedHashSet<>();
        for (String start : known.keySet()) {
            List<String> cycle = cycleFrom(start, known, new ArrayList<>(), done);
            if (cycle != null) {
                fields.reject(afterPaths.get(cycle.get(0)), "cycle in after: " + String.join(" → ", cycle),
                        "a milestone cannot wait for itself: remove one of these dependencies");
            }
        }
    }

    /** Depth-first search; returns the first cycle met (first id repeated at the end), marking visited ids done. */
    private static List<String> cycleFrom(String id, Map<String, List<String>> after, List<String> trail, Set<String> done) {
        int seen = trail.indexOf(id);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(trail.subList(seen, trail.size()));
            cycle.add(id);
            return cycle;
        }
        if (done.contains(id)) {
            return null;
        }
        trail.add(id);
        for (String dependency : after.getOrDefault(id, List.of())) {
            List<String> cycle = cycleFrom(dependency, after, trail, done);
            if (cycle != null) {
                cycle.forEach(done::add);
                return cycle;
            }
        }
        trail.remove(trail.size() - 1);
        done.add(id);
        return null;
    }

    private void check(JsonNode check, String path) {
        if (!fields.isMap(check, path, "expected one check kind: " + String.join(", ", MilestoneCheck.KINDS))) {
            return;
        }
        List<String> keys = Values.keys(check);
        if (keys.size() != 1) {
            fields.reject(path, keys.isEmpty() ? "an empty check" : "several check kinds in one map (" + String.join(", ", keys) + ")",
                    "write exactly one of " + String.join(", ", MilestoneCheck.KINDS) + "; combine checks with all: or any:");
            return;
        }
        String kind = keys.get(0);
        String kindPath = KeyPath.child(path, kind);
        JsonNode body = check.get(kind);
        switch (kind) {
            case "stage" -> map(body, kindPath, "{atLeast: 1}", () -> {
                STAGE_KEYS.check(body, kindPath, problems);
                fields.read(body, kindPath, "atLeast", Values::intNumber, "expected 0, 1 or 2").filter(stage -> stage < 0 || stage > 2)
                        .ifPresent(stage -> fields.reject(KeyPath.child(kindPath, "atLeast"), "no Stage " + stage, "expected 0, 1 or 2"));
            });
            case "requirement" -> fields.readAt(body, kindPath, Values::text, "expected a requirement id").ifPresent(id -> {
                if (Requirement.fromId(id).isEmpty()) {
                    unknown(kindPath, "requirement", id, Requirement.ids());
                }
            });
            case "route" -> map(body, kindPath, "{every: vote} or {minDelaySeconds: …} or {minKeys: …}", () -> route(body, kindPath));
            case "owner" -> map(body, kindPath, "{chain, address, in: [...]}", () -> {
                OWNER_KEYS.check(body, kindPath, problems);
                ofKind(body, kindPath, OWNED, true, "owner or admin");
                refs(body.get("in"), KeyPath.child(kindPath, "in"));
            });
            case "role" -> map(body, kindPath, "{chain, address, role, in: [...]}", () -> {
                ROLE_KEYS.check(body, kindPath, problems);
                ofKind(body, kindPath, WITH_ROLES, false, "roles");
                role(body, kindPath);
                refs(body.get("in"), KeyPath.child(kindPath, "in"));
            });
            case "metric" -> map(body, kindPath, "{name, atLeast, atMost}", () -> metric(body, kindPath));
            case "activity" -> map(body, kindPath, "{count, atLeast, windowDays}", () -> {
                ACTIVITY_KEYS.check(body, kindPath, problems);
                fields.read(body, kindPath, "count", Values::text, "expected one of " + String.join(", ", MilestoneCheck.ActivityCheck.COUNTS))
                        .filter(count -> !MilestoneCheck.ActivityCheck.COUNTS.contains(count))
                        .ifPresent(count -> unknown(KeyPath.child(kindPath, "count"), "activity", count, MilestoneCheck.ActivityCheck.COUNTS));
                fields.number(body, kindPath, "atLeast", 0, "expected a whole number ≥ 0");
                fields.number(body, kindPath, "windowDays", 1, "expected a whole number of days > 0; omit it to count the whole history");
            });
            case "probe" -> map(body, kindPath, "{chain, address, call, returns, expect}", () -> probe(body, kindPath));
            case "assertion" -> map(body, kindPath, "{value: true|false, source: https://…}", () -> {
                ASSERTION_KEYS.check(body, kindPath, problems);
                fields.read(body, kindPath, "value", Values::flag, "expected true or false");
                link(body, kindPath, "source");
            });
            case "all", "any" -> {
                if (!body.isArray() || body.isEmpty()) {
                    fields.reject(kindPath, Values.describe(body) + " where a list of checks belongs", "write " + kind + ": [{…}, {…}]");
                    return;
                }
                for (int index = 0; index < body.size(); index++) {
                    check(body.get(index), KeyPath.element(kindPath, index));
                }
            }
            default -> unknown(kindPath, "check kind", kind, MilestoneCheck.KINDS);
        }
    }

    private void route(JsonNode body, String path) {
        ROUTE_KEYS.check(body, path, problems);
        if (body.hasNonNull("chain") != body.hasNonNull("address")) {
            String missing = body.hasNonNull("chain") ? "address" : "chain";
            fields.reject(KeyPath.child(path, missing), "missing key '" + missing + "'",
                    "name a contract by both chain and address, or neither for every critical permission");
        } else if (body.hasNonNull("chain")) {
            // kinds no one is modelled to act as would have no route, and pass every predicate vacuously
            ofKind(body, path, EnumSet.complementOf(EnumSet.of(ContractKind.VOTES_TOKEN, ContractKind.ACCESS_CONTROL,
                    ContractKind.COUNCIL_MANAGER)), true, "routes (no one is modelled to act as it; check its owner or roles instead)");
        }
        fields.read(body, path, "permission", Values::text, "expected a permission name, e.g. permission: upgrade");
        fields.read(body, path, "every", Values::text, "expected one of " + String.join(", ", MilestoneCheck.RouteCheck.EVERY))
                .filter(every -> !MilestoneCheck.RouteCheck.EVERY.contains(every))
                .ifPresent(every -> unknown(KeyPath.child(path, "every"), "route predicate", every, MilestoneCheck.RouteCheck.EVERY));
        fields.number(body, path, "minDelaySeconds", 0, "expected a whole number of seconds ≥ 0, e.g. minDelaySeconds: 604800 (7 d)");
        fields.intNumber(body, path, "minKeys", 1, "expected a whole number of keys ≥ 1");
        if (!body.hasNonNull("every") && !body.hasNonNull("minDelaySeconds") && !body.hasNonNull("minKeys")) {
            fields.reject(path, "a route check without a predicate", "add every:, minDelaySeconds: or minKeys:");
        }
    }

    private void metric(JsonNode body, String path) {
        METRIC_KEYS.check(body, path, problems);
        fields.read(body, path, "name", Values::text, "expected a metric name")
                .filter(name -> !MilestoneCheck.MetricCheck.NAMES.contains(name))
                .ifPresent(name -> unknown(KeyPath.child(path, "name"), "metric", name, MilestoneCheck.MetricCheck.NAMES));
        Optional<BigDecimal> low = fields.read(body, path, "atLeast", MilestoneValidator::decimal, "expected a number");
        Optional<BigDecimal> high = fields.read(body, path, "atMost", MilestoneValidator::decimal, "expected a number");
        if (!body.hasNonNull("atLeast") && !body.hasNonNull("atMost")) {
            fields.reject(path, "a metric check without a bound", "add atLeast:, atMost: or both");
        } else if (low.isPresent() && high.isPresent() && low.get().compareTo(high.get()) > 0) {
            fields.reject(KeyPath.child(path, "atMost"), "atMost " + high.get() + " below atLeast " + low.get(), "no value can pass: swap them");
        }
    }

    private void probe(JsonNode body, String path) {
        PROBE_KEYS.check(body, path, problems);
        contract(body, path).map(identity -> identity.substring(0, identity.indexOf(':')))
                .filter(chain -> contracts.keySet().stream().noneMatch(identity -> identity.startsWith(chain + ":")))
                .ifPresent(chain -> fields.reject(KeyPath.child(path, "chain"), "this DAO has no contracts on chain '" + chain + "'",
                        "probe a chain the DAO has contracts on: only those chains are indexed for it"));
        fields.read(body, path, "label", Values::text, "expected a name");
        fields.read(body, path, "call", Values::text, "expected a view function without arguments")
                .filter(call -> !CALL.matcher(call).matches())
                .ifPresent(call -> fields.reject(KeyPath.child(path, "call"), "not a call without arguments '" + call + "'",
                        "write the function name followed by (), e.g. respectedGameType(); probes take no arguments"));
        fields.read(body, path, "returns", Values::text, "expected one of bool, uint256, address").filter(type -> {
            if (ProbeValues.TYPES.contains(type)) {
                return true;
            }
            fields.reject(KeyPath.child(path, "returns"), "unknown result type '" + type + "'", "expected one of bool, uint256, address");
            return false;
        }).ifPresent(type -> fields.read(body, path, "expect", node -> ProbeValues.normalize(type, Values.text(node)),
                "expected a " + type + " value"));
    }

    void validateDecisions(JsonNode decisions, String path) {
        Set<String> ids = new LinkedHashSet<>();
        fields.eachMap(decisions, path, "decision", (decision, itemPath) -> {
            DECISION_KEYS.check(decision, itemPath, problems);
            id(decision, itemPath).filter(id -> !ids.add(id)).ifPresent(id -> fields.reject(KeyPath.child(itemPath, "id"),
                    "duplicate decision id '" + id + "'", "give each decision its own id"));
            fields.read(decision, itemPath, "title", Values::text, "expected what is decided");
            link(decision, itemPath, "source");
            JsonNode permissions = decision.get("permissions");
            String permissionsPath = KeyPath.child(itemPath, "permissions");
            if (permissions != null && !permissions.isNull() && permissions.isArray() && permissions.isEmpty()) {
                fields.reject(permissionsPath, "no permissions", "list at least one permission");
            }
            fields.eachMap(permissions, permissionsPath, "permission", this::permission);
        });
    }

    private void permission(JsonNode permission, String path) {
        PERMISSION_KEYS.check(permission, path, problems);
        fields.read(permission, path, "function", Values::text, "expected a function, e.g. function: mint(address,uint256)");
        Optional<String> kind = fields.read(permission, path, "permission", Values::text,
                "expected one of " + String.join(", ", DecisionConfig.Permission.KINDS)).filter(name -> {
                    if (DecisionConfig.Permission.KINDS.contains(name)) {
                        return true;
                    }
                    unknown(KeyPath.child(path, "permission"), "permission", name, DecisionConfig.Permission.KINDS);
                    return false;
                });
        kind.ifPresent(name -> {
            switch (name) {
                case "upgrade" -> ofKind(permission, path, EnumSet.of(ContractKind.PROXY), true, "upgrade");
                case "owner" -> ofKind(permission, path, EnumSet.of(ContractKind.OWNABLE, ContractKind.TIMELOCK), false,
                        "owner");
                case "role" -> {
                    ofKind(permission, path, WITH_ROLES, false, "roles");
                    if (!permission.hasNonNull("role")) {
                        fields.reject(KeyPath.child(path, "role"), "missing required key 'role'", "name the role, e.g. role: MINTER_ROLE");
                    }
                }
                default -> ofKind(permission, path, EnumSet.allOf(ContractKind.class), false, "act");
            }
            if (!name.equals("role") && permission.hasNonNull("role")) {
                fields.reject(KeyPath.child(path, "role"), "role on a permission '" + name + "'", "write permission: role, or remove role:");
            }
        });
        if (permission.hasNonNull("role")) {
            role(permission, path);
        }
    }

    private void role(JsonNode map, String path) {
        fields.read(map, path, "role", Values::text, "expected a role name or 0x id").filter(role -> !ROLE_ID.matcher(role).matches())
                .ifPresent(role -> fields.reject(KeyPath.child(path, "role"), "not a role '" + role + "'",
                        "write the role's name in capitals (MINTER_ROLE) or its bytes32 id (0x followed by 64 hex digits)"));
    }

    /**
     * The contract at {@code map}'s chain/address is one of the DAO's, of one of {@code kinds} — or, when
     * {@code orUpgradeable}, of any kind declared behind a proxy ({@code proxy: true}), which has an admin and an upgrade.
     */
    private void ofKind(JsonNode map, String path, Set<ContractKind> kinds, boolean orUpgradeable, String what) {
        contract(map, path).ifPresent(identity -> {
            StageValidator.Declared declared = contracts.get(identity);
            if (declared == null) {
                fields.reject(KeyPath.child(path, "address"), identity + " is not a contract of this DAO",
                        "list it under contracts: first, or name one of the DAO's contracts");
            } else if (declared.kind() != null && !kinds.contains(declared.kind()) && !(orUpgradeable && declared.upgradeable())) {
                String named = kinds.stream().map(ContractKind::configName).reduce((a, b) -> a + ", " + b).orElse("");
                fields.reject(KeyPath.child(path, "address"), identity + " is a contract of kind " + declared.kind() + ", which has no " + what,
                        "name a contract of kind " + named + (orUpgradeable ? ", or one declared with proxy: true if it sits behind a proxy" : ""));
            }
        });
    }

    private void refs(JsonNode list, String path) {
        if (list != null && list.isArray() && list.isEmpty()) {
            fields.reject(path, "an empty list", "name at least one contract");
        }
        fields.eachMap(list, path, "contract reference", (ref, itemPath) -> {
            REF_KEYS.check(ref, itemPath, problems);
            ofKind(ref, itemPath, EnumSet.allOf(ContractKind.class), false, "");
        });
    }

    private Optional<String> contract(JsonNode map, String path) {
        Optional<String> chain = fields.read(map, path, "chain", Values::text, "expected the key of a chain declared under chains:")
                .filter(key -> DaoValidator.declared(fields, chainKeys, key, KeyPath.child(path, "chain")));
        Optional<String> address = fields.read(map, path, "address", node -> Addresses.check(Values.text(node)), ADDRESS);
        return chain.flatMap(key -> address.map(checksummed -> key + ":" + checksummed));
    }

    private Optional<String> id(JsonNode map, String path) {
        return fields.read(map, path, "id", Values::text, "expected an id").filter(id -> {
            if (ID.matcher(id).matches()) {
                return true;
            }
            fields.reject(KeyPath.child(path, "id"), "invalid id '" + id + "'", "use letters, digits, '.', '-' and '_'");
            return false;
        });
    }

    private List<String> texts(JsonNode list, String path, String what) {
        List<String> texts = new ArrayList<>();
        if (list == null || list.isNull() || problems.reported(path)) {
            return texts;
        }
        if (!list.isArray()) {
            fields.reject(path, Values.describe(list) + " where a list of " + what + " belongs", "write after: [id, …]");
            return texts;
        }
        for (int index = 0; index < list.size(); index++) {
            fields.readAt(list.get(index), KeyPath.element(path, index), Values::text, "expected an id").ifPresent(texts::add);
        }
        return texts;
    }

    private void unknown(String path, String what, String value, Collection<String> known) {
        String suggestion = Suggestions.closest(value, known).map(closest -> "did you mean '" + closest + "'? ").orElse("");
        fields.reject(path, "unknown " + what + " '" + value + "'", suggestion
                + (known.isEmpty() ? "declare it first" : "expected one of " + String.join(", ", known)));
    }

    private void link(JsonNode map, String path, String key) {
        fields.read(map, path, key, Values::text, "expected a link starting with https://").filter(link -> !LINK.matcher(link).matches())
                .ifPresent(link -> fields.reject(KeyPath.child(path, key), "not a link '" + link + "'", "expected a link starting with https://"));
    }

    private void map(JsonNode body, String path, String example, Runnable check) {
        if (fields.isMap(body, path, "expected a map, e.g. " + example)) {
            check.run();
        }
    }

    static BigDecimal decimal(JsonNode node) {
        try {
            return new BigDecimal(Values.text(node).replace("_", ""));
        } catch (NumberFormatException e) {
            throw new Values.BadValue("not a number '" + node.asText() + "'", null);
        }
    }
}
