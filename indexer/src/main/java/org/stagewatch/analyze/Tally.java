package org.stagewatch.analyze;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.stagewatch.project.Rows;

/**
 * Sums a proposal's votes exactly. support 0/1/2 = against/for/abstain (GovernorCountingSimple);
 * 255 = fractional (GovernorCountingFractional), whose params are abi.encodePacked(uint128 against,
 * uint128 for, uint128 abstain) of the weight.
 */
final class Tally {
    BigInteger forVotes = BigInteger.ZERO;
    BigInteger againstVotes = BigInteger.ZERO;
    BigInteger abstainVotes = BigInteger.ZERO;
    final Set<String> forVoters = new HashSet<>();
    final Set<String> againstVoters = new HashSet<>();
    final Set<String> abstainVoters = new HashSet<>();

    static Tally of(List<Rows.Vote> votes) {
        Tally tally = new Tally();
        votes.forEach(tally::add);
        return tally;
    }

    /** Each voter's weights on each side, summed the same way as the proposal's tally. */
    static List<DecisiveSet.Ballot> ballots(List<Rows.Vote> votes) {
        Map<String, List<Rows.Vote>> byVoter = new TreeMap<>();
        votes.forEach(vote -> byVoter.computeIfAbsent(vote.voter(), voter -> new ArrayList<>()).add(vote));
        return byVoter.entrySet().stream().map(entry -> {
            Tally own = of(entry.getValue());
            return new DecisiveSet.Ballot(entry.getKey(), own.forVotes, own.againstVotes, own.abstainVotes);
        }).toList();
    }

    private void add(Rows.Vote vote) {
        BigInteger weight = new BigInteger(vote.weight());
        switch (vote.support()) {
            case 0 -> { againstVotes = againstVotes.add(weight); againstVoters.add(vote.voter()); }
            case 1 -> { forVotes = forVotes.add(weight); forVoters.add(vote.voter()); }
            case 2 -> { abstainVotes = abstainVotes.add(weight); abstainVoters.add(vote.voter()); }
            case 255 -> addFractional(vote);
            default -> { /* unknown support value: not counted, as the governor would have rejected it */ }
        }
    }

    private void addFractional(Rows.Vote vote) {
        String params = vote.params() == null ? "" : vote.params().replaceFirst("^0x", "");
        if (params.length() < 96) {
            return;
        }
        BigInteger against = new BigInteger(params.substring(0, 32), 16);
        BigInteger inFavour = new BigInteger(params.substring(32, 64), 16);
        BigInteger abstain = new BigInteger(params.substring(64, 96), 16);
        if (against.signum() > 0) { againstVotes = againstVotes.add(against); againstVoters.add(vote.voter()); }
        if (inFavour.signum() > 0) { forVotes = forVotes.add(inFavour); forVoters.add(vote.voter()); }
        if (abstain.signum() > 0) { abstainVotes = abstainVotes.add(abstain); abstainVoters.add(vote.voter()); }
    }
}
