package org.stagewatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys one level of the config accepts (top level, chain, DAO, contract) and the check that
 * a map holds all required ones and nothing else. Unknown keys are errors, not warnings: a
 * misspelt optional key ({@code startblock}) would otherwise be silently ignored and the
 * default used.
 */
final class KeySet {
    private final String level;
    private final Map<String, String> required = new LinkedHashMap<>();
    private final List<String> optional = new ArrayList<>();

    KeySet(String level) {
        this.level = level;
    }

    /** Declares a required key; {@code remedy} tells the user what to write there. */
    KeySet required(String key, String remedy) {
        required.put(key, remedy);
        return this;
    }

    KeySet optional(String... keys) {
        optional.addAll(List.of(keys));
        return this;
    }

    void check(JsonNode map, String path, Problems problems) {
        List<String> known = new ArrayList<>(required.keySet());
        known.addAll(optional);
        Set<String> suggested = new HashSet<>();
        for (String key : Values.keys(map)) {
            if (!known.contains(key)) {
                Optional<String> suggestion = Suggestions.closest(key, known);
                suggestion.ifPresent(suggested::add);
                String remedy = suggestion.map(closest -> "did you mean '" + closest + "'?")
                        .orElse("expected " + level + " keys: " + String.join(", ", known));
                problems.add(KeyPath.child(path, key), "unknown " + level + " key '" + key + "'", remedy);
            }
        }
        required.forEach((key, remedy) -> {
            JsonNode value = map.get(key);
            String keyPath = KeyPath.child(path, key);
            // "chainID: 1" is one mistake: the unknown-key line already points at chainId.
            boolean explained = suggested.contains(key) || problems.reported(keyPath);
            if ((value == null || value.isNull()) && !explained) {
                problems.add(keyPath, "missing required key '" + key + "'", remedy);
            }
        });
    }
}
