package org.stagewatch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.DecisiveSet;
import org.stagewatch.analyze.ProposalMetrics;
import org.stagewatch.analyze.ProposalSummary;
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
        List<ProposalMetrics.Report> reports = new ProposalMetrics(store).reports(DaoScope.load(store, dao), pointInTime.block, at);
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>(); // "dao" first, in every run (Map.of's order is salted per JVM)
            document.put("dao", dao);
            document.put("proposals", reports.stream().map(ProposalsCommand::json).toList());
            Output.json(System.out, document);
        } else {
            print(System.out, dao, reports);
        }
        return 0;
    }

    /** A proposal's summary fields, then what its tallies mean (README: proposals --json). */
    static Map<String, Object> json(ProposalMetrics.Report report) {
        Map<String, Object> out = new LinkedHashMap<>(Output.JSON.convertValue(report.proposal(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
        out.put("castWeight", report.proposal().castWeight().toString());
        out.put("snapshotBlock", report.snapshotBlock());
        out.put("totalVotingPowerAtSnapshot", report.votingPowerAtSnapshot() == null ? null : report.votingPowerAtSnapshot().toString());
        out.put("turnout", report.turnout());
        out.put("quorumMargin", report.quorumMargin() == null ? null : report.quorumMargin().toString());
        out.put("quorumReached", report.quorumReached());
        out.put("decisive", report.decisive());
        return out;
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
