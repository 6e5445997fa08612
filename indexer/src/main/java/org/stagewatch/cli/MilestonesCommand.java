package org.stagewatch.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.milestones.MilestoneHistory;
import org.stagewatch.analyze.milestones.MilestoneResult;
import org.stagewatch.analyze.milestones.MilestonesReport;
import org.stagewatch.analyze.milestones.PhaseProgress;
import org.stagewatch.query.Answers;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stagewatch milestones}: where a DAO stands on its declared path of decentralization, or when that changed. */
@Command(name = "milestones", mixinStandardHelpOptions = true,
        description = "The DAO's decentralization milestones (config milestones:): each achieved, ready, blocked or unknown "
                + "with the evidence its check used, and each phase's progress; --dot: the DAG for Graphviz; "
                + "--history: the block, date and cause of every status change.")
final class MilestonesCommand implements Callable<Integer> {
    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--dot", description = "print the milestones as a Graphviz DOT graph, coloured by status")
    boolean dot;

    @Option(names = "--history", description = "the blocks and dates where a milestone's status or a phase's progress changed, with the cause")
    boolean history;

    @Mixin
    DatabaseOption database;

    @Mixin
    ControlPointOptions point;

    @Override
    public Integer call() {
        if (json && dot) {
            throw new UserError("give --json or --dot, not both");
        }
        if (history && (point.pointInTime.block != null || point.pointInTime.at != null)) {
            throw new UserError("--history covers the whole indexed history: leave out --block and --at");
        }
        if (history && dot) {
            throw new UserError("--dot draws the milestones at one point in time: leave out --history");
        }
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        Answers.requireMilestones(store, scope);
        if (history) {
            MilestoneHistory.Report report = Answers.milestonesHistory(store, scope);
            if (json) {
                Output.json(System.out, report);
            } else {
                printHistory(System.out, report);
            }
            return 0;
        }
        MilestonesReport report = Answers.milestones(store, scope, point.resolve(store, scope));
        if (json) {
            Output.json(System.out, report);
        } else if (dot) {
            MilestoneDot.render(System.out, report);
        } else {
            print(System.out, report);
        }
        return 0;
    }

    static void print(PrintStream out, MilestonesReport report) {
        out.printf("DAO '%s' at chain %d block %d%s%n", report.dao(), report.chainId(), report.block(),
                report.time() == null ? "" : " (" + Instant.ofEpochSecond(report.time()) + ")");
        out.println("phases: " + report.phases().stream().map(MilestonesCommand::phase).collect(Collectors.joining("; ")));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("phase", "milestone", "status", "after", "evidence"));
        for (MilestoneResult milestone : report.milestones()) {
            rows.add(List.of(milestone.phase(), milestone.id(), milestone.status() + (milestone.blockedBy().isEmpty() ? ""
                    : " by " + String.join(", ", milestone.blockedBy())), String.join(", ", milestone.after()),
                    milestone.evidence().isEmpty() ? "" : StageCommand.abbreviate(StageCommand.evidence(milestone.evidence().get(0)), 100)));
        }
        out.println();
        Output.table(out, rows);
        List<MilestoneResult> open = report.milestones().stream().filter(result -> !result.status().toString().equals("achieved")).toList();
        if (!open.isEmpty()) {
            out.println();
            out.println("why not achieved (--json lists every piece of evidence with chain, address, block and link):");
            for (MilestoneResult milestone : open) {
                out.println("  " + milestone.id() + " (" + milestone.status() + "): " + milestone.title());
                milestone.evidence().forEach(item -> out.println("    - " + StageCommand.abbreviate(StageCommand.evidence(item), 220)));
            }
        }
    }

    static String phase(PhaseProgress phase) {
        return phase.id() + " " + phase.title() + " " + phase.achieved() + "/" + phase.total() + (phase.complete() ? " complete" : "");
    }

    static void printHistory(PrintStream out, MilestoneHistory.Report report) {
        out.printf("DAO '%s': %d points with control changes or executed proposals rated, %d where a milestone or phase changed%n",
                report.dao(), report.pointsRated(), report.changes().size());
        for (MilestoneHistory.Entry entry : report.changes()) {
            out.printf("%nchain %d block %d%s%s%n", entry.chainId(), entry.block(),
                    entry.time() == null ? "" : " (" + Instant.ofEpochSecond(entry.time()) + ")",
                    entry == report.changes().get(0) ? " (first rated point)" : "");
            if (!entry.changed().isEmpty()) {
                out.println("  changed: " + entry.changed().stream().map(change -> change.id() + " " + (change.from() == null ? ""
                        : change.from() + " → ") + change.to() + (change.blockedBy().isEmpty() ? "" : " (by " + String.join(", ", change.blockedBy()) + ")")
                        + (change.seenAt() && change.from() != null ? " (seen here: voting power or a window moved since the last point)" : ""))
                        .collect(Collectors.joining(", ")));
            }
            out.println("  phases:  " + entry.phases().stream().map(MilestonesCommand::phase).collect(Collectors.joining("; ")));
            entry.events().forEach(event -> out.println("  cause:   " + event));
        }
    }
}
