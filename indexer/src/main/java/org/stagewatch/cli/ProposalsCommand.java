package org.stagewatch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.DecisiveSet;
import org.stagewatch.analyze.ProposalMetrics;
import org.stagewatch.analyze.ProposalSummary;
import org.stagewatch.query.Answers;
import org.stagewatch.query.Documents;
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

    @Mixin
    DatabaseOption database;

    @Mixin
    PointInTimeOptions pointInTime;

    @Override
    public Integer call() {
        java.time.Instant at = pointInTime.instant();
        Store store = database.openExisting();
        List<ProposalMetrics.Report> reports = Answers.proposals(store, DaoScope.load(store, dao), pointInTime.block, at);
        if (json) {
            Output.json(System.out, Documents.proposals(dao, reports));
        } else {
            print(System.out, dao, reports);
        }
        return 0;
    }

    static void print(PrintStream out, String dao, List<ProposalMetrics.Report> reports) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("proposal", "state", "for", "against", "abstain", "voters", "turnout", "quorum", "margin",
                "decisive", "title"));
        for (ProposalMetrics.Report report : reports) {
            ProposalSummary proposal = report.proposal();
            rows.add(List.of(shortId(proposal.proposalId()), proposal.state().name(), Output.tokens(proposal.forVotes()),
                    Output.tokens(proposal.againstVotes()), Output.tokens(proposal.abstainVotes()),
                    Integer.toString(proposal.forVoters() + proposal.againstVoters() + proposal.abstainVoters()),
                    report.turnout() == null ? "?" : Output.percent(report.turnout()),
                    proposal.quorum() == null ? "?" : Output.tokens(proposal.quorum()),
                    report.quorumMargin() == null ? "?" : signedTokens(report.quorumMargin()),
                    decisive(report.decisive()), truncate(proposal.title(), 40)));
        }
        out.printf("%d proposals of DAO '%s' (weights in tokens of 18 decimals; turnout = cast / delegated votes at the "
                + "snapshot; decisive = voters who flip the outcome by switching / by staying away)%n", reports.size(), dao);
        Output.table(out, rows);
    }

    private static String signedTokens(java.math.BigInteger value) {
        return (value.signum() < 0 ? "-" : "+") + Output.tokens(value.abs());
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
