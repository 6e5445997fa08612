package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one validation step: checks a whole config tree (after variable substitution) against
 * config/SCHEMA.md and records every problem under its key path, instead of stopping at the
 * first, so a user fixes a file in one round. Invariant: when it records nothing, the tree holds
 * exactly what {@link ConfigBinder} needs, and binding cannot fail.
 */
final class ConfigValidator {
    static final KeySet KEYS = new KeySet("top-level")
            .required("chains", "declare the chains, e.g. chains: {arb1: {chainId: 42161, rpc: ${ARBITRUM_RPC_URL}}}")
            .required("daos", "declare the DAOs and their contracts under daos: (see config/examples/)");

    private ConfigValidator() {
    }

    /** Records every problem of {@code root} (null for a file with no document) in {@code problems}. */
    static void validate(JsonNode root, Problems problems) {
        if (root == null) {
            problems.add(KeyPath.ROOT, "empty file", "expected chains: and daos:, see config/SCHEMA.md and config/examples/");
            return;
        }
        if (!root.isObject()) {
            problems.add(KeyPath.ROOT, "the file holds " + Values.describe(root) + ", not a map",
                    "expected the top-level keys chains: and daos:, see config/SCHEMA.md");
            return;
        }
        KEYS.check(root, KeyPath.ROOT, problems);
        Set<String> chainKeys = new LinkedHashSet<>();
        JsonNode chains = root.get("chains");
        if (chains != null && !chains.isNull()) {
            new ChainValidator(problems).validate(chains);
            chainKeys.addAll(chains.isObject() ? Values.keys(chains) : Set.of());
        }
        JsonNode daos = root.get("daos");
        if (daos != null && !daos.isNull()) {
            // Without a usable chains: map every contract would add an "undeclared chain" line; one is enough.
            boolean chainsUsable = chains != null && chains.isObject();
            new DaoValidator(problems, chainsUsable ? chainKeys : null).validate(daos);
        }
    }
}
