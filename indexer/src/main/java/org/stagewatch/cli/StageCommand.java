package org.stagewatch.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.stage.Evidence;
import org.stagewatch.analyze.stage.RequirementResult;
import org.stagewatch.analyze.stage.StageHistory;
import org.stagewatch.analyze.stage.StageReport;
import org.stagewatch.query.Answers;
import org.stagewatch.report.Durations;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stagewatch stage}: the L2BEAT-style stage of a DAO's rollup with the evidence behind every requirement, or its history. */
@Command(name = "stage", mixinStandardHelpOptions = true,
        description = "The stage (L2BEAT's framework): every requirement with status, source and evidence, the exit window, "
                + "what the next stage misses; --history: where any of it changed.")
final class StageCommand implements Callable<Integer> {
    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--history", description = "the blocks and dates where the stage or any requirement changed, with the cause")
    boolean history;

    @Mixin
    DatabaseOption database;

    @Mixin
    ControlPointOptions point;

    @Mixin
    BlockListOption blockList;

    @Override
    public Integer call() {
        if (history && (point.pointInTime.block != null || point.pointInTime.at != null || blockList.given())) {
            throw new UserError("--history covers the whole indexed history: leave out --block, --blocks and --at");
        }
        blockList.checkAlone(point.pointInTime);
        List<Long> blocks = blockList.parse();
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        if (history) {
            StageHistory.Report report = Answers.stageHistory(store, scope);
            if (json) {
                Output.json(System.out, report);
            } else {
                printHistory(System.out, report);
            }
            return 0;
        }
        if (blocks != null) {
            List<StageReport> reports = new ArrayList<>();
            for (long block : blocks) {
                reports.add(Answers.stage(store, scope, point.resolve(store, scope, block)));
            }
            if (json) {
                Output.json(System.out, BlockListOption.document(dao, point.chain, blocks, reports));
            } else {
                for (int i = 0; i < reports.size(); i++) {
                    System.out.println((i == 0 ? "" : "\n") + BlockListOption.section(blocks.get(i), i, blocks.size()));
                    print(System.out, reports.get(i));
                }
            }
            return 0;
        }
        StageReport report = Answers.stage(store, scope, point.resolve(store, scope));
        if (json) {
            Output.json(System.out, report);
        } else {
            print(System.out, report);
        }
        return 0;
    }

    static void print(PrintStream out, StageReport report) {
        out.printf("DAO '%s' at chain %d block %d%s: %s%n", report.dao(), report.chainId(), report.block(),
                report.time() == null ? "" : " (" + Instant.ofEpochSecond(report.time()) + ")", report.stageLabel());
        out.printf("exit window: %s (%s); exit delay %s%n", report.exitWindowSeconds() == null ? "n/a"
                : Durations.of(report.exitWindowSeconds()), report.exitWindowRating(), Durations.of(report.exitDelaySeconds()));
        out.println(report.missing().isEmpty() ? "missing for the next stage: nothing" : "missing for "
                + (report.stage() == null ? "Stage 0" : "Stage " + (report.stage() + 1)) + ": " + String.join(", ", report.missing()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("stage", "requirement", "status", "source", "evidence"));
        for (RequirementResult requirement : report.requirements()) {
            rows.add(List.of(Integer.toString(requirement.stage()), requirement.id(), requirement.status().toString(),
                    requirement.source().toString(), requirement.evidence().isEmpty() ? "" : abbreviate(evidence(requirement.evidence().get(0)), 110)));
        }
        out.println();
        Output.table(out, rows);
        List<RequirementResult> open = report.requirements().stream().filter(result -> !result.status().met()).toList();
        if (!open.isEmpty()) {
            out.println();
            out.println("why not passed (--json lists every piece of evidence with chain, address, block and link):");
            for (RequirementResult requirement : open) {
                out.println("  " + requirement.id() + " (" + requirement.status() + "):");
                requirement.evidence().forEach(item -> out.println("    - " + abbreviate(evidence(item), 220)));
            }
        }
    }

    static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    static String evidence(Evidence item) {
        StringBuilder text = new StringBuilder(item.what()).append(": ").append(item.value());
        if (item.address() != null) {
            text.append(" [").append(item.chainId()).append(':').append(item.address()).append(item.block() == null ? "" : " @" + item.block())
                    .append(']');
        }
        if (item.link() != null) {
            text.append(" <").append(item.link()).append('>');
        }
        return text.toString();
    }

    static void printHistory(PrintStream out, StageHistory.Report report) {
        out.printf("DAO '%s': %d points with control changes rated, %d where the stage or a requirement changed%n", report.dao(),
                report.pointsRated(), report.changes().size());
        for (StageHistory.Entry entry : report.changes()) {
            out.printf("%nchain %d block %d%s: %s%s%n", entry.chainId(), entry.block(),
                    entry.time() == null ? "" : " (" + Instant.ofEpochSecond(entry.time()) + ")", entry.stageLabel(),
                    entry == report.changes().get(0) ? " (first rated point)" : "");
            out.println("  changed: " + entry.changed().stream().map(change -> change.id() + " " + (change.from() == null ? "" : change.from()
                    + " → ") + change.to()).collect(Collectors.joining(", ")));
            entry.events().forEach(event -> out.println("  cause:   " + event));
        }
    }
}
