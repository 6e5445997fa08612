package org.stagewatch.analyze.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stagewatch.analyze.stage.Status;
import org.stagewatch.config.MilestoneCheck;
import org.stagewatch.config.MilestonesConfig;

/** Dependency resolution: achieved, ready, blocked (naming what blocks), unknown; diamonds; a cycle; phase progress. */
class MilestoneRulesTest {
    private static final MilestoneCheck YES = new MilestoneCheck.AssertionCheck(true, "https://example.org/yes");
    private static final MilestoneCheck NO = new MilestoneCheck.AssertionCheck(false, "https://example.org/no");
    private static final MilestoneCheck UNKNOWN = new MilestoneCheck.MetricCheck("gini", null, BigDecimal.ONE);
    private static final List<MilestonesConfig.Phase> PHASES = List.of(new MilestonesConfig.Phase("B", "Second", 2),
            new MilestonesConfig.Phase("A", "First", 1));

    private static MilestonesConfig.Milestone milestone(String id, String phase, MilestoneCheck check, String... after) {
        return new MilestonesConfig.Milestone(id, id, phase, List.of(after), null, check);
    }

    private static MilestoneRules.Verdict evaluate(MilestonesConfig.Milestone... milestones) {
        return MilestoneRules.evaluate(new MilestonesConfig(PHASES, List.of(milestones)), new FakeFacts());
    }

    private static MilestoneResult result(MilestoneRules.Verdict verdict, String id) {
        return verdict.milestones().stream().filter(result -> result.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aDiamondResolvesEachMilestoneOnceWhateverTheDeclarationOrder() {
        MilestoneRules.Verdict verdict = evaluate(
                milestone("top", "B", YES, "left", "right"),
                milestone("left", "A", YES, "root"),
                milestone("right", "A", NO, "root"),
                milestone("root", "A", YES));
        assertThat(result(verdict, "root").status()).isEqualTo(MilestoneStatus.ACHIEVED);
        assertThat(result(verdict, "left").status()).isEqualTo(MilestoneStatus.ACHIEVED);
        assertThat(result(verdict, "right").status()).isEqualTo(MilestoneStatus.READY);
        MilestoneResult top = result(verdict, "top");
        assertThat(top.status()).isEqualTo(MilestoneStatus.BLOCKED);
        assertThat(top.blockedBy()).containsExactly("right");
        assertThat(top.check()).isEqualTo(Status.PASSED);
        assertThat(top.evidence().get(0).what()).isEqualTo("dependency right");
        assertThat(verdict.milestones()).extracting(MilestoneResult::id).containsExactly("top", "left", "right", "root");
        assertThat(verdict.phases()).extracting(PhaseProgress::id).containsExactly("A", "B");
        assertThat(verdict.phases().get(0)).isEqualTo(new PhaseProgress("A", "First", 1, 2, 3, false));
        assertThat(verdict.phases().get(1)).isEqualTo(new PhaseProgress("B", "Second", 2, 0, 1, false));
    }

    @Test
    void unknownCheckWithAchievedDependenciesIsUnknownAndBlocksItsDependents() {
        MilestoneRules.Verdict verdict = evaluate(milestone("root", "A", YES), milestone("mid", "A", UNKNOWN, "root"),
                milestone("leaf", "B", YES, "mid"));
        assertThat(result(verdict, "mid").status()).isEqualTo(MilestoneStatus.UNKNOWN);
        assertThat(result(verdict, "leaf").status()).isEqualTo(MilestoneStatus.BLOCKED);
        assertThat(result(verdict, "leaf").blockedBy()).containsExactly("mid");
    }

    @Test
    void aCompletePhaseHasEveryMilestoneAchieved() {
        MilestoneRules.Verdict verdict = evaluate(milestone("root", "A", YES), milestone("next", "A", YES, "root"));
        assertThat(verdict.phases().get(0).complete()).isTrue();
        assertThat(verdict.phases().get(1)).isEqualTo(new PhaseProgress("B", "Second", 2, 0, 0, true));
    }

    @Test
    void aCycleThatSlippedPastValidationIsBlockedNotAnEndlessLoop() {
        MilestoneRules.Verdict verdict = evaluate(milestone("a", "A", YES, "b"), milestone("b", "A", YES, "a"));
        assertThat(verdict.milestones()).extracting(MilestoneResult::status).containsOnly(MilestoneStatus.BLOCKED);
        assertThat(result(verdict, "b").evidence().get(0).value()).isEqualTo("unknown");
    }
}
