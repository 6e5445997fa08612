package org.stagewatch.analyze.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stagewatch.analyze.control.Gate;
import org.stagewatch.analyze.control.Hop;
import org.stagewatch.analyze.control.Node;
import org.stagewatch.analyze.control.Route;
import org.stagewatch.analyze.control.TokenVote;
import org.stagewatch.analyze.stage.Evidence;
import org.stagewatch.analyze.stage.RequirementResult;
import org.stagewatch.analyze.stage.Source;
import org.stagewatch.analyze.stage.StageVerdict;
import org.stagewatch.analyze.stage.Status;
import org.stagewatch.config.MilestoneCheck;
import org.stagewatch.config.StageConfig;

/** Every check kind over hand-set facts: when it passes, fails, and is unknown, and the evidence it gives. */
class CheckEvaluatorTest {
    private static final String TIMELOCK = "0x00000000000000000000000000000000000000a1";
    private static final String SAFE = "0x00000000000000000000000000000000000000b2";
    private static final String ADMIN = "0x00000000000000000000000000000000000000c3";
    private static final StageConfig.ContractRef TIMELOCK_REF = new StageConfig.ContractRef("eth", TIMELOCK);

    private final FakeFacts facts = new FakeFacts();
    private final CheckEvaluator evaluator = new CheckEvaluator(facts);

    private Status status(MilestoneCheck check) {
        return evaluator.evaluate(check).status();
    }

    private static RequirementResult requirement(int stage, String id, Status status) {
        return new RequirementResult(stage, id, status, Source.ONCHAIN, id, List.of(Evidence.fact(id, status.toString())));
    }

    @Test
    void stageAtLeastPassesWhenEveryRequirementUpToThatStagePasses() {
        facts.stage = new StageVerdict(1, 0L, "bad", 0, List.of(requirement(0, "a", Status.PASSED), requirement(1, "b", Status.PASSED),
                requirement(2, "c", Status.UNKNOWN)), List.of("c"));
        assertThat(status(new MilestoneCheck.StageAtLeast(1))).isEqualTo(Status.PASSED);
        assertThat(status(new MilestoneCheck.StageAtLeast(2))).isEqualTo(Status.UNKNOWN);
        facts.stage = new StageVerdict(0, 0L, "bad", 0, List.of(requirement(0, "a", Status.PASSED), requirement(1, "b", Status.FAILED),
                requirement(2, "c", Status.UNKNOWN)), List.of("b"));
        CheckResult failed = evaluator.evaluate(new MilestoneCheck.StageAtLeast(2));
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.evidence()).extracting(Evidence::value).contains("b failed, c unknown");
    }

    @Test
    void requirementTakesTheRequirementsStatusAndEvidence() {
        facts.stage = new StageVerdict(0, 0L, "bad", 0, List.of(requirement(1, "usersHave7DaysToExit", Status.FAILED)), List.of());
        CheckResult result = evaluator.evaluate(new MilestoneCheck.RequirementPassed("usersHave7DaysToExit"));
        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.evidence()).hasSize(2);
        assertThat(status(new MilestoneCheck.RequirementPassed("principle"))).isEqualTo(Status.UNKNOWN);
    }

    private static final Gate.Vote VOTE = new Gate.Vote(new Node(1, "0x01"), new TokenVote(1, "0x0t", 100, 99L, BigInteger.TEN, "reading",
            BigInteger.valueOf(20), List.of(new TokenVote.Voter("0xd1", BigInteger.valueOf(20))), 5L, 5L, "blocknumber", null));

    private static Route route(Gate gate, long delay, int keys, boolean councilGated) {
        return new Route(List.of(new Hop(new Node(1, ADMIN), "ProxyAdmin", "owner", 0)), gate, CheckEvaluator.needsVote(gate), delay, keys,
                CheckEvaluator.needsVote(gate) ? 1 : null, councilGated, false);
    }

    private void critical(Route... routes) {
        facts.critical = List.of(new MilestoneFacts.ScopedPermission(1, "0xbridge", "Bridge", "upgrade", List.of(routes), false));
    }

    @Test
    void routeEveryVoteNeedsTheVoteOnEveryCoalition() {
        Gate voteThenKeys = new Gate.Threshold(2, List.of(VOTE, new Gate.Key("0xk1")));
        Gate voteOrKeys = new Gate.AnyOf(List.of(VOTE, new Gate.Key("0xk1")));
        Gate twoOfThreeWithVote = new Gate.Threshold(2, List.of(VOTE, new Gate.Key("0xk1"), new Gate.Key("0xk2")));
        assertThat(CheckEvaluator.needsVote(voteThenKeys)).isTrue();
        assertThat(CheckEvaluator.needsVote(voteOrKeys)).isFalse();
        assertThat(CheckEvaluator.needsVote(twoOfThreeWithVote)).isFalse();
        assertThat(CheckEvaluator.needsVote(new Gate.Step(new Hop(new Node(1, "0x02"), "Governor", "token-holder vote", 0), VOTE))).isTrue();

        MilestoneCheck.RouteCheck everyVote = new MilestoneCheck.RouteCheck(null, null, null, "vote", null, null);
        critical(route(VOTE, 864_000, 3, false), route(voteThenKeys, 0, 1, false));
        assertThat(status(everyVote)).isEqualTo(Status.PASSED);
        critical(route(VOTE, 864_000, 3, false), route(new Gate.Key("0xk1"), 0, 1, false));
        CheckResult broken = evaluator.evaluate(everyVote);
        assertThat(broken.status()).isEqualTo(Status.FAILED);
        assertThat(broken.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.what()).isEqualTo("route to Bridge upgrade");
            assertThat(evidence.value()).startsWith("needs no token-holder vote: ProxyAdmin (owner) ← ");
            assertThat(evidence.block()).isEqualTo(100L);
        });
        assertThat(status(new MilestoneCheck.RouteCheck(null, null, null, "voteOrCouncil", null, null))).isEqualTo(Status.FAILED);
        critical(route(VOTE, 864_000, 3, false), route(new Gate.Key("0xk1"), 0, 9, true));
        assertThat(status(new MilestoneCheck.RouteCheck(null, null, null, "voteOrCouncil", null, null))).isEqualTo(Status.PASSED);
        assertThat(status(new MilestoneCheck.RouteCheck(null, null, null, "council", null, null))).isEqualTo(Status.FAILED);
    }

    @Test
    void routeDelayCountsRoutesNotCouncilGatedAndKeysCountRoutesWithoutAVote() {
        critical(route(VOTE, 864_000, 1, false), route(new Gate.Key("0xk1"), 0, 9, true), route(new Gate.Key("0xk2"), 700_000, 8, false));
        assertThat(status(new MilestoneCheck.RouteCheck(null, null, null, null, 604_800L, null))).isEqualTo(Status.PASSED);
        assertThat(status(new MilestoneCheck.RouteCheck(null, null, null, null, 800_000L, null))).isEqualTo(Status.FAILED);
        assertThat(status(new MilestoneCheck.RouteCheck(null, null, null, null, null, 8))).isEqualTo(Status.PASSED);
        assertThat(status(new MilestoneCheck.RouteCheck(null, null, null, null, null, 9))).isEqualTo(Status.FAILED);
    }

    @Test
    void routeIsUnknownWithoutPermissionsOrIndexedChainAndVacuousWithoutRoutes() {
        MilestoneCheck.RouteCheck everyVote = new MilestoneCheck.RouteCheck(null, null, null, "vote", null, null);
        assertThat(status(everyVote)).isEqualTo(Status.UNKNOWN);
        assertThat(status(new MilestoneCheck.RouteCheck("eth", SAFE, null, "vote", null, null))).isEqualTo(Status.UNKNOWN);
        critical();
        CheckResult nobody = evaluator.evaluate(everyVote);
        assertThat(nobody.status()).isEqualTo(Status.PASSED);
        assertThat(nobody.evidence()).singleElement().extracting(Evidence::value).isEqualTo("no route: no one can exercise it");
        facts.critical = List.of(new MilestoneFacts.ScopedPermission(1, "0xbridge", "Bridge", "upgrade", List.of(route(VOTE, 0, 1, false)), true));
        assertThat(status(everyVote)).isEqualTo(Status.UNKNOWN);
        facts.permissions.put(SAFE, Optional.of(List.of(new MilestoneFacts.ScopedPermission(1, SAFE, "Token", "act",
                List.of(route(VOTE, 0, 1, false)), false))));
        assertThat(status(new MilestoneCheck.RouteCheck("eth", SAFE, null, "vote", null, null))).isEqualTo(Status.PASSED);
    }

    @Test
    void ownerMustBeOneOfTheContractsOnItsChainOrTheAliasOfOneOnAnother() {
        MilestoneCheck.OwnerCheck check = new MilestoneCheck.OwnerCheck("eth", ADMIN, List.of(TIMELOCK_REF));
        assertThat(status(check)).isEqualTo(Status.UNKNOWN);
        facts.owners.put(ADMIN, SAFE);
        CheckResult failed = evaluator.evaluate(check);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.value()).isEqualTo(SAFE + ", not one of " + TIMELOCK);
            assertThat(evidence.address()).isEqualTo(ADMIN);
            assertThat(evidence.block()).isEqualTo(100L);
        });
        facts.owners.put(ADMIN, TIMELOCK);
        assertThat(status(check)).isEqualTo(Status.PASSED);
        facts.owners.put(ADMIN, Node.alias(TIMELOCK));
        assertThat(status(new MilestoneCheck.OwnerCheck("l2", ADMIN, List.of(TIMELOCK_REF)))).isEqualTo(Status.PASSED);
        assertThat(status(check)).isEqualTo(Status.FAILED);
    }

    @Test
    void anOwnerCheckOnAContractBehindAProxyNamesItsAdmin() {
        MilestoneCheck.OwnerCheck check = new MilestoneCheck.OwnerCheck("eth", ADMIN, List.of(TIMELOCK_REF));
        facts.owners.put(ADMIN, SAFE);
        assertThat(evaluator.evaluate(check).evidence()).singleElement().satisfies(evidence -> assertThat(evidence.what())
                .isEqualTo("owner of " + ADMIN));
        facts.administered.add(ADMIN);
        CheckResult failed = evaluator.evaluate(check);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.what()).isEqualTo("admin of " + ADMIN);
            assertThat(evidence.value()).isEqualTo(SAFE + ", not one of " + TIMELOCK);
        });
        facts.owners.put(ADMIN, TIMELOCK);
        assertThat(status(check)).isEqualTo(Status.PASSED);
    }

    @Test
    void roleNeedsHoldersAllOfThemAmongTheContracts() {
        MilestoneCheck.RoleCheck check = new MilestoneCheck.RoleCheck("eth", ADMIN, "MINTER_ROLE", List.of(TIMELOCK_REF));
        assertThat(status(check)).isEqualTo(Status.UNKNOWN);
        facts.roles.put("MINTER_ROLE", Set.of());
        assertThat(status(check)).isEqualTo(Status.FAILED);
        facts.roles.put("MINTER_ROLE", Set.of(TIMELOCK));
        assertThat(status(check)).isEqualTo(Status.PASSED);
        facts.roles.put("MINTER_ROLE", Set.of(TIMELOCK, SAFE));
        CheckResult failed = evaluator.evaluate(check);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.evidence().get(0).value()).endsWith("not one of " + TIMELOCK + ": " + SAFE);
    }

    @Test
    void metricComparesWithBothBoundsExactly() {
        MilestoneCheck.MetricCheck check = new MilestoneCheck.MetricCheck("nakamoto.majority", new BigDecimal("5"), new BigDecimal("10"));
        assertThat(status(check)).isEqualTo(Status.UNKNOWN);
        facts.metrics.put("nakamoto.majority", new BigDecimal("5"));
        assertThat(status(check)).isEqualTo(Status.PASSED);
        facts.metrics.put("nakamoto.majority", new BigDecimal("4"));
        assertThat(status(check)).isEqualTo(Status.FAILED);
        facts.metrics.put("gini", new BigDecimal("0.90000000001"));
        assertThat(status(new MilestoneCheck.MetricCheck("gini", null, new BigDecimal("0.9")))).isEqualTo(Status.FAILED);
    }

    @Test
    void activityCountsWithinItsWindow() {
        MilestoneCheck.ActivityCheck check = new MilestoneCheck.ActivityCheck("proposalsExecuted", 3, 365L);
        assertThat(status(check)).isEqualTo(Status.UNKNOWN);
        facts.activity.put("proposalsExecuted/365", 2L);
        assertThat(status(check)).isEqualTo(Status.FAILED);
        facts.activity.put("proposalsExecuted/365", 3L);
        assertThat(status(check)).isEqualTo(Status.PASSED);
    }

    @Test
    void probeComparesTheStoredFormAndIsUnknownWhenUnreadable() {
        MilestoneCheck.ProbeCheck check = new MilestoneCheck.ProbeCheck("eth", SAFE, "paused()", "bool", "false", "paused()");
        assertThat(status(check)).isEqualTo(Status.UNKNOWN);
        facts.probes.put("paused()", "false");
        CheckResult passed = evaluator.evaluate(check);
        assertThat(passed.status()).isEqualTo(Status.PASSED);
        assertThat(passed.evidence().get(0).block()).isEqualTo(90L);
        facts.probes.put("paused()", "true");
        assertThat(status(check)).isEqualTo(Status.FAILED);
        facts.probes.put("paused()", "no code");
        assertThat(status(check)).isEqualTo(Status.UNKNOWN);
        facts.probes.put("paused()", "unavailable: execution reverted");
        assertThat(status(check)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void assertionCarriesItsLink() {
        CheckResult result = evaluator.evaluate(new MilestoneCheck.AssertionCheck(false, "https://example.org/veto"));
        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.evidence()).singleElement().extracting(Evidence::link).isEqualTo("https://example.org/veto");
    }

    @Test
    void allIsTheWorstAndAnyTheBest() {
        MilestoneCheck yes = new MilestoneCheck.AssertionCheck(true, "https://example.org");
        MilestoneCheck no = new MilestoneCheck.AssertionCheck(false, "https://example.org");
        MilestoneCheck unknown = new MilestoneCheck.MetricCheck("gini", null, BigDecimal.ONE);
        assertThat(status(new MilestoneCheck.All(List.of(yes, unknown)))).isEqualTo(Status.UNKNOWN);
        assertThat(status(new MilestoneCheck.All(List.of(yes, unknown, no)))).isEqualTo(Status.FAILED);
        assertThat(status(new MilestoneCheck.All(List.of(yes, yes)))).isEqualTo(Status.PASSED);
        assertThat(status(new MilestoneCheck.Any(List.of(no, unknown)))).isEqualTo(Status.UNKNOWN);
        assertThat(status(new MilestoneCheck.Any(List.of(no, unknown, yes)))).isEqualTo(Status.PASSED);
        assertThat(status(new MilestoneCheck.Any(List.of(no, no)))).isEqualTo(Status.FAILED);
    }
}
