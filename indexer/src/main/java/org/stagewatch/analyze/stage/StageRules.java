package org.stagewatch.analyze.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.stagewatch.config.Requirement;
import org.stagewatch.config.StageConfig;

/**
 * The stages framework (reference/stages.md) as a checklist over {@link StageFacts}. Requirements that
 * only a statement can settle come from a probe when one is declared and read (passed when the result
 * is one of the probe's expected values), else from an assertion; one asserted n/a is not applicable
 * and, as L2BEAT's null, is left out when the stage is decided. The ones read from routes: a route counts against the exit window unless it is
 * council-gated (every coalition holds ≥75% of a designated council); its exit window is its delay
 * minus the exit delay.
 * <ul>
 * <li>usersHave7DaysToExit: every route that is not council-gated leaves ≥ 7 days.</li>
 * <li>principle: the same, for its upgrade part, and the declared part (nothing else can block
 * messages) from a probe or an assertion.</li>
 * <li>delayWith30DExitWindow: every route that is not council-gated leaves ≥ 30 days, and so does
 * every council-gated one unless the council may only act on provable bugs
 * (proofSystemOverriddenOnlyInCaseOfABug passed).</li>
 * <li>securityCouncilProperlySetUp: {@link CouncilSetup} for every designated council.</li>
 * </ul>
 * The exit window reported is the smallest among routes that are not council-gated, or among all
 * routes when every one is (Optimism: "None"), floored at 0.
 */
public final class StageRules {
    public static final long DAY = 86_400;
    public static final long SEVEN_DAYS = 7 * DAY;
    public static final long THIRTY_DAYS = 30 * DAY;

    private StageRules() {
    }

    public static StageVerdict evaluate(StageFacts facts) {
        Map<Requirement, RequirementResult> results = new EnumMap<>(Requirement.class);
        for (Requirement requirement : Requirement.values()) {
            if (requirement.basis() == Requirement.Basis.DECLARED) {
                results.put(requirement, declared(requirement, facts));
            }
        }
        ExitWindow window = ExitWindow.of(facts);
        results.put(Requirement.USERS_HAVE_7_DAYS_TO_EXIT, exitRequirement(Requirement.USERS_HAVE_7_DAYS_TO_EXIT, window,
                SEVEN_DAYS, false, facts));
        boolean councilLimitedToBugs = results.get(Requirement.PROOF_SYSTEM_OVERRIDDEN_ONLY_IN_CASE_OF_A_BUG).status() == Status.PASSED;
        results.put(Requirement.DELAY_WITH_30D_EXIT_WINDOW, exitRequirement(Requirement.DELAY_WITH_30D_EXIT_WINDOW, window,
                THIRTY_DAYS, !councilLimitedToBugs, facts));
        results.put(Requirement.PRINCIPLE, principle(facts, results.get(Requirement.USERS_HAVE_7_DAYS_TO_EXIT)));
        results.put(Requirement.SECURITY_COUNCIL_PROPERLY_SET_UP, council(facts));

        List<RequirementResult> ordered = new ArrayList<>();
        for (Requirement requirement : Requirement.values()) {
            ordered.add(results.get(requirement));
        }
        Integer stage = null;
        List<String> missing = new ArrayList<>();
        for (int candidate = 0; candidate <= 2; candidate++) {
            int current = candidate;
            List<String> unmet = ordered.stream().filter(result -> result.stage() == current && !result.status().met())
                    .map(RequirementResult::id).toList();
            if (!unmet.isEmpty()) {
                missing = unmet;
                break;
            }
            stage = candidate;
        }
        return new StageVerdict(stage, window.seconds(), window.rating(), facts.exitDelaySeconds(), ordered, missing);
    }

    /** A requirement only a probe or an assertion can settle; a probe that was read wins over an assertion. */
    private static RequirementResult declared(Requirement requirement, StageFacts facts) {
        Optional<RequirementResult> probed = probed(requirement, facts);
        if (probed.isPresent() && probed.get().status() != Status.UNKNOWN) {
            return probed.get();
        }
        StageConfig.Assertion assertion = facts.assertions().get(requirement.id());
        if (assertion != null) {
            return RequirementResult.of(requirement, assertion.applies() ? Status.of(assertion.value()) : Status.NOT_APPLICABLE,
                    Source.ASSERTED, List.of(Evidence.link("assertion", assertion.applies() ? assertion.text()
                            : "n/a: does not apply to this project, left out of the rating", assertion.source())));
        }
        return probed.orElseGet(() -> RequirementResult.of(requirement, Status.UNKNOWN, Source.NONE, List.of(Evidence.fact("not declared",
                "neither asserted nor probed: add stage.assertions." + requirement.id() + " with a source link, or a probe"))));
    }

    private static Optional<RequirementResult> probed(Requirement requirement, StageFacts facts) {
        List<StageFacts.ProbeFacts> probes = facts.probes().stream()
                .filter(probe -> probe.probe().requirements().contains(requirement.id())).toList();
        if (probes.isEmpty()) {
            return Optional.empty();
        }
        Status status = Status.PASSED;
        List<Evidence> evidence = new ArrayList<>();
        for (StageFacts.ProbeFacts probe : probes) {
            String call = probe.probe().call();
            String value = probe.value();
            Status outcome;
            String shown;
            String readAt = ", read at block " + probe.block();
            if (value == null) {
                outcome = Status.UNKNOWN;
                shown = probe.asked() < 0 ? "probe " + call + " not read: nothing of its chain is indexed by then"
                        : "probe " + call + " not read at or before block " + probe.asked() + " (expected " + probe.probe().expectation() + ")";
            } else if (value.startsWith("unavailable")) {
                outcome = Status.UNKNOWN;
                shown = value + readAt;
            } else if (value.equals("no code")) {
                outcome = Status.FAILED;
                shown = "no contract at the address" + readAt;
            } else {
                outcome = Status.of(probe.probe().passes(value));
                shown = value + readAt + " (expected " + probe.probe().expectation() + ")";
            }
            status = status.and(outcome);
            evidence.add(new Evidence("probe " + call, shown, probe.chainId(), probe.probe().address().toLowerCase(Locale.ROOT),
                    probe.block(), null));
        }
        return Optional.of(RequirementResult.of(requirement, status, Source.PROBE, evidence));
    }

    /**
     * Every route that is not council-gated must leave {@code minimum} to exit; with {@code gatedCount}, so
     * must the council-gated ones.
     */
    private static RequirementResult exitRequirement(Requirement requirement, ExitWindow window, long minimum, boolean gatedCount,
                                                     StageFacts facts) {
        if (facts.criticalPermissions() == 0) {
            return RequirementResult.of(requirement, Status.UNKNOWN, Source.ONCHAIN, List.of(Evidence.fact("critical contracts",
                    "none marked: set critical: true on the contracts whose upgrade can block or forge withdrawals")));
        }
        List<Evidence> evidence = new ArrayList<>();
        List<StageFacts.RouteFacts> counted = facts.routes().stream().filter(route -> gatedCount || !route.councilGated())
                .sorted(Comparator.comparingLong(StageFacts.RouteFacts::delaySeconds)).toList();
        long exitDelay = facts.exitDelaySeconds();
        Optional<StageFacts.RouteFacts> fastest = counted.stream().findFirst();
        boolean holds = fastest.map(route -> route.delaySeconds() - exitDelay >= minimum).orElse(true);
        fastest.ifPresentOrElse(route -> evidence.add(routeEvidence(holds ? "fastest counted route" : "route too fast", route, exitDelay)),
                () -> evidence.add(Evidence.fact("routes", "every route to a critical permission is council-gated")));
        long gated = facts.routes().stream().filter(StageFacts.RouteFacts::councilGated).count();
        if (gated > 0) {
            evidence.add(Evidence.fact("council-gated routes", gated + (gatedCount
                    ? " counted: the council is not limited to provable bugs (proofSystemOverriddenOnlyInCaseOfABug)"
                    : " not counted: they need ≥75% of a security council")));
        }
        evidence.add(exitDelayEvidence(facts));
        evidence.add(Evidence.fact("exit window", window.describe()));
        return RequirementResult.of(requirement, Status.of(holds), Source.ONCHAIN, evidence);
    }

    static Evidence routeEvidence(String what, StageFacts.RouteFacts route, long exitDelay) {
        return new Evidence(what, route.label() + " " + route.permission() + ": delay " + route.delaySeconds() + " s − exit delay "
                + exitDelay + " s = " + (route.delaySeconds() - exitDelay) + " s, " + (route.needsVote() ? "a token-holder vote"
                + (route.keys() > 0 ? " and " + route.keys() + " signing keys" : "") : route.keys() + " signing keys")
                + (route.councilGated() ? ", council-gated" : "") + " via " + route.via(), route.chainId(), route.target(), null, null);
    }

    private static Evidence exitDelayEvidence(StageFacts facts) {
        if (facts.exitDelay().isEmpty()) {
            return Evidence.fact("exit delay", "0 s (none declared in stage.exitDelay)");
        }
        StringBuilder parts = new StringBuilder();
        String link = null;
        for (StageConfig.ExitDelay part : facts.exitDelay()) {
            parts.append(parts.isEmpty() ? "" : " + ").append(part.label()).append(' ').append(part.seconds()).append(" s");
            link = link == null ? part.source() : link;
        }
        return new Evidence("exit delay", facts.exitDelaySeconds() + " s = " + parts, null, null, null, link);
    }

    /** Its upgrade part is usersHave7DaysToExit; the rest (no one else can block messages) must be declared. */
    private static RequirementResult principle(StageFacts facts, RequirementResult exit) {
        RequirementResult declared = declared(Requirement.PRINCIPLE, facts);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.fact("upgrade part (routes)", exit.status() + ": as usersHave7DaysToExit"));
        evidence.addAll(exit.evidence().subList(0, 1));
        evidence.add(Evidence.fact("message part", declared.status() + (declared.source() == Source.NONE
                ? ": not declared; add stage.assertions.principle with a source link" : " (" + declared.source() + ")")));
        evidence.addAll(declared.source() == Source.NONE ? List.of() : declared.evidence());
        if (exit.status() == Status.FAILED) {
            return RequirementResult.of(Requirement.PRINCIPLE, Status.FAILED, Source.ONCHAIN, evidence);
        }
        if (declared.status() == Status.FAILED) {
            return RequirementResult.of(Requirement.PRINCIPLE, Status.FAILED, declared.source(), evidence);
        }
        Status status = exit.status().and(declared.status());
        return RequirementResult.of(Requirement.PRINCIPLE, status, status == Status.PASSED ? declared.source() : exit.status() == Status.UNKNOWN
                ? Source.ONCHAIN : declared.source(), evidence);
    }

    private static RequirementResult council(StageFacts facts) {
        Requirement requirement = Requirement.SECURITY_COUNCIL_PROPERLY_SET_UP;
        if (facts.councils().isEmpty()) {
            return RequirementResult.of(requirement, Status.UNKNOWN, Source.NONE, List.of(Evidence.fact("councils",
                    "no Safe is marked council: true")));
        }
        Status status = Status.PASSED;
        Source source = Source.ONCHAIN;
        List<Evidence> evidence = new ArrayList<>();
        for (StageFacts.CouncilFacts council : facts.councils()) {
            CouncilSetup setup = CouncilSetup.of(council);
            if (setup.status() != Status.PASSED && status == Status.PASSED || setup.status() == Status.FAILED && status != Status.FAILED) {
                source = setup.source();
            }
            status = status.and(setup.status());
            evidence.addAll(setup.evidence());
        }
        return RequirementResult.of(requirement, status, source, evidence);
    }
}
