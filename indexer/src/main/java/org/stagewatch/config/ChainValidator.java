package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the {@code chains:} map: each key, each chain's keys and values, that no chain id is
 * declared twice (two keys for one chain would index it twice and mix their checkpoints), and that
 * each {@code parent} names another declared chain without a loop (aliasing follows the chain up).
 * RPC URLs in messages are cut after the host, because the rest often holds an API key.
 */
final class ChainValidator {
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");
    static final KeySet KEYS = new KeySet("chain")
            .required("chainId", "the chain id the RPC reports, e.g. chainId: 42161 for Arbitrum One")
            .required("rpc", "an RPC URL or a list of them, e.g. rpc: ${ARBITRUM_RPC_URL}")
            .optional("confirmations", "maxBlockRange", "finalityDepth", "pollIntervalMs", "timeoutSeconds", "maxRetries",
                    "requestsPerSecond", "maxConcurrency", "parent", "probeInterval");
    private static final Set<String> SCHEMES = Set.of("http", "https", "ws", "wss");
    private static final String URL_EXPECTED = "expected an http://, https://, ws:// or wss:// URL";

    private final Problems problems;
    private final FieldReader fields;

    ChainValidator(Problems problems) {
        this.problems = problems;
        this.fields = new FieldReader(problems);
    }

    void validate(JsonNode chains) {
        if (!fields.isMap(chains, "chains", "expected chain keys mapped to chains, e.g. chains: {arb1: {chainId: 42161, rpc: …}}")) {
            return;
        }
        if (chains.isEmpty()) {
            fields.reject("chains", "no chains", "declare at least one chain under chains:");
        }
        Map<Long, String> keyByChainId = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : chains.properties()) {
            String path = KeyPath.child("chains", entry.getKey());
            if (!KEY.matcher(entry.getKey()).matches()) {
                fields.reject(path, "invalid chain key '" + entry.getKey() + "'", "use letters, digits, '-' and '_'");
            }
            if (!fields.isMap(entry.getValue(), path, "expected a chain with chainId and rpc")) {
                continue;
            }
            validateChain(entry.getValue(), path).ifPresent(chainId -> {
                String first = keyByChainId.putIfAbsent(chainId, path);
                if (first != null) {
                    fields.reject(KeyPath.child(path, "chainId"), "duplicate chainId " + chainId + ", also under " + first,
                            "declare each chain once; list several URLs under rpc for failover");
                }
            });
        }
        validateParents(chains);
    }

    /** Each parent is another declared chain, and following parents never comes back to where it started. */
    private void validateParents(JsonNode chains) {
        Map<String, String> parents = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : chains.properties()) {
            String path = KeyPath.child(KeyPath.child("chains", entry.getKey()), "parent");
            if (!entry.getValue().isObject()) {
                continue;
            }
            fields.read(entry.getValue(), KeyPath.child("chains", entry.getKey()), "parent", Values::text,
                    "expected the key of the chain this one settles on, e.g. parent: eth").ifPresent(parent -> {
                        if (parent.equals(entry.getKey())) {
                            fields.reject(path, "chain '" + parent + "' is its own parent", "name the L1 it settles on, or remove parent");
                        } else if (!chains.has(parent)) {
                            String suggestion = Suggestions.closest(parent, Values.keys(chains))
                                    .map(closest -> "did you mean '" + closest + "'? ").orElse("");
                            fields.reject(path, "undeclared chain '" + parent + "'", suggestion
                                    + "declare it under chains:, or use one of " + String.join(", ", Values.keys(chains)));
                        } else {
                            parents.put(entry.getKey(), parent);
                        }
                    });
        }
        for (String start : parents.keySet()) {
            String current = parents.get(start);
            for (int steps = 0; current != null && steps <= parents.size(); steps++) {
                if (current.equals(start)) {
                    fields.reject(KeyPath.child(KeyPath.child("chains", start), "parent"),
                            "parent chains form a loop through '" + start + "'", "an L2 settles on an L1 that settles elsewhere or nowhere");
                    break;
                }
                current = parents.get(current);
            }
        }
    }

    /** Checks one chain; returns its chain id when that is valid, for the duplicate check. */
    private Optional<Long> validateChain(JsonNode chain, String path) {
        KEYS.check(chain, path, problems);
        Optional<Long> chainId = fields.number(chain, path, "chainId", 1, "expected a positive chain id, e.g. 42161 for Arbitrum One");
        JsonNode rpc = chain.get("rpc");
        String rpcPath = KeyPath.child(path, "rpc");
        List<String> urls = fields.readAt(rpc, rpcPath, Values::textOrList, URL_EXPECTED + ", or a list of them").orElse(null);
        if (urls != null && (urls.isEmpty() || urls.equals(List.of("")))) {
            fields.reject(rpcPath, "empty rpc", "give an RPC URL, e.g. rpc: ${ARBITRUM_RPC_URL}, or a list of them");
        } else if (urls != null) {
            for (int index = 0; index < urls.size(); index++) {
                validateUrl(urls.get(index), rpc.isArray() ? KeyPath.element(rpcPath, index) : rpcPath);
            }
        }
        fields.intNumber(chain, path, "confirmations", 0,
                "expected a whole number of blocks ≥ 0 to stay behind the head; omit it for 0");
        fields.intNumber(chain, path, "maxBlockRange", 1,
                "expected a whole number of blocks > 0 for the first eth_getLogs range; omit it for "
                        + ChainConfig.DEFAULT_MAX_BLOCK_RANGE);
        fields.intNumber(chain, path, "finalityDepth", 1,
                "expected a whole number of blocks > 0 after which a block cannot be reorganised; omit it for the chain's default");
        fields.intNumber(chain, path, "pollIntervalMs", 10,
                "expected milliseconds ≥ 10 between head polls; omit it for " + ChainConfig.DEFAULT_POLL_INTERVAL_MS);
        fields.intNumber(chain, path, "timeoutSeconds", 1,
                "expected whole seconds ≥ 1 per request; omit it for " + ChainConfig.DEFAULT_TIMEOUT_SECONDS);
        fields.intNumber(chain, path, "maxRetries", 0,
                "expected a whole number ≥ 0 of retries; omit it for " + ChainConfig.DEFAULT_MAX_RETRIES);
        fields.intNumber(chain, path, "requestsPerSecond", 0,
                "expected a whole number ≥ 0 of requests per second per endpoint (0 = no limit)");
        fields.number(chain, path, "probeInterval", 1,
                "expected a whole number of blocks > 0 between two readings of a stage probe; omit it for "
                        + ChainConfig.DEFAULT_PROBE_INTERVAL);
        fields.intNumber(chain, path, "maxConcurrency", 1,
                "expected a whole number ≥ 1 of requests in flight per endpoint; omit it for " + ChainConfig.DEFAULT_MAX_CONCURRENCY);
        return chainId;
    }

    private void validateUrl(String url, String path) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            fields.reject(path, "malformed RPC URL '" + redact(url) + "'", URL_EXPECTED);
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            fields.reject(path, "unsupported RPC URL '" + redact(url) + "'", URL_EXPECTED + ", e.g. http://localhost:8545");
        } else if (uri.getHost() == null) {
            fields.reject(path, "RPC URL without a host '" + redact(url) + "'", URL_EXPECTED + ", e.g. http://localhost:8545");
        }
    }

    /** The URL up to its host: paths, queries and user info often carry API keys. */
    static String redact(String url) {
        return RpcUrls.redact(url);
    }
}
