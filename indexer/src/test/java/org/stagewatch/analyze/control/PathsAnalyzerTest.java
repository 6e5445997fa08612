package org.stagewatch.analyze.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.analyze.control.RouteSearchTest.DAY;
import static org.stagewatch.analyze.control.RouteSearchTest.L1;
import static org.stagewatch.analyze.control.RouteSearchTest.keys;
import static org.stagewatch.analyze.control.RouteSearchTest.node;
import static org.stagewatch.analyze.control.RouteSearchTest.vote;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.stagewatch.analyze.DaoScope;

/**
 * Per permission, on Arbitrum's shape (a 9-of-12 council, or the DAO through a vote and a 3-day timelock):
 * minKeys over the key routes only, minVoters over the vote routes only, the fastest route of each kind,
 * and a note instead of a number when the quorum is unknown or out of reach.
 */
class PathsAnalyzerTest {

    /** An UpgradeExecutor whose executors are a 9-of-12 council and a timelock the governor proposes to. */
    static ControlGraph arbitrumShape(Gate.Vote vote) {
        ControlGraphBuilder graph = new ControlGraphBuilder();
        Node governor = vote.governor();
        Node timelock = node(L1, 2);
        Node executor = node(L1, 3);
        Node council = node(L1, 4);
        List<String> signers = keys(0, 12);
        graph.contract(council, "safe", "Council").safe(council, 9, signers, List.of()).council(council, 9, Set.copyOf(signers))
                .contract(governor, "governor", "Governor").contract(timelock, "timelock", "Timelock")
                .contract(executor, "upgrade-executor", "Executor").governor(governor, vote)
                .timelock(timelock, 3 * DAY, List.of(governor.address()), List.of(), List.of(Node.ZERO), List.of())
                .upgradeExecutor(executor, List.of(timelock.address(), council.address()), List.of())
                .permission(executor, "act", new Gate.Ref(executor));
        return graph.graph();
    }

    static PathsReport.PermissionRoutes paths(Gate.Vote vote) {
        PathsReport report = new PathsAnalyzer(null).paths(new DaoScope("dao", List.of()),
                new ChainPoints(Map.of(L1, new ChainPoints.Point(L1, 100, 1_000L))), arbitrumShape(vote));
        return report.permissions().get(0);
    }

    @Test
    void shouldGiveTheCouncilsThresholdAsMinKeysAndTheVotesDelegatesAsMinVoters() {
        PathsReport.PermissionRoutes permission = paths(vote(node(L1, 1), BigInteger.valueOf(40), 30, 25, 25, 20));

        assertThat(permission.minKeys()).isEqualTo(9);
        assertThat(permission.minVoters()).isEqualTo(2);
        assertThat(permission.votersNote()).isNull();
        assertThat(permission.minDelaySeconds()).isZero();
        assertThat(permission.fastestKeyRoute()).isEqualTo(permission.routes().get(0));
        assertThat(permission.fastestKeyRoute().kind()).isEqualTo(PathsReport.RouteView.KEYS);
        assertThat(permission.fastestVoteRoute()).isEqualTo(permission.routes().get(1));
        assertThat(permission.fastestVoteRoute().delaySeconds()).isEqualTo(3 * DAY);
        assertThat(permission.fastestNonCouncilRoute()).as("the council is 9 of 12: gated").isEqualTo(permission.fastestVoteRoute());
        assertThat(permission.fastestVoteRoute().votes()).singleElement().satisfies(vote -> {
            assertThat(vote.quorum()).isEqualTo(BigInteger.valueOf(40));
            assertThat(vote.quorumTimepoint()).isEqualTo(99);
            assertThat(vote.voters()).isEqualTo(2);
            assertThat(vote.votingDelay()).isEqualTo(2);
            assertThat(vote.votingPeriod()).isEqualTo(20);
        });
    }

    @Test
    void shouldSayTheQuorumIsUnknownInsteadOfCountingVoters() {
        PathsReport.PermissionRoutes permission = paths(vote(node(L1, 1), null, 30, 25, 25, 20));

        assertThat(permission.minKeys()).isEqualTo(9);
        assertThat(permission.minVoters()).isNull();
        assertThat(permission.votersNote()).isEqualTo("quorum at block 100 unknown: no quorum(99) reading is stored, and so on");
        assertThat(permission.fastestVoteRoute().voters()).isNull();
    }

    @Test
    void shouldSayAVoteIsOutOfReach() {
        PathsReport.PermissionRoutes permission = paths(vote(node(L1, 1), BigInteger.valueOf(101), 30, 25, 25, 20));

        assertThat(permission.minVoters()).isNull();
        assertThat(permission.votersNote()).startsWith("out of reach: the power delegated at block 100 (100) is below the quorum (101)");
    }
}
