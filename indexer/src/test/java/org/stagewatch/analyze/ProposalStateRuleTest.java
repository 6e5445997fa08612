package org.stagewatch.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stagewatch.project.Rows;

class ProposalStateRuleTest {
    private static Rows.Vote vote(String voter, int support, long weight, String params) {
        return new Rows.Vote(1, "0xgov", "1", voter, support, Long.toString(weight), "", params, 1, 0, "0xt");
    }

    private static Tally tally(long forVotes, long against, long abstain) {
        return Tally.of(List.of(vote("0xa", 1, forVotes, null), vote("0xb", 0, against, null), vote("0xc", 2, abstain, null)));
    }

    private static final BigInteger QUORUM = BigInteger.valueOf(100);

    @Test
    void shouldBePendingUntilTheSnapshotHasPassed() {
        assertThat(ProposalAnalyzer.state(10, 20, 10, tally(0, 0, 0), null, false, false, false)).isEqualTo(ProposalState.PENDING);
        assertThat(ProposalAnalyzer.state(10, 20, 11, tally(0, 0, 0), QUORUM, false, false, false)).isEqualTo(ProposalState.ACTIVE);
    }

    @Test
    void shouldStayActiveThroughTheDeadlineBlock() {
        assertThat(ProposalAnalyzer.state(10, 20, 20, tally(500, 0, 0), QUORUM, false, false, false)).isEqualTo(ProposalState.ACTIVE);
        assertThat(ProposalAnalyzer.state(10, 20, 21, tally(500, 0, 0), QUORUM, false, false, false)).isEqualTo(ProposalState.SUCCEEDED);
    }

    @Test
    void shouldCountAbstainTowardsQuorumButNotTowardsTheOutcome() {
        assertThat(ProposalAnalyzer.state(10, 20, 21, tally(60, 0, 40), QUORUM, false, false, false)).isEqualTo(ProposalState.SUCCEEDED);
        assertThat(ProposalAnalyzer.state(10, 20, 21, tally(60, 0, 39), QUORUM, false, false, false)).isEqualTo(ProposalState.DEFEATED);
    }

    @Test
    void shouldBeDefeatedOnATie() {
        assertThat(ProposalAnalyzer.state(10, 20, 21, tally(200, 200, 0), QUORUM, false, false, false)).isEqualTo(ProposalState.DEFEATED);
    }

    @Test
    void shouldLetLifecycleEventsWinOverTheVote() {
        assertThat(ProposalAnalyzer.state(10, 20, 21, tally(500, 0, 0), QUORUM, true, false, false)).isEqualTo(ProposalState.QUEUED);
        assertThat(ProposalAnalyzer.state(10, 20, 21, tally(500, 0, 0), QUORUM, true, true, false)).isEqualTo(ProposalState.EXECUTED);
        assertThat(ProposalAnalyzer.state(10, 20, 5, tally(0, 0, 0), null, false, false, true)).isEqualTo(ProposalState.CANCELED);
    }

    @Test
    void shouldSayUnknownWhenTheQuorumWasNotRead() {
        assertThat(ProposalAnalyzer.state(10, 20, 21, tally(500, 0, 0), null, false, false, false)).isEqualTo(ProposalState.UNKNOWN);
    }

    @Test
    void shouldSplitFractionalVotesByTheirPackedParams() {
        String params = "0x" + "%032x".formatted(3) + "%032x".formatted(5) + "%032x".formatted(7);
        Tally tally = Tally.of(List.of(vote("0xa", 255, 15, params)));
        assertThat(tally.againstVotes).isEqualTo(BigInteger.valueOf(3));
        assertThat(tally.forVotes).isEqualTo(BigInteger.valueOf(5));
        assertThat(tally.abstainVotes).isEqualTo(BigInteger.valueOf(7));
    }

    @Test
    void shouldTitleAProposalByItsFirstLineWithoutHeadingMarks() {
        assertThat(ProposalAnalyzer.title("# AIP-1: Upgrade the bridge\n\nLong text")).isEqualTo("AIP-1: Upgrade the bridge");
    }
}
