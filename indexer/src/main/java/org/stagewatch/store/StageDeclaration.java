package org.stagewatch.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

import org.stagewatch.config.StageConfig;

/**
 * A DAO's {@code stage:} section as recorded in {@code stage_declarations}, with the chain ids its
 * chain keys stood for when it was recorded, so that {@code stage} and {@code equalizer} need only
 * the database. Stored as one JSON document, e.g.
 * <pre>{"chainIds": {"eth": 1, "arb1": 42161}, "stage": {"exitDelay": [{"label": "force-inclusion delay",
 * "seconds": 86400, "source": "https://…"}], "councils": [ … ], "assertions": { … }, "probes": [ … ], "treasuries": [ … ]}}</pre>
 */
public record StageDeclaration(Map<String, Long> chainIds, StageConfig stage) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final StageDeclaration NONE = new StageDeclaration(Map.of(), StageConfig.NONE);

    /** The chain id of a chain key of the config it came from. */
    public long chainId(String chainKey) {
        Long id = chainIds.get(chainKey);
        if (id == null) {
            throw new StoreException("stage declaration names chain '" + chainKey + "', which it has no id for");
        }
        return id;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write the stage declaration as JSON: " + e.getMessage());
        }
    }

    public static StageDeclaration fromJson(String json) {
        try {
            return JSON.readValue(json, StageDeclaration.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable stage declaration in the database (" + e.getOriginalMessage()
                    + "); run stagewatch index again to rewrite it");
        }
    }

    /** The name a probe's readings are stored under in state_reads. */
    public static String probeReading(String call) {
        return "probe:" + call;
    }
}
