package org.stagewatch.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.milestones.DecisionHistory;
import org.stagewatch.analyze.milestones.DecisionsReport;
import org.stagewatch.query.Answers;
import org.stagewatch.report.Durations;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stagewatch decisions}: who holds each declared decision, through which route, with what delay and keys; or when it changed hands. */
@Command(name = "decisions", mixinStandardHelpOptions = true,
        description = "The DAO's decision map (config decisions:): for each decision, who holds it through which route, "
                + "with delays and keys as paths computes them; --history: when a decision changed hands.")
final class DecisionsCommand implements Callable<Integer> {
    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--history", description = "the blocks and dates where a decision's routes changed, with the cause")
    boolean history;

    @Mixin
    DatabaseOption database;

    @Mixin
    ControlPointOptions point;

    @Override
    public Integer call() {
        if (history && (point.pointInTime.block != null || point.pointInTime.at != null)) {
            throw new UserError("--history covers the whole indexed history: leave out --block and --at");
        }
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        Answers.requireDecisions(store, scope);
        if (history) {
            DecisionHistory.Report report = Answers.decisionsHistory(store, scope);
            if (json) {
                Output.json(System.out, report);
            } else {
                printHistory(System.out, report);
            }
            return 0;
        }
        DecisionsReport report = Answers.decisions(store, scope, point.resolve(store, scope));
        if (json) {
            Output.json(System.out, report);
        } else {
            print(System.out, report);
        }
        return 0;
    }

    static void print(PrintStream out, DecisionsReport report) {
        out.printf("DAO '%s' at chain %d block %d%s%n", report.dao(), report.chainId(), report.block(),
                report.time() == null ? "" : " (" + Instant.ofEpochSecond(report.time()) + ")");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("decision", "permission", "holder", "delay", "keys", "route"));
        for (DecisionsReport.Decision decision : report.decisions()) {
            for (DecisionsReport.Permission permission : decision.permissions()) {
                String name = permission.label() + " " + (permission.role() == null ? permission.permission() : permission.role())
                        + (permission.function() == null ? "" : " " + permission.function());
                if (!permission.known()) {
                    rows.add(List.of(decision.id(), name, "unknown: chain not indexed yet", "", "", ""));
                } else if (permission.routes().isEmpty()) {
                    rows.add(List.of(decision.id(), name, "nobody", "", "", ""));
                }
                for (DecisionsReport.Holder holder : permission.routes()) {
                    rows.add(List.of(decision.id(), name, holder.holder(), Durations.of(holder.delaySeconds()), Integer.toString(holder.keys()),
                            StageCommand.abbreviate(String.join(" ← ", holder.via()) + " ← " + holder.gate(), 90)));
                }
            }
        }
        out.println();
        Output.table(out, rows);
    }

    static void printHistory(PrintStream out, DecisionHistory.Report report) {
        out.printf("DAO '%s': %d points with control changes rated, %d where a decision changed hands%n", report.dao(),
                report.pointsRated(), report.changes().size());
        for (DecisionHistory.Entry entry : report.changes()) {
            out.printf("%nchain %d block %d%s%s%n", entry.chainId(), entry.block(),
                    entry.time() == null ? "" : " (" + Instant.ofEpochSecond(entry.time()) + ")",
                    entry == report.changes().get(0) ? " (first rated point)" : "");
            for (DecisionHistory.Change change : entry.changed()) {
                out.println("  " + change.id() + ":" + (change.after().isEmpty() ? " no route" : ""));
                change.before().stream().filter(line -> !change.after().contains(line)).forEach(line -> out.println("    - " + line));
                change.after().stream().filter(line -> !change.before().contains(line)).forEach(line -> out.println("    + " + line));
            }
            entry.events().forEach(event -> out.println("  cause: " + event));
        }
    }
}
