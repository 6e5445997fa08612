package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the immutable config records from a tree that {@link ConfigValidator} has passed, filling
 * in the defaults of config/SCHEMA.md. It checks nothing itself: a {@link Values.BadValue} here
 * means the validator let something through, a bug, not a user error.
 */
final class ConfigBinder {
    private ConfigBinder() {
    }

    static StagewatchConfig bind(Path source, JsonNode root) {
        Map<String, ChainConfig> chains = new LinkedHashMap<>();
        root.get("chains").properties().forEach(entry -> chains.put(entry.getKey(), chain(entry.getKey(), entry.getValue())));
        List<DaoConfig> daos = new ArrayList<>();
        root.get("daos").properties().forEach(entry -> daos.add(dao(entry.getKey(), entry.getValue())));
        return new StagewatchConfig(source, chains, daos);
    }

    private static ChainConfig chain(String name, JsonNode chain) {
        return new ChainConfig(name,
                Values.wholeNumber(chain.get("chainId")),
                Values.textOrList(chain.get("rpc")),
                optional(chain, "confirmations", Values::intNumber, 0),
                optional(chain, "maxBlockRange", Values::intNumber, ChainConfig.DEFAULT_MAX_BLOCK_RANGE),
                optional(chain, "finalityDepth", Values::intNumber, null),
                optional(chain, "pollIntervalMs", Values::intNumber, ChainConfig.DEFAULT_POLL_INTERVAL_MS),
                optional(chain, "timeoutSeconds", Values::intNumber, ChainConfig.DEFAULT_TIMEOUT_SECONDS),
                optional(chain, "maxRetries", Values::intNumber, ChainConfig.DEFAULT_MAX_RETRIES),
                optional(chain, "requestsPerSecond", Values::intNumber, 0),
                optional(chain, "maxConcurrency", Values::intNumber, ChainConfig.DEFAULT_MAX_CONCURRENCY),
                optional(chain, "parent", Values::text, null));
    }

    private static DaoConfig dao(String id, JsonNode dao) {
        List<ContractConfig> contracts = new ArrayList<>();
        dao.get("contracts").forEach(contract -> contracts.add(contract(contract)));
        List<MessagePath> paths = new ArrayList<>();
        JsonNode declared = dao.get("messagePaths");
        if (declared != null && !declared.isNull()) {
            declared.forEach(path -> paths.add(messagePath(path)));
        }
        return new DaoConfig(id, optional(dao, "name", Values::text, id), contracts, paths);
    }

    private static MessagePath messagePath(JsonNode path) {
        String fromChain = Values.text(path.get("fromChain"));
        String toChain = Values.text(path.get("toChain"));
        return new MessagePath(fromChain, Addresses.check(Values.text(path.get("from"))), toChain,
                Addresses.check(Values.text(path.get("sender"))), Values.wholeNumber(path.get("delaySeconds")),
                optional(path, "label", Values::text, "message path " + fromChain + " → " + toChain));
    }

    private static ContractConfig contract(JsonNode contract) {
        ContractKind kind = ContractKind.fromConfigName(Values.text(contract.get("kind"))).orElseThrow();
        return new ContractConfig(
                Values.text(contract.get("chain")),
                kind,
                Addresses.check(Values.text(contract.get("address"))),
                optional(contract, "label", Values::text, kind.configName()),
                optional(contract, "startBlock", Values::wholeNumber, ContractConfig.UNKNOWN_START_BLOCK),
                optional(contract, "critical", Values::flag, false),
                optional(contract, "transfers", Values::flag, false),
                optional(contract, "council", Values::flag, false),
                optional(contract, "slotReadInterval", Values::wholeNumber, 0L));
    }

    /** An absent or empty key takes the schema's default. */
    private static <T> T optional(JsonNode map, String key, Function<JsonNode, T> convert, T fallback) {
        JsonNode node = map.get(key);
        return node == null || node.isNull() ? fallback : convert.apply(node);
    }
}
