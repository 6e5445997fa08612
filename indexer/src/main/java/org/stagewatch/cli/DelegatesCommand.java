package org.stagewatch.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.DelegateRanking;
import org.stagewatch.analyze.Labels;
import org.apache.commons.csv.CSVPrinter;
import org.stagewatch.export.Csv;
import org.stagewatch.query.Answers;
import org.stagewatch.report.Percent;
import org.stagewatch.report.TokenUnits;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stagewatch delegates}: the top delegates of a DAO by voting power at a block. */
@Command(name = "delegates", mixinStandardHelpOptions = true,
        description = "Rank a DAO's delegates by voting power: power, share of delegated power, delegators, proposals voted.")
final class DelegatesCommand implements Callable<Integer> {
    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--top", paramLabel = "K", defaultValue = "20", description = "how many delegates (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--window", paramLabel = "K", defaultValue = "10",
            description = "participation over the last K proposals open for voting (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--labels", paramLabel = "FILE", description = "CSV address,entity: show each delegate's entity")
    Path labels;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--csv", description = "print CSV, one row per delegate (power in exact base units)")
    boolean csv;

    @Mixin
    DatabaseOption database;

    @Mixin
    PointInTimeOptions pointInTime;

    @Override
    public Integer call() throws IOException {
        if (json && csv) {
            throw new UserError("give either --json or --csv, not both");
        }
        if (top < 1) {
            throw new UserError("--top must be at least 1, got " + top);
        }
        if (window < 1) {
            throw new UserError("--window must be at least 1, got " + window);
        }
        Instant at = pointInTime.instant();
        Labels entities = labels == null ? null : Labels.load(labels);
        Store store = database.openExisting();
        DelegateRanking.Ranking ranking = Answers.delegates(store, DaoScope.load(store, dao), pointInTime.block, at, top, window,
                entities);
        if (json) {
            Output.json(System.out, ranking);
        } else if (csv) {
            csv(System.out, ranking);
        } else {
            print(System.out, ranking, TokenUnits.of(store, ranking.chainId(), ranking.token()));
        }
        return 0;
    }

    /** The CSV form: one row per delegate with the block it describes, the --json document's fields. */
    static void csv(PrintStream out, DelegateRanking.Ranking ranking) throws IOException {
        // flushed, not closed: closing would close the caller's stream (stdout)
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = Csv.printer(writer, List.of("block", "rank", "address", "power", "share", "delegators", "proposalsVoted",
                "votedInWindow", "participation", "entity"));
        for (DelegateRanking.Delegate d : ranking.top()) {
            printer.printRecord(ranking.block(), d.rank(), d.address(), d.power(), d.share().toPlainString(), d.delegators(),
                    d.proposalsVoted(), d.votedInWindow(), d.participation() == null ? null : d.participation().toPlainString(),
                    d.entity());
        }
        printer.flush();
    }

    static void print(PrintStream out, DelegateRanking.Ranking ranking, TokenUnits units) {
        out.printf("DAO '%s' at block %,d (%s): %,d delegates hold %s delegated votes (%s)%n", ranking.dao(), ranking.block(),
                ranking.timestamp() == null ? "time unknown" : Instant.ofEpochSecond(ranking.timestamp()),
                ranking.delegates(), units.format(ranking.totalVotingPower()), units.describe());
        if (ranking.timeNote() != null) {
            out.println("  " + ranking.timeNote());
        }
        List<List<String>> rows = new ArrayList<>();
        boolean entities = ranking.top().stream().anyMatch(delegate -> delegate.entity() != null);
        List<String> header = new ArrayList<>(List.of("#", "delegate", "votes (" + units.unit() + ")", "share", "delegators", "voted",
                "participation (last " + ranking.window() + ")"));
        if (entities) {
            header.add("entity");
        }
        rows.add(header);
        for (DelegateRanking.Delegate delegate : ranking.top()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(delegate.rank()), delegate.address(),
                    units.format(delegate.power()), Percent.of(delegate.share()), Long.toString(delegate.delegators()),
                    delegate.proposalsVoted() + "/" + ranking.proposals(),
                    delegate.participation() == null ? "-" : Percent.of(delegate.participation())));
            if (entities) {
                row.add(delegate.entity() == null ? "" : delegate.entity());
            }
            rows.add(row);
        }
        Output.table(out, rows);
    }
}
