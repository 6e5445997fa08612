package org.stagewatch.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.DecisiveSet;
import org.stagewatch.analyze.ProposalMetrics;
import org.stagewatch.analyze.ProposalState;
import org.stagewatch.analyze.ProposalSummary;
import org.apache.commons.csv.CSVPrinter;
import org.stagewatch.export.Csv;
import org.stagewatch.query.Answers;
import org.stagewatch.query.Documents;
import org.stagewatch.report.Percent;
import org.stagewatch.report.TokenUnits;
import org.stagewatch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stagewatch proposals}: every proposal of a DAO with its tallies and state at a block. */
@Command(name = "proposals", mixinStandardHelpOptions = true,
        description = "List a DAO's proposals with for/against/abstain weights, voters, quorum and state.")
final class ProposalsCommand implements Callable<Integer> {
    @Option(names = "--dao", required = true, paramLabel = "ID", description = "the DAO id from the config")
    String dao;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--csv", description = "print CSV, one row per proposal (amounts in exact base units)")
    boolean csv;

    @Option(names = "--wide", description = "full proposal ids and titles instead of shortened ones")
    boolean wide;

    @Mixin
    DatabaseOption database;

    @Mixin
    PointInTimeOptions pointInTime;

    @Override
    public Integer call() throws IOException {
        if (json && csv) {
            throw new UserError("give either --json or --csv, not both");
        }
        Instant at = pointInTime.instant();
        Store store = database.openExisting();
        DaoScope scope = DaoScope.load(store, dao);
        List<ProposalMetrics.Report> reports = Answers.proposals(store, scope, pointInTime.block, at);
        if (json) {
            Output.json(System.out, Documents.proposals(dao, reports));
        } else if (csv) {
            csv(System.out, reports);
        } else {
            print(System.out, dao, reports, chainId -> TokenUnits.of(store, scope, chainId), wide);
        }
        return 0;
    }

    /**
     * The table: "?" where a value is unknown (a quorum not read yet), "-" where it does not apply (no quorum margin
     * or decisive set for a canceled proposal).
     *
     * @param units the units of the votes token each chain's governors count weights in
     * @param wide  full ids and titles rather than shortened ones
     */
    static void print(PrintStream out, String dao, List<ProposalMetrics.Report> reports, LongFunction<TokenUnits> units, boolean wide) {
        Map<Long, TokenUnits> byChain = new TreeMap<>();
        reports.forEach(report -> byChain.computeIfAbsent(report.proposal().chainId(), units::apply));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("proposal", "state", "for", "against", "abstain", "voters", "turnout", "quorum", "margin",
                "decisive", "title"));
        for (ProposalMetrics.Report report : reports) {
            ProposalSummary proposal = report.proposal();
            TokenUnits unit = byChain.get(proposal.chainId());
            boolean canceled = proposal.state() == ProposalState.CANCELED;
            rows.add(List.of(wide ? proposal.proposalId() : shortId(proposal.proposalId()), proposal.state().name(), unit.format(proposal.forVotes()),
                    unit.format(proposal.againstVotes()), unit.format(proposal.abstainVotes()),
                    Integer.toString(proposal.forVoters() + proposal.againstVoters() + proposal.abstainVoters()),
                    report.turnout() == null ? "?" : Percent.of(report.turnout()),
                    proposal.quorum() == null ? "?" : unit.format(proposal.quorum()),
                    canceled ? "-" : report.quorumMargin() == null ? "?" : unit.signed(report.quorumMargin()),
                    decisive(report.decisive()), wide ? proposal.title() : truncate(proposal.title(), 40)));
        }
        out.printf("%d proposals of DAO '%s' (weights %s; turnout = cast / delegated votes at the "
                + "snapshot; decisive = voters who flip the outcome by switching / by staying away)%n", reports.size(), dao, weights(byChain));
        Output.table(out, rows);
    }

    /** The CSV form: one row per proposal, the --json document's fields (the decisive sets as their voter counts). */
    static void csv(PrintStream out, List<ProposalMetrics.Report> reports) throws IOException {
        // flushed, not closed: closing would close the caller's stream (stdout)
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = Csv.printer(writer, List.of("chainId", "governor", "proposalId", "proposer", "title", "state", "voteStart",
                "voteEnd", "createdBlock", "forVotes", "againstVotes", "abstainVotes", "forVoters", "againstVoters", "abstainVoters",
                "quorum", "quorumMargin", "quorumReached", "snapshotBlock", "totalVotingPowerAtSnapshot", "turnout", "decisiveSwitched",
                "decisiveAbsent", "queuedBlock", "executedBlock", "canceledBlock"));
        for (ProposalMetrics.Report report : reports) {
            ProposalSummary p = report.proposal();
            DecisiveSet.Result decisive = report.decisive();
            printer.printRecord(p.chainId(), p.governor(), p.proposalId(), p.proposer(), p.title(), p.state().name(), p.voteStart(),
                    p.voteEnd(), p.createdBlock(), p.forVotes(), p.againstVotes(), p.abstainVotes(), p.forVoters(), p.againstVoters(),
                    p.abstainVoters(), p.quorum(), report.quorumMargin(), report.quorumReached(), report.snapshotBlock(),
                    report.votingPowerAtSnapshot(), report.turnout() == null ? null : report.turnout().toPlainString(),
                    decisive == null || decisive.switched() == null ? null : decisive.switched().voters(),
                    decisive == null || decisive.absent() == null ? null : decisive.absent().voters(),
                    p.queuedBlock(), p.executedBlock(), p.canceledBlock());
        }
        printer.flush();
    }

    private static String weights(Map<Long, TokenUnits> byChain) {
        if (byChain.size() <= 1) {
            return byChain.values().stream().findFirst().map(TokenUnits::describe).orElse("in the votes token's units");
        }
        return byChain.entrySet().stream().map(entry -> "chain " + entry.getKey() + " " + entry.getValue().describe())
                .collect(Collectors.joining("; "));
    }

    private static String decisive(DecisiveSet.Result result) {
        if (result == null) {
            return "-";
        }
        return count(result.switched()) + " / " + count(result.absent());
    }

    private static String count(DecisiveSet.Voters voters) {
        return voters == null ? "none" : Integer.toString(voters.voters());
    }

    private static String shortId(String id) {
        return id.length() <= 12 ? id : id.substring(0, 6) + "…" + id.substring(id.length() - 4);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
