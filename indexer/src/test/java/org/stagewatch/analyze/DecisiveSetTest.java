package org.stagewatch.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Decisive sets worked out by hand on small ballots (GovernorCountingSimple: for &gt; against, quorum ≤ for + abstain). */
class DecisiveSetTest {
    private static DecisiveSet.Ballot ballot(String voter, long inFavour, long against, long abstain) {
        return new DecisiveSet.Ballot(voter, BigInteger.valueOf(inFavour), BigInteger.valueOf(against), BigInteger.valueOf(abstain));
    }

    @Test
    void shouldFindTheFewestForVotersWhoseSwitchDefeatsAPassingProposal() {
        // for 60 + 30 + 10 = 100, against 50: switching the 60 gives 40 for vs 110 against
        List<DecisiveSet.Ballot> ballots = List.of(ballot("0xa", 60, 0, 0), ballot("0xb", 30, 0, 0), ballot("0xc", 10, 0, 0),
                ballot("0xd", 0, 50, 0));
        DecisiveSet.Result result = DecisiveSet.of(ballots, BigInteger.valueOf(40));
        assertThat(result.passes()).isTrue();
        assertThat(result.switched().addresses()).containsExactly("0xa");
        // staying away: without 0xa for is 40 ≤ against 50 → one voter
        assertThat(result.absent().voters()).isEqualTo(1);
        assertThat(result.absent().weight()).isEqualTo(60);
    }

    @Test
    void shouldCountAbstainersWhoseAbsenceLosesQuorum() {
        // for 10 vs against 0 passes only thanks to 95 abstaining towards a quorum of 100
        List<DecisiveSet.Ballot> ballots = List.of(ballot("0xa", 10, 0, 0), ballot("0xb", 0, 0, 95));
        DecisiveSet.Result result = DecisiveSet.of(ballots, BigInteger.valueOf(100));
        assertThat(result.passes()).isTrue();
        assertThat(result.absent().addresses()).containsExactly("0xb");
        // switching 0xa's 10 to against: for 0 ≤ against 10
        assertThat(result.switched().addresses()).containsExactly("0xa");
    }

    @Test
    void shouldFlipADefeatWithTheFewestAgainstVotersOrSayItCannot() {
        // for 40, against 30 + 20 = 50: switching 30 gives 70 vs 20
        List<DecisiveSet.Ballot> ballots = List.of(ballot("0xa", 40, 0, 0), ballot("0xb", 0, 30, 0), ballot("0xc", 0, 20, 0));
        DecisiveSet.Result result = DecisiveSet.of(ballots, BigInteger.valueOf(10));
        assertThat(result.passes()).isFalse();
        assertThat(result.switched().addresses()).containsExactly("0xb");
        assertThat(result.absent().addresses()).containsExactly("0xb"); // 40 > 20 once 0xb stays away
        // a quorum no switch can reach: nobody is decisive
        DecisiveSet.Result unreachable = DecisiveSet.of(ballots, BigInteger.valueOf(1_000));
        assertThat(unreachable.switched()).isNull();
        assertThat(unreachable.absent()).isNull();
    }

    @Test
    void shouldTreatATieAsADefeat() {
        List<DecisiveSet.Ballot> ballots = List.of(ballot("0xa", 50, 0, 0), ballot("0xb", 0, 50, 0));
        DecisiveSet.Result result = DecisiveSet.of(ballots, BigInteger.ONE);
        assertThat(result.passes()).isFalse();
        assertThat(result.switched().voters()).isEqualTo(1);
    }
}
