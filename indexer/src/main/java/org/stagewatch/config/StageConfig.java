package org.stagewatch.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a DAO's stage rating and equalizer need beyond its contracts (the {@code stage:} section of
 * config/SCHEMA.md): the exit delay, who the council signers are, statements researchers make with a
 * source link, eth_calls the indexer reads, and the treasury contracts. Addresses are EIP-55
 * checksummed; chains are config keys.
 *
 * @param exitDelay   summed into the time a user needs to exit (exit window = upgrade delay − exit delay)
 * @param councils    details of Safes marked {@code council: true}
 * @param assertions  requirement id → stated value with its source, in file order
 * @param probes      declared eth_calls with the value that makes their requirements pass
 * @param treasuries  contracts whose control the equalizer's treasury dimension scores
 */
public record StageConfig(List<ExitDelay> exitDelay, List<Council> councils, Map<String, Assertion> assertions,
                          List<Probe> probes, List<ContractRef> treasuries) {
    public static final StageConfig NONE = new StageConfig(List.of(), List.of(), Map.of(), List.of(), List.of());

    public StageConfig {
        exitDelay = List.copyOf(exitDelay);
        councils = List.copyOf(councils);
        assertions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assertions));
        probes = List.copyOf(probes);
        treasuries = List.copyOf(treasuries);
    }

    public long exitDelaySeconds() {
        return exitDelay.stream().mapToLong(ExitDelay::seconds).sum();
    }

    /** One part of the exit delay, e.g. the force-inclusion delay. */
    public record ExitDelay(String label, long seconds, String source) {
    }

    /**
     * A council Safe's members as researchers know them.
     *
     * @param announced   where the members are publicly announced (null: unknown)
     * @param outsideTeam whether signers not listed under {@code entities} are outside the team (null: unknown)
     * @param source      the link backing outsideTeam and the entities
     */
    public record Council(String chain, String address, String announced, Boolean outsideTeam, String source,
                          List<Entity> entities) {
        public Council {
            entities = List.copyOf(entities);
        }
    }

    /** An organisation behind several signers: they count once. {@code outsideTeam} null means unknown. */
    public record Entity(String name, Boolean outsideTeam, List<String> signers) {
        public Entity {
            signers = List.copyOf(signers);
        }
    }

    /** A researcher's statement about a requirement, with the link that backs it. */
    public record Assertion(boolean value, String source) {
    }

    /**
     * A view call without arguments whose result decides {@code requirements}: they pass when the
     * stored result equals {@code expect}.
     *
     * @param returns bool, uint256 or address
     * @param expect  the passing value as text: true/false, a decimal, or a lower-case address
     */
    public record Probe(String chain, String address, String call, String returns, String expect, List<String> requirements,
                        String label) {
        public Probe {
            requirements = List.copyOf(requirements);
        }
    }

    /** A contract of the DAO, by chain key and address. */
    public record ContractRef(String chain, String address) {
    }
}
