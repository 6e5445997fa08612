package org.stagewatch.cli;

import java.io.PrintStream;
import java.math.BigInteger;
import java.util.stream.Collectors;

import org.stagewatch.analyze.control.Gate;
import org.stagewatch.analyze.control.GateText;
import org.stagewatch.analyze.control.PathsReport;
import org.stagewatch.analyze.control.TokenVote;
import org.stagewatch.report.Durations;
import org.stagewatch.report.TokenUnits;

/**
 * Prints {@code paths} for people, as a tree: each permission with its summary (fewest signing keys,
 * fewest voters, smallest delay), then each route — its kind, count, delay and gating, the contracts
 * acted as from the permission outwards one per line, and its gate with one party per line (k-of-n
 * gates, alternatives and steps indented under their heading; a token-holder vote with its quorum,
 * the delegates that reach it and its duration). Nothing is cut: a line holds at most one address.
 */
final class RouteTree {
    private static final String STEP = "  ";

    private final PrintStream out;
    private final TokenUnits.Book units;

    private RouteTree(PrintStream out, TokenUnits.Book units) {
        this.out = out;
        this.units = units;
    }

    /** @param units how each vote's token amounts are shown (its own decimals) */
    static void print(PrintStream out, PathsReport report, TokenUnits.Book units) {
        RouteTree tree = new RouteTree(out, units);
        out.printf("DAO '%s' at %s%n", report.dao(), report.at().stream()
                .map(point -> "chain " + point.chainId() + " block " + point.block()).collect(Collectors.joining(", ")));
        report.councils().forEach(council -> out.printf("council: %s (chain %d, %s) %d of %d%n", council.label(),
                council.chainId(), council.address(), council.threshold(), council.signers()));
        if (report.permissions().isEmpty()) {
            out.println("no critical contracts: mark them critical: true in the config");
        }
        report.permissions().forEach(tree::permission);
    }

    private void permission(PathsReport.PermissionRoutes permission) {
        out.printf("%n%s · %s (chain %d, %s): %d route%s%s%n", permission.label(), permission.permission(), permission.chainId(),
                permission.target(), permission.routes().size(), permission.routes().size() == 1 ? "" : "s",
                permission.truncated() ? " (more exist: only the first are listed)" : "");
        if (permission.routes().isEmpty()) {
            out.println(STEP + "no route: nobody can exercise it");
            return;
        }
        out.println(STEP + "fewest signing keys: " + (permission.minKeys() == null ? "- (every route needs a token-holder vote)"
                : permission.minKeys() + fastest(permission, permission.fastestKeyRoute())));
        if (permission.fastestVoteRoute() != null || permission.votersNote() != null) {
            out.println(STEP + "fewest voters: " + (permission.minVoters() == null ? "unknown — " + permission.votersNote()
                    : permission.minVoters() + plural(permission.minVoters(), " delegate", " delegates"))
                    + fastest(permission, permission.fastestVoteRoute()));
        }
        out.println(STEP + "smallest delay: " + Durations.of(permission.minDelaySeconds()) + "; "
                + (permission.fastestNonCouncilRoute() == null ? "every route is council-gated"
                : "fastest route not council-gated: route " + (permission.routes().indexOf(permission.fastestNonCouncilRoute()) + 1)));
        for (int i = 0; i < permission.routes().size(); i++) {
            route(i + 1, permission.routes().get(i));
        }
    }

    private static String fastest(PathsReport.PermissionRoutes permission, PathsReport.RouteView route) {
        return route == null ? "" : " (fastest: route " + (permission.routes().indexOf(route) + 1) + ", " + Durations.of(route.delaySeconds())
                + (route.needsVote() ? " + the vote" : "") + ")";
    }

    private void route(int number, PathsReport.RouteView route) {
        String count = route.needsVote()
                ? "vote, " + (route.voters() == null ? "voters unknown" : route.voters() + plural(route.voters(), " voter", " voters"))
                + (route.keys() > 0 ? " and " + keys(route) : "")
                : keys(route);
        out.println(STEP + "route " + number + " · " + count + " · delay " + Durations.of(route.delaySeconds())
                + (route.needsVote() ? " + the vote" : "") + " · " + (route.councilGated() ? "council-gated" : "not council-gated"));
        String arrow = "via ";
        for (PathsReport.HopView hop : route.via()) {
            out.println(STEP.repeat(2) + arrow + hop.label() + " (" + hop.relation()
                    + (hop.delaySeconds() > 0 ? ", " + Durations.of(hop.delaySeconds()) : "") + ") " + hop.address());
            arrow = "  ← ";
        }
        gate(route.tree(), 2, "gate: ");
    }

    private static String keys(PathsReport.RouteView route) {
        return (route.approximate() ? "at least " : "") + route.keys() + plural(route.keys(), " signing key", " signing keys");
    }

    private void gate(Gate gate, int depth, String prefix) {
        String indent = STEP.repeat(depth) + prefix;
        switch (gate) {
            case Gate.Key key -> out.println(indent + key.address());
            case Gate.Anyone anyone -> out.println(indent + "anyone");
            case Gate.Nobody nobody -> out.println(indent + "nobody");
            case Gate.Ref ref -> out.println(indent + "whoever acts as " + ref.node());
            case Gate.Threshold threshold -> {
                out.println(indent + (threshold.k() == threshold.parties().size() ? "all of these " + threshold.k()
                        : threshold.k() + " of these " + threshold.parties().size()) + ":");
                threshold.parties().forEach(party -> gate(party, depth + 1, ""));
            }
            case Gate.AnyOf any -> {
                out.println(indent + "any one of:");
                any.options().forEach(option -> gate(option, depth + 1, ""));
            }
            case Gate.Step step -> {
                out.println(indent + step.hop().label() + " (" + step.hop().relation()
                        + (step.hop().delaySeconds() > 0 ? ", " + Durations.of(step.hop().delaySeconds()) : "") + ") "
                        + step.hop().node().address() + ", acted as by:");
                gate(step.actor(), depth + 1, "");
            }
            case Gate.Vote vote -> vote(vote, indent, STEP.repeat(depth + 1));
        }
    }

    private void vote(Gate.Vote vote, String indent, String inner) {
        TokenVote need = vote.need();
        out.println(indent + "token-holder vote on " + vote.governor().address() + " (chain " + need.chainId() + ") at block "
                + need.block() + ", token " + need.token());
        if (need.quorum() == null) {
            out.println(inner + need.note());
        } else {
            out.println(inner + "quorum(" + need.quorumTimepoint() + ") = " + amount(need, need.quorum()) + " (" + need.quorumSource() + ")");
            out.println(inner + "power delegated at block " + need.block() + ": " + amount(need, need.delegatedPower()));
            if (need.voters() == null) {
                out.println(inner + need.note());
            } else {
                out.println(inner + need.voters() + plural(need.voters(), " delegate reaches it:", " delegates reach it:"));
                need.delegates().forEach(voter -> out.println(inner + STEP + voter.address() + " " + amount(need, voter.power())));
            }
        }
        out.println(inner + GateText.duration(need));
    }

    private String amount(TokenVote need, BigInteger value) {
        return value == null ? "?" : units.amount(need.chainId(), need.token(), value);
    }

    private static String plural(int count, String one, String many) {
        return count == 1 ? one : many;
    }
}
