package org.stagewatch.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

import org.stagewatch.config.DecisionConfig;
import org.stagewatch.config.MilestonesConfig;

/**
 * A DAO's {@code milestones:} and {@code decisions:} sections as recorded in {@code milestone_declarations},
 * with the chain ids its chain keys stood for when recorded, so that {@code milestones} and {@code decisions}
 * need only the database. Stored as one JSON document, e.g.
 * <pre>{"chainIds": {"eth": 1}, "milestones": {"phases": [{"id": "A", "title": "…", "order": 0}], "milestones": [{"id":
 * "governorAdminIsTimelock", "title": "…", "phase": "A", "after": [], "source": null, "check": {"owner": {"chain": "eth",
 * "address": "0x…", "in": [{"chain": "eth", "address": "0x…"}]}}}]}, "decisions": [{"id": "protocolUpgrade", …}]}</pre>
 */
public record MilestoneDeclaration(Map<String, Long> chainIds, MilestonesConfig milestones, List<DecisionConfig> decisions) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final MilestoneDeclaration NONE = new MilestoneDeclaration(Map.of(), MilestonesConfig.NONE, List.of());

    public MilestoneDeclaration {
        chainIds = Map.copyOf(chainIds);
        decisions = List.copyOf(decisions);
    }

    /** The chain id of a chain key of the config it came from. */
    public long chainId(String chainKey) {
        Long id = chainIds.get(chainKey);
        if (id == null) {
            throw new StoreException("milestone declaration names chain '" + chainKey + "', which it has no id for");
        }
        return id;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write the milestone declaration as JSON: " + e.getMessage());
        }
    }

    public static MilestoneDeclaration fromJson(String json) {
        try {
            return JSON.readValue(json, MilestoneDeclaration.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable milestone declaration in the database (" + e.getOriginalMessage()
                    + "); run stagewatch index again to rewrite it");
        }
    }
}
