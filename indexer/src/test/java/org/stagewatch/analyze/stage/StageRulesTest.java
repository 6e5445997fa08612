package org.stagewatch.analyze.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.stagewatch.config.Requirement;
import org.stagewatch.config.StageConfig;

/** The stage checklist over hand-built facts: each rule on its own, and the walk through the stages. */
class StageRulesTest {
    static final String LINK = "https://l2beat.com/scaling/projects/arbitrum";
    static final long DAY = 86_400;
    static final List<StageConfig.ExitDelay> ARBITRUM_EXIT = List.of(new StageConfig.ExitDelay("force inclusion", DAY, LINK),
            new StageConfig.ExitDelay("challenge period", 549_816, LINK));

    static List<String> signers(int count) {
        return IntStream.range(0, count).mapToObj(i -> "0x%040x".formatted(i + 1)).toList();
    }

    static StageFacts.CouncilFacts council(int threshold, int size, StageConfig.Council details) {
        return new StageFacts.CouncilFacts(1, "0x00000000000000000000000000000000000000c0", "Council", 10, threshold, signers(size), details);
    }

    static StageConfig.Council announced(Boolean outsideTeam, List<StageConfig.Entity> entities) {
        return new StageConfig.Council("eth", "0x00000000000000000000000000000000000000C0", LINK, outsideTeam, LINK, entities);
    }

    static StageFacts.RouteFacts route(long delay, boolean gated) {
        return new StageFacts.RouteFacts(1, "0x00000000000000000000000000000000000000b0", "Bridge", "upgrade", delay, gated ? 9 : 3,
                gated, "ProxyAdmin (owner) ← …");
    }

    /** Every declared requirement asserted as Arbitrum's preset does. */
    static Map<String, StageConfig.Assertion> arbitrumAssertions() {
        Map<String, StageConfig.Assertion> assertions = new LinkedHashMap<>();
        for (Requirement requirement : Requirement.values()) {
            if (requirement.basis() != Requirement.Basis.ONCHAIN && requirement != Requirement.SECURITY_COUNCIL_PROPERLY_SET_UP) {
                assertions.put(requirement.id(), new StageConfig.Assertion(
                        requirement != Requirement.PROOF_SYSTEM_OVERRIDDEN_ONLY_IN_CASE_OF_A_BUG, LINK));
            }
        }
        return assertions;
    }

    static StageFacts facts(List<StageFacts.CouncilFacts> councils, List<StageFacts.RouteFacts> routes) {
        return new StageFacts(ARBITRUM_EXIT, councils, 1, routes, arbitrumAssertions(), List.of());
    }

    @Test
    void shouldRateArbitrumStage1WithTheChallengePeriodCancellingOut() {
        long daoRoute = 8 * DAY + 549_816 + 3 * DAY;
        StageVerdict verdict = StageRules.evaluate(facts(List.of(council(9, 12, announced(true, List.of()))),
                List.of(route(0, true), route(daoRoute, false))));
        assertThat(verdict.stage()).isEqualTo(1);
        assertThat(verdict.missing()).containsExactly("delayWith30DExitWindow", "proofSystemOverriddenOnlyInCaseOfABug");
        assertThat(verdict.exitWindowSeconds()).isEqualTo(10 * DAY);
        assertThat(verdict.exitWindowRating()).isEqualTo("warning");
    }

    @Test
    void shouldCountACouncilRouteAgainstTheExitWindowWhenTheCouncilIsBelow75Percent() {
        StageVerdict verdict = StageRules.evaluate(facts(List.of(council(7, 12, announced(true, List.of()))),
                List.of(route(0, false), route(20 * DAY, false))));
        assertThat(status(verdict, "usersHave7DaysToExit")).isEqualTo(Status.FAILED);
        assertThat(status(verdict, "securityCouncilProperlySetUp")).isEqualTo(Status.FAILED);
        assertThat(verdict.stage()).isZero();
        assertThat(verdict.missing()).containsExactly("principle", "usersHave7DaysToExit", "securityCouncilProperlySetUp");
        assertThat(verdict.exitWindowRating()).isEqualTo("none");
    }

    @Test
    void shouldReportNoExitWindowWhenEveryRouteIsCouncilGatedAndInstant() {
        StageVerdict verdict = StageRules.evaluate(facts(List.of(council(10, 13, announced(true, List.of()))), List.of(route(0, true))));
        assertThat(status(verdict, "usersHave7DaysToExit")).isEqualTo(Status.PASSED);
        assertThat(verdict.exitWindowSeconds()).isZero();
        assertThat(verdict.exitWindowRating()).isEqualTo("none");
        assertThat(verdict.stage()).isEqualTo(1);
    }

    @Test
    void shouldPassThe30DayWindowOnlyWhenTheCouncilIsLimitedToBugsOrSlowToo() {
        List<StageFacts.RouteFacts> routes = List.of(route(0, true), route(45 * DAY + 636_216, false));
        StageFacts limited = new StageFacts(ARBITRUM_EXIT, List.of(council(9, 12, announced(true, List.of()))), 1, routes,
                withAssertion("proofSystemOverriddenOnlyInCaseOfABug", true), List.of());
        StageVerdict verdict = StageRules.evaluate(limited);
        assertThat(status(verdict, "delayWith30DExitWindow")).isEqualTo(Status.PASSED);
        assertThat(verdict.stage()).isEqualTo(2);
        assertThat(verdict.missing()).isEmpty();
        assertThat(status(StageRules.evaluate(facts(limited.councils(), routes)), "delayWith30DExitWindow")).isEqualTo(Status.FAILED);
    }

    @Test
    void shouldCountEntitiesNotSignersForTheCouncil() {
        List<String> signers = signers(12);
        List<StageConfig.Entity> entities = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            entities.add(new StageConfig.Entity("team " + i, false, signers.subList(2 * i, 2 * i + 2)));
        }
        CouncilSetup setup = CouncilSetup.of(council(9, 12, announced(true, entities)));
        assertThat(setup.entities()).isEqualTo(6);
        assertThat(setup.entityThreshold()).as("the 5 largest entities hold 10 ≥ 9 signers").isEqualTo(5);
        assertThat(setup.size()).isEqualTo(Status.FAILED);
        assertThat(setup.threshold()).isEqualTo(Status.PASSED);
        assertThat(setup.independence()).isEqualTo(Status.FAILED);
        assertThat(setup.source()).isEqualTo(Source.ONCHAIN);
    }

    @Test
    void shouldLeaveTheCouncilUnknownWhenIndependenceIsNotDeclared() {
        CouncilSetup setup = CouncilSetup.of(council(9, 12, null));
        assertThat(setup.status()).isEqualTo(Status.UNKNOWN);
        assertThat(setup.source()).isEqualTo(Source.ASSERTED);
        assertThat(setup.independenceUnknown()).isEqualTo(12);
    }

    @Test
    void shouldPreferAProbeThatWasReadOverAnAssertionAndFallBackWhenItWasNot() {
        StageConfig.Probe probe = new StageConfig.Probe("eth", "0x4DCeB440657f21083db8aDd07665f8ddBe1DCfc0", "validatorWhitelistDisabled()",
                "bool", List.of("true"), List.of("fraudProofSystemIsPermissionless"), "whitelist");
        Map<String, StageConfig.Assertion> assertions = withAssertion("fraudProofSystemIsPermissionless", true);
        List<StageFacts.CouncilFacts> councils = List.of(council(9, 12, announced(true, List.of())));
        StageVerdict readFalse = StageRules.evaluate(new StageFacts(ARBITRUM_EXIT, councils, 1, List.of(), assertions,
                List.of(new StageFacts.ProbeFacts(probe, 1, "false", 77L, 90))));
        RequirementResult probed = result(readFalse, "fraudProofSystemIsPermissionless");
        assertThat(probed.status()).isEqualTo(Status.FAILED);
        assertThat(probed.source()).isEqualTo(Source.PROBE);
        assertThat(probed.evidence().get(0).block()).isEqualTo(77L);
        StageVerdict unread = StageRules.evaluate(new StageFacts(ARBITRUM_EXIT, councils, 1, List.of(), assertions,
                List.of(new StageFacts.ProbeFacts(probe, 1, null, null, 40))));
        assertThat(result(unread, "fraudProofSystemIsPermissionless").source()).isEqualTo(Source.ASSERTED);
        StageVerdict unreadUnasserted = StageRules.evaluate(new StageFacts(ARBITRUM_EXIT, councils, 1, List.of(), Map.of(),
                List.of(new StageFacts.ProbeFacts(probe, 1, null, null, 40))));
        RequirementResult unknown = result(unreadUnasserted, "fraudProofSystemIsPermissionless");
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.evidence().get(0).value()).isEqualTo("probe validatorWhitelistDisabled() not read at or before block 40 (expected true)");
        assertThat(probed.evidence().get(0).value()).isEqualTo("false, read at block 77 (expected true)");
        StageVerdict noCode = StageRules.evaluate(new StageFacts(ARBITRUM_EXIT, councils, 1, List.of(), Map.of(),
                List.of(new StageFacts.ProbeFacts(probe, 1, "no code", 5L, 5))));
        assertThat(result(noCode, "fraudProofSystemIsPermissionless").status()).isEqualTo(Status.FAILED);
    }

    /** L2BEAT's Stage 1 proof-system transparency items, in force since its 2025-07-29 deadline. */
    static final List<String> PROOF_SYSTEM_ITEMS = List.of("noRedTrustedSetups", "proverSourcePublished",
            "verifierContractsReproducible", "programHashesReproducible");

    @Test
    void shouldKnowTheFourProofSystemItemsAsStage1RequirementsSettledByStatements() {
        for (String id : PROOF_SYSTEM_ITEMS) {
            Requirement requirement = Requirement.fromId(id).orElseThrow();
            assertThat(requirement.stage()).as(id).isEqualTo(1);
            assertThat(requirement.basis()).as(id).isEqualTo(Requirement.Basis.DECLARED);
        }
        assertThat(Requirement.ids()).containsSubsequence("securityCouncilProperlySetUp", "noRedTrustedSetups", "proverSourcePublished",
                "verifierContractsReproducible", "programHashesReproducible", "fraudProofSystemIsPermissionless");
    }

    @Test
    void shouldLeaveNotApplicableItemsOutOfTheRatingAsL2beatsNull() {
        long daoRoute = 8 * DAY + 549_816 + 3 * DAY;
        List<StageFacts.CouncilFacts> councils = List.of(council(9, 12, announced(true, List.of())));
        List<StageFacts.RouteFacts> routes = List.of(route(0, true), route(daoRoute, false));
        Map<String, StageConfig.Assertion> notApplicable = new LinkedHashMap<>(arbitrumAssertions());
        PROOF_SYSTEM_ITEMS.forEach(id -> notApplicable.put(id, new StageConfig.Assertion(null, LINK)));
        StageVerdict verdict = StageRules.evaluate(new StageFacts(ARBITRUM_EXIT, councils, 1, routes, notApplicable, List.of()));
        assertThat(verdict.stage()).isEqualTo(1);
        assertThat(verdict.missing()).containsExactly("delayWith30DExitWindow", "proofSystemOverriddenOnlyInCaseOfABug");
        for (String id : PROOF_SYSTEM_ITEMS) {
            RequirementResult result = result(verdict, id);
            assertThat(result.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(result.source()).isEqualTo(Source.ASSERTED);
            assertThat(result.evidence().get(0).value()).startsWith("n/a");
            assertThat(result.evidence().get(0).link()).isEqualTo(LINK);
        }
        assertThat(Status.NOT_APPLICABLE.and(Status.FAILED)).isEqualTo(Status.FAILED);
        assertThat(Status.PASSED.and(Status.NOT_APPLICABLE)).isEqualTo(Status.PASSED);
        assertThat(Status.NOT_APPLICABLE).hasToString("not applicable");

        // one of them false: Stage 1 is missing it at once
        Map<String, StageConfig.Assertion> oneFalse = new LinkedHashMap<>(notApplicable);
        oneFalse.put("programHashesReproducible", new StageConfig.Assertion(false, LINK));
        StageVerdict failed = StageRules.evaluate(new StageFacts(ARBITRUM_EXIT, councils, 1, routes, oneFalse, List.of()));
        assertThat(failed.stage()).isZero();
        assertThat(failed.missing()).containsExactly("programHashesReproducible");

        // one of them not declared at all: unknown, which does not hold
        Map<String, StageConfig.Assertion> oneMissing = new LinkedHashMap<>(notApplicable);
        oneMissing.remove("noRedTrustedSetups");
        StageVerdict unknown = StageRules.evaluate(new StageFacts(ARBITRUM_EXIT, councils, 1, routes, oneMissing, List.of()));
        assertThat(status(unknown, "noRedTrustedSetups")).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.stage()).isZero();
        assertThat(unknown.missing()).containsExactly("noRedTrustedSetups");
    }

    @Test
    void shouldPassAProbeWhoseResultIsAnyOfItsExpectedValues() {
        StageConfig.Probe gameType = new StageConfig.Probe("eth", "0xbEb5Fc579115071764c7423A4f12eDde41f106Ed", "respectedGameType()",
                "uint256", List.of("0", "8"), List.of("fraudProofSystemIsPermissionless", "usersCanExitWithoutCooperation"), "game type");
        List<StageFacts.CouncilFacts> councils = List.of(council(10, 13, announced(true, List.of())));
        Map<String, StageConfig.Assertion> assertions = new LinkedHashMap<>(arbitrumAssertions());
        assertions.remove("fraudProofSystemIsPermissionless");
        assertions.remove("usersCanExitWithoutCooperation");
        for (String read : List.of("0", "8", "1", "9")) {
            StageVerdict verdict = StageRules.evaluate(new StageFacts(ARBITRUM_EXIT, councils, 1, List.of(route(0, true)), assertions,
                    List.of(new StageFacts.ProbeFacts(gameType, 1, read, 200L, 200))));
            Status expected = read.equals("0") || read.equals("8") ? Status.PASSED : Status.FAILED;
            for (String id : gameType.requirements()) {
                RequirementResult result = result(verdict, id);
                assertThat(result.status()).as("%s with respectedGameType %s", id, read).isEqualTo(expected);
                assertThat(result.source()).isEqualTo(Source.PROBE);
                assertThat(result.evidence().get(0).value()).isEqualTo(read + ", read at block 200 (expected one of 0, 8)");
                assertThat(result.evidence().get(0).block()).isEqualTo(200L);
            }
            assertThat(verdict.stage()).as("respectedGameType %s", read).isEqualTo(expected == Status.PASSED ? 1 : 0);
        }
    }

    @Test
    void shouldLeaveEverythingUndeclaredUnknownAndRateNothing() {
        StageVerdict verdict = StageRules.evaluate(new StageFacts(List.of(), List.of(), 0, List.of(), Map.of(), List.of()));
        assertThat(verdict.stage()).isNull();
        assertThat(verdict.stageLabel()).startsWith("not rated");
        assertThat(verdict.requirements()).extracting(RequirementResult::status).containsOnly(Status.UNKNOWN);
        assertThat(verdict.missing()).hasSize(6);
        assertThat(verdict.exitWindowRating()).isEqualTo("n/a");
    }

    private static Map<String, StageConfig.Assertion> withAssertion(String id, boolean value) {
        Map<String, StageConfig.Assertion> assertions = new LinkedHashMap<>(arbitrumAssertions());
        assertions.put(id, new StageConfig.Assertion(value, LINK));
        return assertions;
    }

    private static RequirementResult result(StageVerdict verdict, String id) {
        return verdict.requirements().stream().filter(result -> result.id().equals(id)).findFirst().orElseThrow();
    }

    private static Status status(StageVerdict verdict, String id) {
        return result(verdict, id).status();
    }
}
