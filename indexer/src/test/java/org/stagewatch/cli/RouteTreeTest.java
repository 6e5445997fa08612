package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.control.ControlGraphBuilder;
import org.stagewatch.analyze.control.Gate;
import org.stagewatch.analyze.control.Node;
import org.stagewatch.analyze.control.PathsAnalyzer;
import org.stagewatch.analyze.control.TokenVote;
import org.stagewatch.analyze.control.VoteQuorum;
import org.stagewatch.report.TokenUnits;

/** The human {@code paths} output of a council and a vote route: a tree, with the vote's quorum, delegates and duration. */
class RouteTreeTest {
    static final String GOVERNOR = "0x00000000000000000000000000000000000a0001";
    static final String TIMELOCK = "0x00000000000000000000000000000000000a0002";
    static final String EXECUTOR = "0x00000000000000000000000000000000000a0003";
    static final String COUNCIL = "0x00000000000000000000000000000000000a0004";
    static final String TOKEN = "0x00000000000000000000000000000000000b0001";
    static final List<String> SIGNERS = List.of("0x00000000000000000000000000000000000e0001",
            "0x00000000000000000000000000000000000e0002", "0x00000000000000000000000000000000000e0003",
            "0x00000000000000000000000000000000000e0004");
    static final List<TokenVote.Voter> DELEGATES = List.of(new TokenVote.Voter("0x00000000000000000000000000000000000d0001",
            BigInteger.valueOf(30)), new TokenVote.Voter("0x00000000000000000000000000000000000d0002", BigInteger.valueOf(25)));

    private String print(VoteQuorum.Quorum quorum) {
        return print(quorum, null);
    }

    /** @param decimals the token's stored decimals(), null when not read */
    private String print(VoteQuorum.Quorum quorum, Integer decimals) {
        Node governor = new Node(1, GOVERNOR);
        Node executor = new Node(1, EXECUTOR);
        Node council = new Node(1, COUNCIL);
        ControlGraphBuilder graph = new ControlGraphBuilder()
                .contract(governor, "governor", "Governor").contract(new Node(1, TIMELOCK), "timelock", "Timelock")
                .contract(executor, "upgrade-executor", "Executor").contract(council, "safe", "Council")
                .governor(governor, new Gate.Vote(governor, TokenVote.of(1, TOKEN, 100, quorum, DELEGATES, 2L, 20L, "blocks")))
                .timelock(new Node(1, TIMELOCK), 259_200, List.of(GOVERNOR), List.of(), List.of(Node.ZERO), List.of())
                .safe(council, 3, SIGNERS, List.of()).council(council, 3, Set.copyOf(SIGNERS))
                .upgradeExecutor(executor, List.of(TIMELOCK, COUNCIL), List.of()).permission(executor, "act", new Gate.Ref(executor));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RouteTree.print(new PrintStream(out, true, StandardCharsets.UTF_8), new PathsAnalyzer(null).paths(new DaoScope("dao", List.of()),
                new ChainPoints(Map.of(1L, new ChainPoints.Point(1, 100, 1_000L))), graph.graph()),
                new TokenUnits.Book((chainId, token) -> new TokenUnits(token, decimals)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheVoteRouteWithItsQuorumDelegatesAndDuration() {
        String text = print(new VoteQuorum.Quorum(99L, BigInteger.valueOf(50), VoteQuorum.Quorum.class.getSimpleName(), null));
        assertThat(text).contains("""
                Executor · act (chain 1, %s): 2 routes
                  fewest signing keys: 3 (fastest: route 1, 0 s)
                  fewest voters: 2 delegates (fastest: route 2, 259,200 s (3.00 d) + the vote)
                  smallest delay: 0 s; fastest route not council-gated: route 2
                  route 1 · 3 signing keys · delay 0 s · council-gated
                    via Executor (EXECUTOR_ROLE) %s
                      ← Council (3-of-4 signers) %s
                    gate: 3 of these 4:
                """.formatted(EXECUTOR, EXECUTOR, COUNCIL)).contains("""
                  route 2 · vote, 2 voters · delay 259,200 s (3.00 d) + the vote · not council-gated
                    via Executor (EXECUTOR_ROLE) %s
                      ← Timelock (PROPOSER_ROLE, 259,200 s (3.00 d)) %s
                      ← Governor (token-holder vote) %s
                    gate: token-holder vote on %s (chain 1) at block 100, token %s
                      quorum(99) = 50 base units (Quorum)
                      power delegated at block 100: 55 base units
                      2 delegates reach it:
                        0x00000000000000000000000000000000000d0001 30 base units
                        0x00000000000000000000000000000000000d0002 25 base units
                      2 + 20 blocks voting delay + period
                """.formatted(EXECUTOR, TIMELOCK, GOVERNOR, GOVERNOR, TOKEN));
    }

    @Test
    void shouldShowTheVotesAmountsInTheTokensOwnDecimals() {
        String text = print(new VoteQuorum.Quorum(99L, BigInteger.valueOf(50), VoteQuorum.Quorum.class.getSimpleName(), null), 1);
        assertThat(text).contains("quorum(99) = 5.0 tokens (Quorum)").contains("power delegated at block 100: 5.5 tokens")
                .contains("0x00000000000000000000000000000000000d0001 3.0 tokens").contains("0x00000000000000000000000000000000000d0002 2.5 tokens");
    }

    @Test
    void shouldSayTheQuorumIsUnknownAndGiveNoVoterCount() {
        String text = print(VoteQuorum.Quorum.unknown(99L, "no quorum(99) reading is stored, and the token's total supply at 99 is"
                + " unknown (index the token with transfers: true)"));
        assertThat(text).contains("  fewest voters: unknown — quorum at block 100 unknown: no quorum(99) reading is stored")
                .contains("  route 2 · vote, voters unknown · ")
                .contains("      quorum at block 100 unknown: no quorum(99) reading is stored, and the token's total supply at 99 is"
                        + " unknown (index the token with transfers: true)\n")
                .doesNotContain("reach it");
    }
}
