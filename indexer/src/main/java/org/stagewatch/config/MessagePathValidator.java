package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a DAO's {@code messagePaths:} list: each path's keys, that both chains are declared and
 * differ, that both addresses are valid, that the sending contract is one of the DAO's contracts
 * (otherwise who controls it is unknown and the route search would take it for a key), and that
 * the delay is a whole number of seconds ≥ 0.
 */
final class MessagePathValidator {
    static final KeySet KEYS = new KeySet("message path")
            .required("fromChain", "the chain key the message leaves from (the L2), e.g. fromChain: arb1")
            .required("from", "the address of the sending contract on fromChain, e.g. the L2 timelock")
            .required("toChain", "the chain key the message arrives on (the L1), e.g. toChain: eth")
            .required("sender", "the msg.sender the message arrives as on toChain (Arbitrum: the Bridge)")
            .required("delaySeconds", "the wait before the message can be executed, e.g. delaySeconds: 549816 (challenge period)")
            .optional("label");
    private static final String ADDRESS = "expected 0x followed by 40 hex digits";

    private final Problems problems;
    private final FieldReader fields;
    private final Set<String> chainKeys;
    private final Set<String> contracts;

    /** @param contracts the DAO's valid contracts as "chain:checksummedAddress" */
    MessagePathValidator(Problems problems, Set<String> chainKeys, Set<String> contracts) {
        this.problems = problems;
        this.fields = new FieldReader(problems);
        this.chainKeys = chainKeys;
        this.contracts = contracts;
    }

    void validate(JsonNode paths, String path) {
        if (paths == null || paths.isNull() || problems.reported(path)) {
            return;
        }
        if (!paths.isArray()) {
            fields.reject(path, Values.describe(paths) + " where a list of message paths belongs",
                    "write each path as a list item starting with '- fromChain: …'");
            return;
        }
        for (int index = 0; index < paths.size(); index++) {
            String itemPath = KeyPath.element(path, index);
            if (fields.isMap(paths.get(index), itemPath, "expected a message path with fromChain, from, toChain, sender, delaySeconds")) {
                validatePath(paths.get(index), itemPath);
            }
        }
    }

    private void validatePath(JsonNode messagePath, String path) {
        KEYS.check(messagePath, path, problems);
        Optional<String> fromChain = chain(messagePath, path, "fromChain");
        Optional<String> toChain = chain(messagePath, path, "toChain");
        Optional<String> from = fields.read(messagePath, path, "from", node -> Addresses.check(Values.text(node)), ADDRESS);
        fields.read(messagePath, path, "sender", node -> Addresses.check(Values.text(node)), ADDRESS);
        fields.number(messagePath, path, "delaySeconds", 0, "expected a whole number of seconds ≥ 0");
        fields.read(messagePath, path, "label", Values::text, "expected a display name, e.g. label: Outbox (challenge period)");
        if (fromChain.isPresent() && fromChain.equals(toChain)) {
            fields.reject(KeyPath.child(path, "toChain"), "a message path from chain '" + fromChain.get() + "' to itself",
                    "a message path joins two chains: set toChain to the chain the message arrives on");
        }
        if (fromChain.isPresent() && from.isPresent() && !contracts.contains(fromChain.get() + ":" + from.get())) {
            fields.reject(KeyPath.child(path, "from"), from.get() + " on " + fromChain.get() + " is not a contract of this DAO",
                    "list the sending contract (e.g. the L2 timelock) under contracts: so its control is known");
        }
    }

    private Optional<String> chain(JsonNode messagePath, String path, String key) {
        return fields.read(messagePath, path, key, Values::text, "expected the key of a chain declared under chains:")
                .filter(chain -> DaoValidator.declared(fields, chainKeys, chain, KeyPath.child(path, key)));
    }
}
