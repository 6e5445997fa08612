package org.stagewatch.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;

/**
 * A milestone's predicate over facts Stagewatch derives at a block (the {@code check:} of a milestone in
 * config/SCHEMA.md). Each kind names its facts; {@code all}/{@code any} combine them. Stored as JSON with
 * the kind as the one key of an object, as the config writes it: {@code {"owner": {"chain": …}}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
        @JsonSubTypes.Type(value = MilestoneCheck.StageAtLeast.class, name = "stage"),
        @JsonSubTypes.Type(value = MilestoneCheck.RequirementPassed.class, name = "requirement"),
        @JsonSubTypes.Type(value = MilestoneCheck.RouteCheck.class, name = "route"),
        @JsonSubTypes.Type(value = MilestoneCheck.OwnerCheck.class, name = "owner"),
        @JsonSubTypes.Type(value = MilestoneCheck.RoleCheck.class, name = "role"),
        @JsonSubTypes.Type(value = MilestoneCheck.MetricCheck.class, name = "metric"),
        @JsonSubTypes.Type(value = MilestoneCheck.ActivityCheck.class, name = "activity"),
        @JsonSubTypes.Type(value = MilestoneCheck.ProbeCheck.class, name = "probe"),
        @JsonSubTypes.Type(value = MilestoneCheck.AssertionCheck.class, name = "assertion"),
        @JsonSubTypes.Type(value = MilestoneCheck.All.class, name = "all"),
        @JsonSubTypes.Type(value = MilestoneCheck.Any.class, name = "any")})
public sealed interface MilestoneCheck {
    /** The check kinds as the config spells them. */
    List<String> KINDS = List.of("stage", "requirement", "route", "owner", "role", "metric", "activity", "probe", "assertion",
            "all", "any");

    /** The DAO is rated at least Stage {@code stage}. */
    record StageAtLeast(int atLeast) implements MilestoneCheck {
    }

    /** A stage requirement (L2BEAT's id) passes. */
    record RequirementPassed(String id) implements MilestoneCheck {
    }

    /**
     * A predicate over the routes to permissions: those of one contract of the DAO (its critical permissions, or
     * acting as it when it is not critical; narrowed to {@code permission} when given), or of every critical
     * permission when {@code chain}/{@code address} are null. Null predicates are not checked.
     *
     * @param every           vote: every route needs the token-holder vote; council: every route is council-gated;
     *                        voteOrCouncil: every route needs one of the two
     * @param minDelaySeconds every route that is not council-gated leaves at least this delay
     * @param minKeys         every route that needs no vote takes at least this many signing keys
     */
    record RouteCheck(String chain, String address, String permission, String every, Long minDelaySeconds, Integer minKeys)
            implements MilestoneCheck {
        public static final List<String> EVERY = List.of("vote", "council", "voteOrCouncil");
    }

    /** The owner (an ownable's or a Compound timelock's) or admin (a proxy's) of a contract is one of {@code in}. */
    record OwnerCheck(String chain, String address, List<StageConfig.ContractRef> in) implements MilestoneCheck {
        public OwnerCheck {
            in = List.copyOf(in);
        }
    }

    /** A role of a contract has holders, and each is one of {@code in}. {@code role} is a name (MINTER_ROLE) or a 0x id. */
    record RoleCheck(String chain, String address, String role, List<StageConfig.ContractRef> in) implements MilestoneCheck {
        public RoleCheck {
            in = List.copyOf(in);
        }
    }

    /**
     * A voting-power metric (README's definitions) or an equalizer dimension ({@code equalizer.upgradeControl}) is
     * at least {@code atLeast} and at most {@code atMost} (either may be null).
     */
    record MetricCheck(String name, BigDecimal atLeast, BigDecimal atMost) implements MilestoneCheck {
        public static final List<String> NAMES = List.of("delegates", "nakamoto.majority", "nakamoto.quorum", "gini", "hhi",
                "effectiveDelegates", "entropyBits", "topShares.1", "topShares.5", "topShares.10", "topShares.20", "topShares.50",
                "topShares.100", "equalizer.votingPower", "equalizer.upgradeControl", "equalizer.securityCouncil",
                "equalizer.treasuryControl", "equalizer.proposalAccess", "equalizer.participation");
    }

    /**
     * At least {@code atLeast} events of a kind happened, within the last {@code windowDays} days when given.
     *
     * @param count proposalsExecuted (the DAO's governors) or councilMembersChanged (through a council manager)
     */
    record ActivityCheck(String count, long atLeast, Long windowDays) implements MilestoneCheck {
        public static final List<String> COUNTS = List.of("proposalsExecuted", "councilMembersChanged");
    }

    /** A declared eth_call (read by the indexer like a stage probe) returns {@code expect}, in ProbeValues' stored form. */
    record ProbeCheck(String chain, String address, String call, String returns, String expect, String label)
            implements MilestoneCheck {
    }

    /** A researcher's statement, for what the chain cannot show, with the link that backs it. */
    record AssertionCheck(boolean value, String source) implements MilestoneCheck {
    }

    /** Every one of the checks holds. */
    record All(List<MilestoneCheck> checks) implements MilestoneCheck {
        public All {
            checks = List.copyOf(checks);
        }
    }

    /** At least one of the checks holds. */
    record Any(List<MilestoneCheck> checks) implements MilestoneCheck {
        public Any {
            checks = List.copyOf(checks);
        }
    }
}
