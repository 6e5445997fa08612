package org.stagewatch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.ProposalAnalyzer;
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
        List<ProposalSummary> proposals = new ProposalAnalyzer(store).proposals(DaoScope.load(store, dao), pointInTime.block, at);
        print(System.out, dao, proposals, json);
        return 0;
    }

    static void print(PrintStream out, String dao, List<ProposalSummary> proposals, boolean json) {
        if (json) {
            Output.json(out, Map.of("dao", dao, "proposals", proposals));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("proposal", "state", "for", "against", "abstain", "voters", "quorum", "created", "title"));
        for (ProposalSummary proposal : proposals) {
            rows.add(List.of(shortId(proposal.proposalId()), proposal.state().name(), Output.tokens(proposal.forVotes()),
                    Output.tokens(proposal.againstVotes()), Output.tokens(proposal.abstainVotes()),
                    Integer.toString(proposal.forVoters() + proposal.againstVoters() + proposal.abstainVoters()),
                    proposal.quorum() == null ? "?" : Output.tokens(proposal.quorum()),
                    Long.toString(proposal.createdBlock()), truncate(proposal.title(), 48)));
        }
        out.printf("%d proposals of DAO '%s' (weights in tokens of 18 decimals)%n", proposals.size(), dao);
        Output.table(out, rows);
    }

    private static String shortId(String id) {
        return id.length() <= 12 ? id : id.substring(0, 6) + "…" + id.substring(id.length() - 4);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
