package org.stagewatch.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.Change;
import org.stagewatch.analyze.control.CouncilReport;
import org.stagewatch.query.Answers;
import org.stagewatch.report.Percent;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stagewatch council}: each security council of a DAO at a point in time, with its change history;
 * with {@code --all}, every Safe of the DAO.
 */
@Command(name = "council", mixinStandardHelpOptions = true,
        description = "Each security council (with --all: every Safe of the DAO): threshold, owners, modules, guard and every change, "
                + "at a point in time.")
final class CouncilCommand implements Callable<Integer> {
    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--all", description = "list every Safe of the DAO, not only those marked council: true")
    boolean all;

    @Mixin
    DatabaseOption database;

    @Mixin
    ControlPointOptions point;

    @Override
    public Integer call() {
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        CouncilReport report = Answers.councils(store, scope, point.resolve(store, scope), all);
        if (json) {
            Output.json(System.out, report);
        } else {
            print(System.out, report);
        }
        return 0;
    }

    static void print(PrintStream out, CouncilReport report) {
        if (report.councils().isEmpty()) {
            out.printf("DAO '%s' has no Safe: list its councils with kind: safe and council: true%n", report.dao());
        }
        for (CouncilReport.Council council : report.councils()) {
            out.printf("%s (chain %d, %s)%s: %d of %d, Safe %s%n", council.label(), council.chainId(), council.address(),
                    council.designated() ? ", security council" : "", council.threshold(), council.owners().size(),
                    council.version() == null ? "version unknown" : council.version());
            out.println("  owners:  " + String.join(", ", council.owners()));
            out.println("  modules: " + (council.modules().isEmpty() ? "none" : String.join(", ", council.modules()))
                    + "; guard: " + (council.guard() == null ? "none" : council.guard())
                    + (council.moduleGuard() == null ? "" : "; module guard: " + council.moduleGuard()));
            history(out, council.history());
        }
        for (CouncilReport.Manager manager : report.managers()) {
            out.printf("%s (chain %d, %s): council manager of %s%n", manager.label(), manager.chainId(), manager.address(),
                    manager.councils().isEmpty() ? "no council yet" : String.join(", ", manager.councils()));
            manager.cohorts().forEach((cohort, members) -> out.printf("  cohort %d: %s%n", cohort, String.join(", ", members)));
            history(out, manager.history());
        }
    }

    private static void history(PrintStream out, List<Change> changes) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("  block", "time", "tx", "change"));
        for (Change change : changes) {
            rows.add(List.of("  " + change.block(), change.time() == null ? "" : Instant.ofEpochSecond(change.time()).toString(),
                    change.tx() == null ? "(read)" : Output.shortAddress(change.tx()), change.event()));
        }
        Output.table(out, rows);
    }
}
