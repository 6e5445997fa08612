package org.stagewatch.analyze.milestones;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.stagewatch.analyze.control.Gate;
import org.stagewatch.analyze.control.GateText;
import org.stagewatch.analyze.control.Node;
import org.stagewatch.analyze.control.Route;
import org.stagewatch.analyze.stage.Evidence;
import org.stagewatch.analyze.stage.RequirementResult;
import org.stagewatch.analyze.stage.StageVerdict;
import org.stagewatch.analyze.stage.Status;
import org.stagewatch.config.MilestoneCheck;
import org.stagewatch.config.StageConfig;

/**
 * Decides a {@link MilestoneCheck} over {@link MilestoneFacts}: passed, failed, or unknown when a fact it
 * needs is not known, with the facts it read as evidence. Pure: the same facts give the same result.
 */
public final class CheckEvaluator {
    static final String NO_CODE = "no code";
    static final String UNAVAILABLE = "unavailable: ";

    private final MilestoneFacts facts;

    public CheckEvaluator(MilestoneFacts facts) {
        this.facts = facts;
    }

    public CheckResult evaluate(MilestoneCheck check) {
        return switch (check) {
            case MilestoneCheck.StageAtLeast stage -> stage(stage.atLeast());
            case MilestoneCheck.RequirementPassed requirement -> requirement(requirement.id());
            case MilestoneCheck.RouteCheck route -> route(route);
            case MilestoneCheck.OwnerCheck owner -> owner(owner);
            case MilestoneCheck.RoleCheck role -> role(role);
            case MilestoneCheck.MetricCheck metric -> metric(metric);
            case MilestoneCheck.ActivityCheck activity -> activity(activity);
            case MilestoneCheck.ProbeCheck probe -> probe(probe);
            case MilestoneCheck.AssertionCheck assertion -> CheckResult.of(Status.of(assertion.value()),
                    Evidence.link("assertion", Boolean.toString(assertion.value()), assertion.source()));
            case MilestoneCheck.All all -> CheckResult.all(all.checks().stream().map(this::evaluate).toList());
            case MilestoneCheck.Any any -> CheckResult.any(any.checks().stream().map(this::evaluate).toList());
        };
    }

    /** Stage N holds when every requirement of stages 0..N passes; unknown when none failed but some are unknown. */
    private CheckResult stage(int atLeast) {
        StageVerdict verdict = facts.stage();
        Status status = Status.PASSED;
        List<String> open = new ArrayList<>();
        for (RequirementResult requirement : verdict.requirements()) {
            if (requirement.stage() <= atLeast && requirement.status() != Status.PASSED) {
                status = status.and(requirement.status());
                open.add(requirement.id() + " " + requirement.status());
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.fact("stage", verdict.stageLabel() + " (wanted at least Stage " + atLeast + ")"));
        if (!open.isEmpty()) {
            evidence.add(Evidence.fact("requirements not passed", String.join(", ", open)));
        }
        return new CheckResult(status, evidence);
    }

    private CheckResult requirement(String id) {
        Optional<RequirementResult> found = facts.stage().requirements().stream().filter(result -> result.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            return CheckResult.unknown("requirement " + id, "not rated");
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.fact("requirement " + id, found.get().status() + " (" + found.get().source() + ")"));
        evidence.addAll(found.get().evidence());
        return new CheckResult(found.get().status(), evidence);
    }

    private CheckResult route(MilestoneCheck.RouteCheck check) {
        Optional<List<MilestoneFacts.ScopedPermission>> scoped = facts.permissions(check);
        if (scoped.isEmpty()) {
            return CheckResult.unknown("routes", "a contract in scope is not deployed or indexed by then");
        }
        if (scoped.get().isEmpty()) {
            return CheckResult.unknown("routes", check.address() == null ? "no contract is marked critical: no permission to check"
                    : "no permission '" + check.permission() + "' on " + facts.label(facts.chainId(check.chain()), check.address()));
        }
        Status status = Status.PASSED;
        List<Evidence> evidence = new ArrayList<>();
        for (MilestoneFacts.ScopedPermission permission : scoped.get()) {
            String name = permission.label() + " " + permission.permission();
            List<String> breaking = new ArrayList<>();
            for (Route route : permission.routes()) {
                breaking.addAll(violations(check, route));
            }
            if (!breaking.isEmpty()) {
                status = Status.FAILED;
                breaking.forEach(text -> evidence.add(Evidence.at("route to " + name, text, permission.chainId(), permission.target(),
                        facts.block(permission.chainId()))));
            } else {
                if (permission.truncated()) {
                    status = status.and(Status.UNKNOWN);
                }
                evidence.add(Evidence.at("routes to " + name, permission.routes().isEmpty() ? "no route: no one can exercise it"
                        : permission.routes().size() + (permission.truncated() ? "+ routes (listed ones only)" : " routes") + ", each "
                        + predicate(check), permission.chainId(), permission.target(), facts.block(permission.chainId())));
            }
        }
        return new CheckResult(status, evidence);
    }

    /** What a route breaks of the check, one line each (empty: it keeps every predicate). */
    private static List<String> violations(MilestoneCheck.RouteCheck check, Route route) {
        boolean vote = needsVote(route.gate());
        List<String> broken = new ArrayList<>();
        if (check.every() != null) {
            boolean holds = switch (check.every()) {
                case "vote" -> vote;
                case "council" -> route.councilGated();
                default -> vote || route.councilGated();
            };
            if (!holds) {
                broken.add("needs " + (check.every().equals("vote") ? "no token-holder vote" : check.every().equals("council")
                        ? "no security council" : "neither the token-holder vote nor the security council") + ": " + describe(route));
            }
        }
        if (check.minDelaySeconds() != null && !route.councilGated() && route.delaySeconds() < check.minDelaySeconds()) {
            broken.add("delay " + route.delaySeconds() + " s < " + check.minDelaySeconds() + " s, not council-gated: " + describe(route));
        }
        if (check.minKeys() != null && !vote && route.keys() < check.minKeys()) {
            broken.add(route.keys() + " keys < " + check.minKeys() + ", no vote: " + describe(route));
        }
        return broken;
    }

    private static String predicate(MilestoneCheck.RouteCheck check) {
        List<String> parts = new ArrayList<>();
        if (check.every() != null) {
            parts.add("needs " + switch (check.every()) {
                case "vote" -> "the token-holder vote";
                case "council" -> "the security council";
                default -> "the token-holder vote or the security council";
            });
        }
        if (check.minDelaySeconds() != null) {
            parts.add("leaves ≥ " + check.minDelaySeconds() + " s unless council-gated");
        }
        if (check.minKeys() != null) {
            parts.add("takes ≥ " + check.minKeys() + " keys unless it needs the vote");
        }
        return String.join(", ", parts);
    }

    /** "ProxyAdmin (owner) ← Foundation Safe (5-of-7 signers) ← 5 of {…}; 0 s, 5 keys". */
    static String describe(Route route) {
        String via = route.via().stream().map(hop -> hop.label() + " (" + hop.relation() + ")").collect(Collectors.joining(" ← "));
        String gate = GateText.of(route.gate());
        return (via.isEmpty() ? "" : via + " ← ") + (gate.length() <= 80 ? gate : gate.substring(0, 79) + "…") + "; "
                + route.delaySeconds() + " s, " + route.keys() + " keys" + (route.councilGated() ? ", council-gated" : "");
    }

    /** Whether every coalition that satisfies the gate includes a token-holder vote. */
    public static boolean needsVote(Gate gate) {
        return switch (gate) {
            case Gate.Vote vote -> true;
            case Gate.Step step -> needsVote(step.actor());
            case Gate.AnyOf any -> any.options().stream().allMatch(CheckEvaluator::needsVote);
            // some k parties without a vote would do, unless fewer than k parties go without one
            case Gate.Threshold threshold -> threshold.parties().stream().filter(party -> !needsVote(party)).count() < threshold.k();
            default -> false;
        };
    }

    private CheckResult owner(MilestoneCheck.OwnerCheck check) {
        long chainId = facts.chainId(check.chain());
        Optional<MilestoneFacts.Reading<String>> owner = facts.owner(chainId, check.address());
        String what = (facts.readsAdmin(chainId, check.address()) ? "admin of " : "owner of ") + facts.label(chainId, check.address());
        if (owner.isEmpty()) {
            return CheckResult.unknown(what, "not indexed or not read by then");
        }
        String value = owner.get().value();
        boolean holds = matches(value, chainId, check.in());
        return CheckResult.of(Status.of(holds), Evidence.at(what, name(chainId, value) + (holds ? "" : ", not one of " + names(check.in())),
                chainId, check.address().toLowerCase(Locale.ROOT), owner.get().block()));
    }

    private CheckResult role(MilestoneCheck.RoleCheck check) {
        long chainId = facts.chainId(check.chain());
        Optional<MilestoneFacts.Reading<Set<String>>> holders = facts.roleHolders(chainId, check.address(), check.role());
        String what = check.role() + " holders of " + facts.label(chainId, check.address());
        if (holders.isEmpty()) {
            return CheckResult.unknown(what, "the contract's chain has nothing indexed by then");
        }
        List<String> outside = holders.get().value().stream().filter(holder -> !matches(holder, chainId, check.in())).sorted().toList();
        boolean holds = !holders.get().value().isEmpty() && outside.isEmpty();
        String value = holders.get().value().isEmpty() ? "none"
                : holders.get().value().stream().sorted().map(holder -> name(chainId, holder)).collect(Collectors.joining(", "));
        if (!outside.isEmpty()) {
            value += "; not one of " + names(check.in()) + ": " + outside.stream().map(holder -> name(chainId, holder)).collect(Collectors.joining(", "));
        }
        return CheckResult.of(Status.of(holds), Evidence.at(what, value, chainId, check.address().toLowerCase(Locale.ROOT),
                holders.get().block()));
    }

    /** Whether {@code address} on {@code chainId} is one of the refs: itself on that chain, or the alias of one on another chain. */
    private boolean matches(String address, long chainId, List<StageConfig.ContractRef> refs) {
        for (StageConfig.ContractRef ref : refs) {
            String candidate = ref.address().toLowerCase(Locale.ROOT);
            long refChain = facts.chainId(ref.chain());
            if (refChain == chainId ? candidate.equals(address) : Node.alias(candidate).equals(address)) {
                return true;
            }
        }
        return false;
    }

    private String name(long chainId, String address) {
        String label = facts.label(chainId, address);
        return label.equalsIgnoreCase(address) ? address : label + " (" + address + ")";
    }

    private String names(List<StageConfig.ContractRef> refs) {
        return refs.stream().map(ref -> facts.label(facts.chainId(ref.chain()), ref.address())).collect(Collectors.joining(", "));
    }

    private CheckResult metric(MilestoneCheck.MetricCheck check) {
        Optional<MilestoneFacts.Reading<BigDecimal>> value = facts.metric(check.name());
        if (value.isEmpty()) {
            return CheckResult.unknown(check.name(), "cannot be computed by then (no token indexed, or no voting power)");
        }
        BigDecimal actual = value.get().value();
        boolean holds = (check.atLeast() == null || actual.compareTo(check.atLeast()) >= 0)
                && (check.atMost() == null || actual.compareTo(check.atMost()) <= 0);
        String bounds = (check.atLeast() == null ? "" : "≥ " + check.atLeast().toPlainString())
                + (check.atLeast() != null && check.atMost() != null ? " and " : "")
                + (check.atMost() == null ? "" : "≤ " + check.atMost().toPlainString());
        return CheckResult.of(Status.of(holds), Evidence.at(check.name(), actual.stripTrailingZeros().toPlainString() + " (wanted " + bounds + ")",
                value.get().chainId(), value.get().address(), value.get().block()));
    }

    private CheckResult activity(MilestoneCheck.ActivityCheck check) {
        Optional<MilestoneFacts.Reading<Long>> count = facts.activity(check.count(), check.windowDays());
        String what = check.count() + (check.windowDays() == null ? "" : " in the last " + check.windowDays() + " d");
        if (count.isEmpty()) {
            return CheckResult.unknown(what, "no contract that records it is indexed by then");
        }
        return CheckResult.of(Status.of(count.get().value() >= check.atLeast()), Evidence.at(what,
                count.get().value() + " (wanted ≥ " + check.atLeast() + ")", count.get().chainId(), count.get().address(), count.get().block()));
    }

    private CheckResult probe(MilestoneCheck.ProbeCheck check) {
        long chainId = facts.chainId(check.chain());
        Optional<MilestoneFacts.Reading<String>> reading = facts.probe(check);
        String what = "probe " + check.label();
        String address = check.address().toLowerCase(Locale.ROOT);
        if (reading.isEmpty()) {
            return CheckResult.unknown(what, "never read by then (the indexer reads it as it syncs)");
        }
        String value = reading.get().value();
        if (value.equals(NO_CODE) || value.startsWith(UNAVAILABLE)) {
            return CheckResult.of(Status.UNKNOWN, Evidence.at(what, value, chainId, address, reading.get().block()));
        }
        boolean holds = value.equals(check.expect());
        return CheckResult.of(Status.of(holds), Evidence.at(what, value + (holds ? "" : " (expected " + check.expect() + ")"), chainId,
                address, reading.get().block()));
    }
}
