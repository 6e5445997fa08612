package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the {@code daos:} map: each DAO id and its keys, and each contract: its keys, kind,
 * chain (which must be declared under {@code chains:}), address, the typed optional keys (and the
 * kinds they apply to), and that no (chain, address) appears twice in one DAO (it would be indexed
 * and counted twice). The DAO's {@code messagePaths} are checked by {@link MessagePathValidator}, its
 * {@code stage} by {@link StageValidator}, its {@code milestones} and {@code decisions} by {@link MilestoneValidator}.
 */
final class DaoValidator {
    static final KeySet KEYS = new KeySet("DAO")
            .required("contracts", "list the DAO's contracts under contracts:, each with kind, chain and address")
            .optional("name", "messagePaths", "stage", "milestones", "decisions");
    static final KeySet CONTRACT_KEYS = new KeySet("contract")
            .required("kind", "expected one of " + ContractKind.expectedNames())
            .required("chain", "the key of a chain declared under chains:")
            .required("address", "the contract address, 0x followed by 40 hex digits")
            .optional("label", "startBlock", "transfers", "critical", "council", "slotReadInterval", "proxy");
    private static final String FLAG = "expected true or false";

    private final Problems problems;
    private final FieldReader fields;
    private final Set<String> chainKeys;

    /**
     * @param chainKeys every key under {@code chains:}, valid or not, so a broken chain is reported once;
     *                  null when {@code chains:} itself is unusable, which turns the chain check off
     */
    DaoValidator(Problems problems, Set<String> chainKeys) {
        this.problems = problems;
        this.fields = new FieldReader(problems);
        this.chainKeys = chainKeys;
    }

    void validate(JsonNode daos) {
        if (!fields.isMap(daos, "daos", "expected DAO ids mapped to DAOs, e.g. daos: {arbitrum: {contracts: […]}}")) {
            return;
        }
        if (daos.isEmpty()) {
            fields.reject("daos", "no DAOs", "declare at least one DAO under daos:");
        }
        for (Map.Entry<String, JsonNode> entry : daos.properties()) {
            String path = KeyPath.child("daos", entry.getKey());
            if (!ChainValidator.KEY.matcher(entry.getKey()).matches()) {
                fields.reject(path, "invalid DAO id '" + entry.getKey() + "'",
                        "use letters, digits, '-' and '_' (it is what --dao takes)");
            }
            if (fields.isMap(entry.getValue(), path, "expected a DAO with contracts")) {
                validateDao(entry.getValue(), path);
            }
        }
    }

    private void validateDao(JsonNode dao, String path) {
        KEYS.check(dao, path, problems);
        fields.read(dao, path, "name", Values::text, "expected a display name, e.g. name: Arbitrum DAO");
        JsonNode contracts = dao.get("contracts");
        String contractsPath = KeyPath.child(path, "contracts");
        if (contracts == null || contracts.isNull() || problems.reported(contractsPath)) {
            return;
        }
        if (!contracts.isArray()) {
            fields.reject(contractsPath, Values.describe(contracts) + " where a list of contracts belongs",
                    "write each contract as a list item starting with '- kind: …'");
            return;
        }
        if (contracts.isEmpty()) {
            fields.reject(contractsPath, "no contracts", "list at least one contract, each with kind, chain and address");
        }
        Map<String, Integer> indexByContract = new HashMap<>();
        Map<String, StageValidator.Declared> declared = new HashMap<>();
        for (int index = 0; index < contracts.size(); index++) {
            String contractPath = KeyPath.element(contractsPath, index);
            if (fields.isMap(contracts.get(index), contractPath, "expected a contract with kind, chain and address")) {
                int current = index;
                validateContract(contracts.get(index), contractPath).ifPresent(identity -> {
                    Integer first = indexByContract.putIfAbsent(identity, current);
                    declared.putIfAbsent(identity, new StageValidator.Declared(
                            ContractKind.fromConfigName(contracts.get(current).path("kind").asText()).orElse(null),
                            "true".equalsIgnoreCase(contracts.get(current).path("council").asText()),
                            "true".equalsIgnoreCase(contracts.get(current).path("proxy").asText())));
                    if (first != null) {
                        fields.reject(KeyPath.child(contractPath, "address"),
                                "duplicate contract " + identity + ", listed as contracts[" + first + "] and contracts[" + current + "]",
                                "list each (chain, address) once per DAO");
                    }
                });
            }
        }
        new MessagePathValidator(problems, chainKeys, indexByContract.keySet()).validate(dao.get("messagePaths"),
                KeyPath.child(path, "messagePaths"));
        new StageValidator(problems, chainKeys, declared).validate(dao.get("stage"), KeyPath.child(path, "stage"));
        MilestoneValidator milestones = new MilestoneValidator(problems, chainKeys, declared);
        milestones.validateMilestones(dao.get("milestones"), KeyPath.child(path, "milestones"));
        milestones.validateDecisions(dao.get("decisions"), KeyPath.child(path, "decisions"));
    }

    /** Checks one contract; returns "chain:address" when both are valid, for the duplicate check. */
    private Optional<String> validateContract(JsonNode contract, String path) {
        CONTRACT_KEYS.check(contract, path, problems);
        Optional<ContractKind> kind = fields.read(contract, path, "kind", node -> kind(Values.text(node)),
                "expected one of " + ContractKind.expectedNames());
        Optional<String> chain = fields.read(contract, path, "chain", Values::text, "expected the key of a chain declared under chains:")
                .filter(key -> declared(key, KeyPath.child(path, "chain")));
        Optional<String> address = fields.read(contract, path, "address", node -> Addresses.check(Values.text(node)),
                "expected 0x followed by 40 hex digits");
        fields.read(contract, path, "label", Values::text, "expected a display name, e.g. label: Core Governor");
        fields.number(contract, path, "startBlock", 0,
                "expected the deployment block, a whole number ≥ 0; omit it to have the indexer find the deployment block");
        fields.read(contract, path, "critical", Values::flag, FLAG);
        fields.read(contract, path, "transfers", Values::flag, FLAG);
        fields.read(contract, path, "council", Values::flag, FLAG);
        fields.number(contract, path, "slotReadInterval", 1,
                "expected a whole number of blocks > 0 between EIP-1967 slot reads; omit it to read only at the start block");
        Optional<Boolean> proxy = fields.read(contract, path, "proxy", Values::flag, FLAG);
        onlyFor(contract, path, kind, "transfers", ContractKind.VOTES_TOKEN, "transfers applies only to kind votes-token; remove the key");
        onlyFor(contract, path, kind, "council", ContractKind.SAFE,
                "only a Safe can be designated security council: set council: true on the council's kind: safe entry");
        if (kind.orElse(null) == ContractKind.PROXY && contract.hasNonNull("proxy")) {
            fields.reject(KeyPath.child(path, "proxy"), "proxy on a proxy contract",
                    "a kind: proxy contract has its EIP-1967 slots read already; remove the key (proxy: true is for a contract of another kind behind a proxy)");
        }
        boolean upgradeable = kind.orElse(null) == ContractKind.PROXY || proxy.orElse(false);
        if (contract.hasNonNull("slotReadInterval") && kind.isPresent() && !upgradeable && !problems.reported(KeyPath.child(path, "proxy"))) {
            fields.reject(KeyPath.child(path, "slotReadInterval"), "slotReadInterval on a " + kind.get() + " contract that is not behind a proxy",
                    "slotReadInterval applies to kind proxy or a contract with proxy: true; add proxy: true if it sits behind an EIP-1967 proxy, else remove the key");
        }
        return chain.flatMap(key -> address.map(checksummed -> key + ":" + checksummed));
    }

    /** Rejects {@code key} on a contract whose kind is not {@code allowed}. */
    private void onlyFor(JsonNode contract, String path, Optional<ContractKind> kind, String key, ContractKind allowed,
                         String remedy) {
        if (contract.hasNonNull(key) && kind.isPresent() && kind.get() != allowed) {
            fields.reject(KeyPath.child(path, key), key + " on a " + kind.get() + " contract", remedy);
        }
    }

    private static ContractKind kind(String name) {
        return ContractKind.fromConfigName(name).orElseThrow(() ->
                new Values.BadValue("unknown kind '" + name + "'", "expected one of " + ContractKind.expectedNames()));
    }

    private boolean declared(String chain, String path) {
        return declared(fields, chainKeys, chain, path);
    }

    /** Whether {@code chain} is declared under {@code chains:}; rejects it at {@code path} with a suggestion if not. */
    static boolean declared(FieldReader fields, Set<String> chainKeys, String chain, String path) {
        if (chainKeys == null || chainKeys.contains(chain)) {
            return true;
        }
        String suggestion = Suggestions.closest(chain, chainKeys).map(closest -> "did you mean '" + closest + "'? ").orElse("");
        String choices = chainKeys.isEmpty() ? "" : ", or use one of " + String.join(", ", chainKeys);
        fields.reject(path, "undeclared chain '" + chain + "'", suggestion + "declare it under chains:" + choices);
        return false;
    }
}
