package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a DAO's {@code stage:} section: the exit delay parts, the council details (each must name a
 * Safe of the DAO marked {@code council: true}; a signer belongs to at most one entity), assertions
 * (known requirement ids, not the ones derived on chain alone, each with a value — n/a only for one
 * settled by statements alone — and a source link), probes (a declared chain, a no-argument call, a
 * result type and one expected value of that type or a list of them, known requirement ids) and
 * treasuries (contracts of the DAO).
 */
final class StageValidator {
    static final KeySet KEYS = new KeySet("stage").optional("exitDelay", "councils", "assertions", "probes", "treasuries");
    static final KeySet EXIT_DELAY_KEYS = new KeySet("exit delay")
            .required("seconds", "the delay in seconds, e.g. seconds: 86400 (the force-inclusion delay)")
            .optional("label", "source");
    static final KeySet COUNCIL_KEYS = new KeySet("council")
            .required("chain", "the chain key of the council Safe")
            .required("address", "the council Safe's address (a contract of this DAO with council: true)")
            .optional("announced", "outsideTeam", "source", "entities");
    static final KeySet ENTITY_KEYS = new KeySet("entity")
            .required("name", "the organisation's name, e.g. name: Offchain Labs")
            .required("signers", "the entity's signer addresses, e.g. signers: [\"0x…\", \"0x…\"]")
            .optional("outsideTeam");
    static final KeySet ASSERTION_KEYS = new KeySet("assertion")
            .required("value", "true or false: whether the requirement holds (n/a: it does not apply to this project)")
            .required("source", "a link to where this is documented, e.g. source: https://l2beat.com/scaling/projects/arbitrum");
    static final KeySet PROBE_KEYS = new KeySet("probe")
            .required("chain", "the chain key to call on")
            .required("address", "the contract to call")
            .required("call", "a view function without arguments, e.g. call: validatorWhitelistDisabled()")
            .required("returns", "one of bool, uint256, address")
            .required("expect", "the result that makes the requirements pass, or a list of them, e.g. expect: true or expect: [0, 8]")
            .required("requirements", "the requirement ids the result decides, e.g. requirements: [fraudProofSystemIsPermissionless]")
            .optional("label");
    static final KeySet REF_KEYS = new KeySet("treasury")
            .required("chain", "the chain key of the treasury contract")
            .required("address", "the treasury contract's address (a contract of this DAO)");
    private static final Pattern CALL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\(\\)");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final String ADDRESS = "expected 0x followed by 40 hex digits";
    private static final String FLAG = "expected true or false";
    private static final String LINK_REMEDY = "expected a link starting with https://";

    /**
     * What the stage, milestones and decisions sections need to know about one of the DAO's contracts.
     *
     * @param proxy the contract (of a kind other than proxy) is declared behind an EIP-1967 proxy ({@code proxy: true})
     */
    record Declared(ContractKind kind, boolean council, boolean proxy) {
        /** A proxy, or a contract behind one: it has an admin and an {@code upgrade} permission. */
        boolean upgradeable() {
            return proxy || kind == ContractKind.PROXY;
        }
    }

    private final Problems problems;
    private final FieldReader fields;
    private final Set<String> chainKeys;
    private final Map<String, Declared> contracts;

    /** @param contracts the DAO's valid contracts by "chain:checksummedAddress" */
    StageValidator(Problems problems, Set<String> chainKeys, Map<String, Declared> contracts) {
        this.problems = problems;
        this.fields = new FieldReader(problems);
        this.chainKeys = chainKeys;
        this.contracts = contracts;
    }

    void validate(JsonNode stage, String path) {
        if (stage == null || stage.isNull() || problems.reported(path)
                || !fields.isMap(stage, path, "expected a map with exitDelay, councils, assertions, probes, treasuries")) {
            return;
        }
        KEYS.check(stage, path, problems);
        fields.eachMap(stage.get("exitDelay"), KeyPath.child(path, "exitDelay"), "exit delay part", this::exitDelay);
        fields.eachMap(stage.get("councils"), KeyPath.child(path, "councils"), "council", this::council);
        assertions(stage.get("assertions"), KeyPath.child(path, "assertions"));
        fields.eachMap(stage.get("probes"), KeyPath.child(path, "probes"), "probe", this::probe);
        fields.eachMap(stage.get("treasuries"), KeyPath.child(path, "treasuries"), "treasury", (node, itemPath) -> {
            REF_KEYS.check(node, itemPath, problems);
            contract(node, itemPath).ifPresent(identity -> {
                if (!contracts.containsKey(identity)) {
                    fields.reject(KeyPath.child(itemPath, "address"), identity + " is not a contract of this DAO",
                            "list the treasury (e.g. the treasury timelock) under contracts: first");
                }
            });
        });
    }

    private void exitDelay(JsonNode part, String path) {
        EXIT_DELAY_KEYS.check(part, path, problems);
        fields.number(part, path, "seconds", 0, "expected a whole number of seconds ≥ 0");
        fields.read(part, path, "label", Values::text, "expected a name, e.g. label: force-inclusion delay");
        link(part, path, "source");
    }

    private void council(JsonNode council, String path) {
        COUNCIL_KEYS.check(council, path, problems);
        contract(council, path).ifPresent(identity -> {
            Declared declared = contracts.get(identity);
            if (declared == null || declared.kind() != ContractKind.SAFE || !declared.council()) {
                fields.reject(KeyPath.child(path, "address"), identity + " is not a Safe of this DAO marked council: true",
                        "list the council Safe under contracts: with kind: safe and council: true");
            }
        });
        link(council, path, "announced");
        link(council, path, "source");
        fields.read(council, path, "outsideTeam", Values::flag, FLAG);
        Map<String, String> entityBySigner = new HashMap<>();
        fields.eachMap(council.get("entities"), KeyPath.child(path, "entities"), "entity", (entity, entityPath) -> {
            ENTITY_KEYS.check(entity, entityPath, problems);
            fields.read(entity, entityPath, "name", Values::text, "expected the organisation's name");
            fields.read(entity, entityPath, "outsideTeam", Values::flag, FLAG);
            JsonNode signers = entity.get("signers");
            String signersPath = KeyPath.child(entityPath, "signers");
            if (signers == null || signers.isNull()) {
                return;
            }
            if (!signers.isArray()) {
                fields.reject(signersPath, Values.describe(signers) + " where a list of addresses belongs", "write signers: [\"0x…\", …]");
                return;
            }
            for (int index = 0; index < signers.size(); index++) {
                String signerPath = KeyPath.element(signersPath, index);
                fields.readAt(signers.get(index), signerPath, node -> Addresses.check(Values.text(node)), ADDRESS).ifPresent(signer -> {
                    String other = entityBySigner.putIfAbsent(signer.toLowerCase(Locale.ROOT), entityPath);
                    if (other != null) {
                        fields.reject(signerPath, "signer " + signer + " is also listed under " + other,
                                "a signer belongs to one entity: remove it from one of them");
                    }
                });
            }
        });
    }

    private void assertions(JsonNode assertions, String path) {
        if (assertions == null || assertions.isNull() || problems.reported(path)
                || !fields.isMap(assertions, path, "expected requirement ids mapped to {value, source}")) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : assertions.properties()) {
            String itemPath = KeyPath.child(path, entry.getKey());
            if (declarable(entry.getKey(), itemPath) && fields.isMap(entry.getValue(), itemPath,
                    "expected {value: true|false, source: https://…}")) {
                ASSERTION_KEYS.check(entry.getValue(), itemPath, problems);
                fields.read(entry.getValue(), itemPath, "value", node -> String.valueOf(ProbeValues.assertedValue(node)),
                                "expected true, false or n/a")
                        .filter(value -> value.equals("null"))
                        .filter(value -> Requirement.fromId(entry.getKey()).orElseThrow().basis() != Requirement.Basis.DECLARED)
                        .ifPresent(value -> fields.reject(KeyPath.child(itemPath, "value"),
                                entry.getKey() + " cannot be n/a: it is partly derived from indexed state",
                                "assert true or false for the part only a statement can settle"));
                link(entry.getValue(), itemPath, "source");
            }
        }
    }

    private void probe(JsonNode probe, String path) {
        PROBE_KEYS.check(probe, path, problems);
        contract(probe, path).map(identity -> identity.substring(0, identity.indexOf(':')))
                .filter(chain -> contracts.keySet().stream().noneMatch(identity -> identity.startsWith(chain + ":")))
                .ifPresent(chain -> fields.reject(KeyPath.child(path, "chain"), "this DAO has no contracts on chain '" + chain + "'",
                        "probe a chain the DAO has contracts on: only those chains are rated at a point in time"));
        fields.read(probe, path, "label", Values::text, "expected a name, e.g. label: validators whitelist disabled");
        fields.read(probe, path, "call", Values::text, "expected a view function without arguments, e.g. validatorWhitelistDisabled()")
                .filter(call -> !CALL.matcher(call).matches())
                .ifPresent(call -> fields.reject(KeyPath.child(path, "call"), "not a call without arguments '" + call + "'",
                        "write the function name followed by (), e.g. validatorWhitelistDisabled(); probes take no arguments"));
        Optional<String> returns = fields.read(probe, path, "returns", Values::text, "expected one of bool, uint256, address")
                .filter(type -> {
                    if (ProbeValues.TYPES.contains(type)) {
                        return true;
                    }
                    fields.reject(KeyPath.child(path, "returns"), "unknown result type '" + type + "'", "expected one of bool, uint256, address");
                    return false;
                });
        returns.ifPresent(type -> fields.read(probe, path, "expect", node -> ProbeValues.normalizeAll(type, node),
                "expected a " + type + " value, or a list of them"));
        JsonNode requirements = probe.get("requirements");
        String requirementsPath = KeyPath.child(path, "requirements");
        if (requirements != null && !requirements.isNull()) {
            if (!requirements.isArray() || requirements.isEmpty()) {
                fields.reject(requirementsPath, Values.describe(requirements) + " where a list of requirement ids belongs",
                        "write requirements: [fraudProofSystemIsPermissionless, …]");
                return;
            }
            for (int index = 0; index < requirements.size(); index++) {
                String itemPath = KeyPath.element(requirementsPath, index);
                fields.readAt(requirements.get(index), itemPath, Values::text, "expected a requirement id")
                        .ifPresent(id -> declarable(id, itemPath));
            }
        }
    }

    /** Whether {@code id} is a requirement a config may assert or probe; rejects it at {@code path} if not. */
    private boolean declarable(String id, String path) {
        Optional<Requirement> requirement = Requirement.fromId(id);
        if (requirement.isEmpty()) {
            String suggestion = Suggestions.closest(id, Requirement.ids()).map(closest -> "did you mean '" + closest + "'? ").orElse("");
            fields.reject(path, "unknown requirement '" + id + "'", suggestion + "expected one of " + Requirement.declarableIds());
            return false;
        }
        if (requirement.get().basis() == Requirement.Basis.ONCHAIN) {
            fields.reject(path, id + " is derived from indexed state", "remove it: Stagewatch reads it from the routes to critical contracts");
            return false;
        }
        return true;
    }

    /** Reads chain and address of a map; returns "chain:checksummedAddress" when both are valid. */
    private Optional<String> contract(JsonNode map, String path) {
        Optional<String> chain = fields.read(map, path, "chain", Values::text, "expected the key of a chain declared under chains:")
                .filter(key -> DaoValidator.declared(fields, chainKeys, key, KeyPath.child(path, "chain")));
        Optional<String> address = fields.read(map, path, "address", node -> Addresses.check(Values.text(node)), ADDRESS);
        return chain.flatMap(key -> address.map(checksummed -> key + ":" + checksummed));
    }

    private void link(JsonNode map, String path, String key) {
        fields.read(map, path, key, Values::text, LINK_REMEDY).filter(link -> !LINK.matcher(link).matches())
                .ifPresent(link -> fields.reject(KeyPath.child(path, key), "not a link '" + link + "'", LINK_REMEDY));
    }
}
