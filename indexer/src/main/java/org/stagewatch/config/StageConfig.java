package org.stagewatch.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.Collections;
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
        assertions = Collections.unmodifiableMap(new LinkedHashMap<>(assertions));
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

    /**
     * A researcher's statement about a requirement, with the link that backs it.
     *
     * @param value whether the requirement holds; null when it does not apply to the project (L2BEAT's null,
     *              e.g. a prover's source for a rollup without a ZK prover), which leaves it out of the rating
     */
    public record Assertion(Boolean value, String source) {
        /** The text a config writes for a requirement that does not apply. */
        public static final String NOT_APPLICABLE = "n/a";

        public boolean applies() {
            return value != null;
        }

        /** The value as the config writes it: true, false or n/a. */
        public String text() {
            return value == null ? NOT_APPLICABLE : value.toString();
        }
    }

    /**
     * A view call without arguments whose result decides {@code requirements}: they pass when the
     * stored result is one of {@code expect}.
     *
     * @param returns bool, uint256 or address
     * @param expect  the passing values as text, at least one: true/false, decimals, or lower-case addresses
     *                (a declaration stored before lists were allowed holds a single value, read as a list of one)
     */
    public record Probe(String chain, String address, String call, String returns,
                        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> expect,
                        List<String> requirements, String label) {
        public Probe {
            expect = List.copyOf(expect);
            requirements = List.copyOf(requirements);
        }

        /** Whether a stored result (in the form {@link ProbeValues} normalizes to) is a passing one. */
        public boolean passes(String value) {
            return expect.contains(value);
        }

        /** The passing values for messages: "true", or "one of 0, 8". */
        public String expectation() {
            return expect.size() == 1 ? expect.get(0) : "one of " + String.join(", ", expect);
        }
    }

    /** A contract of the DAO, by chain key and address. */
    public record ContractRef(String chain, String address) {
    }
}
