package org.stagewatch.analyze.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The route search on hand-built graphs: gates, delays, keys, council gating, cycles and chain crossings. */
class RouteSearchTest {
    static final long L1 = 1;
    static final long L2 = 42161;
    static final long DAY = 86_400;
    static final long CHALLENGE = 549_816;

    final ControlGraphBuilder graph = new ControlGraphBuilder();

    static Node node(long chain, int n) {
        return new Node(chain, "0x%040x".formatted(0xC0000 + n));
    }

    /** n distinct key addresses starting at {@code first}. */
    static List<String> keys(int first, int n) {
        return IntStream.range(first, first + n).mapToObj(i -> "0x%040x".formatted(0xE0000 + i)).toList();
    }

    Node safe(long chain, int n, String label, int threshold, List<String> owners) {
        Node safe = node(chain, n);
        graph.contract(safe, "safe", label).safe(safe, threshold, owners, List.of());
        return safe;
    }

    List<Route> routes(Node target) {
        return new RouteSearch(graph.graph()).routes(new Gate.Ref(target));
    }

    static List<String> relations(Route route) {
        return route.via().stream().map(Hop::relation).toList();
    }

    @Test
    void shouldCountEveryKeyOfBothNestedSafesBehindATwoOfTwo() {
        Node fiveOfSeven = safe(L1, 1, "A", 5, keys(0, 7));
        Node tenOfThirteen = safe(L1, 2, "B", 10, keys(100, 13));
        Node top = safe(L1, 3, "Top", 2, List.of(fiveOfSeven.address(), tenOfThirteen.address()));

        List<Route> routes = routes(top);

        assertThat(routes).singleElement().satisfies(route -> {
            assertThat(route.keys()).isEqualTo(15);
            assertThat(route.delaySeconds()).isZero();
            assertThat(relations(route)).containsExactly("2-of-2 signers");
            assertThat(GateText.of(route.gate())).startsWith("all(A [5-of-7 signers]: 5-of-7(").contains("B [10-of-13 signers]: 10-of-13(");
        });
    }

    @Test
    void shouldCountASignerSharedBetweenCouncilsOnce() {
        Node a = safe(L1, 1, "A", 3, keys(0, 4));          // keys 0,1,2,3
        Node b = safe(L1, 2, "B", 3, keys(1, 4));          // keys 1,2,3,4
        Node both = safe(L1, 3, "Both", 2, List.of(a.address(), b.address()));

        assertThat(routes(both)).singleElement().satisfies(route -> assertThat(route.keys()).isEqualTo(3));
    }

    @Test
    void shouldCountTwoCouncilsWithTheSameTwelveSignersAsNineKeys() {
        List<String> signers = keys(0, 12);
        Node l1Council = safe(L1, 1, "L1 council", 9, signers);
        Node l2Council = safe(L1, 2, "L2 council", 9, signers.reversed());
        Node both = safe(L1, 3, "Both", 2, List.of(l1Council.address(), l2Council.address()));
        graph.council(l1Council, 9, Set.copyOf(signers));

        assertThat(routes(both)).singleElement().satisfies(route -> {
            assertThat(route.keys()).isEqualTo(9);
            assertThat(route.councilGated()).isTrue();
            assertThat(route.approximate()).isFalse();
        });
    }

    @Test
    void shouldFindTheModuleThatBypassesTheThresholdAsAOneKeyRouteNotCouncilGated() {
        List<String> signers = keys(0, 12);
        Node council = node(L1, 1);
        String module = keys(50, 1).get(0);
        graph.contract(council, "safe", "Council").safe(council, 9, signers, List.of(module)).council(council, 9, Set.copyOf(signers));

        List<Route> routes = routes(council);

        assertThat(routes).extracting(Route::keys).containsExactly(1, 9);
        assertThat(routes).extracting(Route::councilGated).containsExactly(false, true);
        assertThat(relations(routes.get(0))).containsExactly("module");
        assertThat(routes.get(0).gate()).isEqualTo(new Gate.Key(module));
    }

    @Test
    void shouldNotCallASevenOfTwelveCouncilGated() {
        List<String> signers = keys(0, 12);
        Node council = safe(L1, 1, "Council", 7, signers);
        graph.council(council, 7, Set.copyOf(signers));

        assertThat(routes(council)).singleElement().satisfies(route -> {
            assertThat(route.keys()).isEqualTo(7);
            assertThat(route.councilGated()).isFalse();
        });
    }

    @Test
    void shouldNeedOnlyTheProposerWhenExecutorRoleIsHeldByAddressZero() {
        Node timelock = node(L1, 1);
        String proposer = keys(0, 1).get(0);
        graph.contract(timelock, "timelock", "Timelock")
                .timelock(timelock, 3 * DAY, List.of(proposer), List.of(timelock.address()), List.of(Node.ZERO), List.of());

        assertThat(routes(timelock)).singleElement().satisfies(route -> {
            assertThat(route.keys()).isEqualTo(1);
            assertThat(route.delaySeconds()).isEqualTo(3 * DAY);
            assertThat(relations(route)).containsExactly("PROPOSER_ROLE");
        });
    }

    @Test
    void shouldNeedProposerAndExecutorWhenExecutionIsNotOpen() {
        Node timelock = node(L1, 1);
        List<String> people = keys(0, 2);
        graph.contract(timelock, "timelock", "Timelock")
                .timelock(timelock, DAY, List.of(people.get(0)), List.of(), List.of(people.get(1)), List.of());

        assertThat(routes(timelock)).singleElement().satisfies(route -> {
            assertThat(route.keys()).isEqualTo(2);
            assertThat(route.delaySeconds()).isEqualTo(DAY);
            assertThat(GateText.of(route.gate())).startsWith("all(Timelock [PROPOSER_ROLE, +86400s]: ");
        });
    }

    @Test
    void shouldEndCyclesAndKeepTheRoutesThatLeaveThem() {
        Node executor = node(L1, 1);
        Node timelock = node(L1, 2);
        Node proxyAdmin = node(L1, 3);
        String council = keys(0, 1).get(0);
        graph.contract(executor, "upgrade-executor", "Executor").contract(timelock, "timelock", "Timelock")
                .contract(proxyAdmin, "ownable", "ProxyAdmin")
                // the executor is its own admin, and the timelock's proposer is the executor itself
                .upgradeExecutor(executor, List.of(timelock.address(), council), List.of(executor.address()))
                .timelock(timelock, DAY, List.of(executor.address()), List.of(timelock.address()), List.of(Node.ZERO), List.of())
                .ownable(proxyAdmin, executor.address());

        List<Route> routes = routes(proxyAdmin);

        assertThat(routes).singleElement().satisfies(route -> {
            assertThat(route.gate()).isEqualTo(new Gate.Key(council));
            assertThat(relations(route)).containsExactly("owner", "EXECUTOR_ROLE");
        });
    }

    @Test
    void shouldFollowAnAliasedL1TimelockOntoL2() {
        Node l1Timelock = node(L1, 1);
        Node l2Executor = node(L2, 2);
        String proposer = keys(0, 1).get(0);
        graph.parent(L2, L1)
                .contract(l1Timelock, "timelock", "L1 Timelock").contract(l2Executor, "upgrade-executor", "L2 Executor")
                .timelock(l1Timelock, 3 * DAY, List.of(proposer), List.of(), List.of(Node.ZERO), List.of())
                .upgradeExecutor(l2Executor, List.of(Node.alias(l1Timelock.address())), List.of());

        assertThat(routes(l2Executor)).singleElement().satisfies(route -> {
            assertThat(relations(route)).containsExactly("EXECUTOR_ROLE", "L1→L2 alias", "PROPOSER_ROLE");
            assertThat(route.via().get(1).node()).isEqualTo(new Node(L2, Node.alias(l1Timelock.address())));
            assertThat(route.via().get(2).node()).isEqualTo(l1Timelock);
            assertThat(route.delaySeconds()).isEqualTo(3 * DAY);
            assertThat(route.keys()).isEqualTo(1);
        });
    }

    @Test
    void shouldNotAliasWithoutADeclaredParentChain() {
        Node l1Timelock = node(L1, 1);
        Node l2Executor = node(L2, 2);
        String aliased = Node.alias(l1Timelock.address());
        graph.contract(l1Timelock, "timelock", "L1 Timelock").contract(l2Executor, "upgrade-executor", "L2 Executor")
                .upgradeExecutor(l2Executor, List.of(aliased), List.of());

        assertThat(routes(l2Executor)).singleElement().satisfies(route -> assertThat(route.gate()).isEqualTo(new Gate.Key(aliased)));
    }

    /** A vote whose quorum is {@code quorum}, over delegates with the given powers (anvil-like addresses). */
    static Gate.Vote vote(Node governor, BigInteger quorum, long... powers) {
        List<TokenVote.Voter> voters = IntStream.range(0, powers.length)
                .mapToObj(i -> new TokenVote.Voter("0x%040x".formatted(0xD0000 + i), BigInteger.valueOf(powers[i]))).toList();
        VoteQuorum.Quorum bar = quorum == null ? VoteQuorum.Quorum.unknown(99L, "no quorum(99) reading is stored, and so on")
                : new VoteQuorum.Quorum(99L, quorum, "test", null);
        return new Gate.Vote(governor, TokenVote.of(governor.chainId(), "0x%040x".formatted(0xA0000), 100, bar, voters, 2L, 20L, "blocks"));
    }

    @Test
    void shouldAddTheChallengePeriodOfAnL2ToL1HopBetweenBothTimelocks() {
        Node governor = node(L2, 1);
        Node l2Timelock = node(L2, 2);
        Node bridge = node(L1, 3);
        Node l1Timelock = node(L1, 4);
        graph.contract(governor, "governor", "Governor").contract(l2Timelock, "timelock", "L2 Timelock")
                .contract(bridge, "proxy", "Bridge").contract(l1Timelock, "timelock", "L1 Timelock")
                .governor(governor, vote(governor, BigInteger.valueOf(60), 30, 25, 25, 20))
                .timelock(l2Timelock, 8 * DAY, List.of(governor.address()), List.of(), List.of(Node.ZERO), List.of())
                .messagePath(l2Timelock, bridge, CHALLENGE, "Outbox")
                .timelock(l1Timelock, 3 * DAY, List.of(bridge.address()), List.of(), List.of(Node.ZERO), List.of());

        assertThat(routes(l1Timelock)).singleElement().satisfies(route -> {
            assertThat(route.delaySeconds()).isEqualTo(8 * DAY + CHALLENGE + 3 * DAY);
            assertThat(relations(route)).containsExactly("PROPOSER_ROLE", "message path from L2 Timelock (Outbox)", "PROPOSER_ROLE",
                    "token-holder vote");
            assertThat(route.via().get(1).label()).isEqualTo("Bridge");
            assertThat(route.needsVote()).isTrue();
            assertThat(route.keys()).as("delegates are no signing keys").isZero();
            assertThat(route.voters()).as("30 + 25 + 25 reach 60; 30 + 25 do not").isEqualTo(3);
            assertThat(route.gate()).isInstanceOf(Gate.Vote.class);
        });
    }

    /** Arbitrum's shape: the council upgrades at once with its threshold of keys; the DAO through a vote, apart. */
    @Test
    void shouldCountTheCouncilsKeysAndTheVotesDelegatesOnSeparateRoutes() {
        Node governor = node(L1, 1);
        Node timelock = node(L1, 2);
        Node executor = node(L1, 3);
        List<String> signers = keys(0, 12);
        Node council = safe(L1, 4, "Council", 9, signers);
        graph.council(council, 9, Set.copyOf(signers)).contract(governor, "governor", "Governor")
                .contract(timelock, "timelock", "Timelock").contract(executor, "upgrade-executor", "Executor")
                .governor(governor, vote(governor, BigInteger.valueOf(40), 30, 25, 25, 20))
                .timelock(timelock, 3 * DAY, List.of(governor.address()), List.of(), List.of(Node.ZERO), List.of())
                .upgradeExecutor(executor, List.of(timelock.address(), council.address()), List.of());

        List<Route> routes = routes(executor);

        assertThat(routes).extracting(Route::needsVote).containsExactly(false, true);
        assertThat(routes.get(0)).satisfies(route -> {
            assertThat(route.keys()).isEqualTo(9);
            assertThat(route.voters()).isNull();
            assertThat(route.delaySeconds()).isZero();
            assertThat(route.councilGated()).isTrue();
        });
        assertThat(routes.get(1)).satisfies(route -> {
            assertThat(route.keys()).isZero();
            assertThat(route.voters()).isEqualTo(2);
            assertThat(route.delaySeconds()).isEqualTo(3 * DAY);
            assertThat(route.councilGated()).isFalse();
            assertThat(route.votes()).singleElement().satisfies(v -> assertThat(v.need().delegates()).extracting(TokenVote.Voter::power)
                    .containsExactly(BigInteger.valueOf(30), BigInteger.valueOf(25)));
        });
    }

    /** A 2-of-3 Safe whose third owner is the DAO's timelock: two keys alone, or one key with a vote — never "3 keys". */
    @Test
    void shouldSplitAThresholdWithAVoteIntoAKeyRouteAndAVoteRouteWithTheKeysItNeedsBesides() {
        Node governor = node(L1, 1);
        Node timelock = node(L1, 2);
        List<String> people = keys(0, 2);
        graph.contract(governor, "governor", "Governor").contract(timelock, "timelock", "Timelock")
                .governor(governor, vote(governor, BigInteger.valueOf(50), 30, 25, 20))
                .timelock(timelock, DAY, List.of(governor.address()), List.of(), List.of(Node.ZERO), List.of());
        Node safe = safe(L1, 3, "2-of-3", 2, List.of(people.get(0), people.get(1), timelock.address()));

        List<Route> routes = routes(safe);

        assertThat(routes).hasSize(2);
        assertThat(routes.get(0)).satisfies(route -> {
            assertThat(route.needsVote()).isFalse();
            assertThat(route.keys()).isEqualTo(2);
            assertThat(route.delaySeconds()).isZero();
            assertThat(Gate.hasVote(route.gate())).isFalse();
        });
        assertThat(routes.get(1)).satisfies(route -> {
            assertThat(route.needsVote()).isTrue();
            assertThat(route.keys()).as("one owner key besides the vote").isEqualTo(1);
            assertThat(route.voters()).isEqualTo(2);
            assertThat(route.delaySeconds()).isEqualTo(DAY);
        });
    }

    @Test
    void shouldLeaveTheVotersUnknownWhenTheQuorumIsUnknownNeverFallingBackToAnotherBar() {
        Node governor = node(L1, 1);
        graph.contract(governor, "governor", "Governor").governor(governor, vote(governor, null, 30, 25, 25, 20));

        assertThat(routes(governor)).singleElement().satisfies(route -> {
            assertThat(route.needsVote()).isTrue();
            assertThat(route.voters()).isNull();
            assertThat(route.votes()).singleElement().satisfies(v -> {
                assertThat(v.need().delegates()).isEmpty();
                assertThat(v.need().note()).isEqualTo("quorum at block 100 unknown: no quorum(99) reading is stored, and so on");
                assertThat(v.need().delegatedPower()).isEqualTo(BigInteger.valueOf(100));
            });
            assertThat(GateText.of(route.gate())).contains("quorum at block 100 unknown");
        });
    }

    @Test
    void shouldSayAVoteIsOutOfReachWhenTheDelegatedPowerIsBelowTheQuorum() {
        Node governor = node(L1, 1);
        graph.contract(governor, "governor", "Governor").governor(governor, vote(governor, BigInteger.valueOf(101), 30, 25, 25, 20));

        assertThat(routes(governor)).singleElement().satisfies(route -> {
            assertThat(route.voters()).isNull();
            assertThat(route.votes().get(0).need().unreachable()).isTrue();
            assertThat(route.votes().get(0).need().note()).contains("(100) is below the quorum (101)");
        });
    }

    @Test
    void shouldTakeTheHeaviestDelegatesFirstAndAtLeastOneEvenForAZeroQuorum() {
        Node governor = node(L1, 1);
        assertThat(vote(governor, BigInteger.valueOf(55), 20, 0, 30, 25).need().delegates()).extracting(TokenVote.Voter::power)
                .containsExactly(BigInteger.valueOf(30), BigInteger.valueOf(25));
        assertThat(vote(governor, BigInteger.ZERO, 20, 30).need().voters()).isEqualTo(1);
        assertThat(vote(governor, BigInteger.valueOf(100), 20, 30, 50).need().voters()).isEqualTo(3);
        assertThat(vote(governor, BigInteger.ZERO).need().note()).isEqualTo("out of reach: no delegate holds voting power at block 100");
    }

    /** Two alternative votes, one with an unknown quorum: the fewest voters could be either, so it is unknown. */
    @Test
    void shouldNotTakeAKnownVoterCountWhenAnUnknownOneCouldBeSmaller() {
        Node known = node(L1, 1);
        Node unknown = node(L1, 2);
        Gate both = Gate.threshold(1, List.of(vote(known, BigInteger.valueOf(50), 30, 25), vote(unknown, null, 90)));
        assertThat(VoterCount.of(both)).isEqualTo(VoterCount.UNKNOWN);
        Gate need = Gate.all(List.of(vote(known, BigInteger.valueOf(50), 30, 25), vote(node(L1, 3), BigInteger.valueOf(10), 9, 8)));
        assertThat(VoterCount.of(need)).isEqualTo(4);
    }

    @Test
    void shouldTakeTheKthFastestPartyOfAThresholdAndTheSlowestWhenAllMustAct() {
        Node fast = node(L1, 1);
        Node slow = node(L1, 2);
        Node medium = node(L1, 3);
        List<String> people = keys(0, 3);
        graph.contract(fast, "timelock", "Fast").contract(slow, "timelock", "Slow").contract(medium, "timelock", "Medium")
                .timelock(fast, DAY, List.of(people.get(0)), List.of(), List.of(Node.ZERO), List.of())
                .timelock(slow, 9 * DAY, List.of(people.get(1)), List.of(), List.of(Node.ZERO), List.of())
                .timelock(medium, 4 * DAY, List.of(people.get(2)), List.of(), List.of(Node.ZERO), List.of());
        Node twoOfThree = safe(L1, 4, "2-of-3", 2, List.of(fast.address(), slow.address(), medium.address()));
        Node all = safe(L1, 5, "3-of-3", 3, List.of(fast.address(), slow.address(), medium.address()));

        assertThat(routes(twoOfThree)).singleElement().satisfies(route -> assertThat(route.delaySeconds()).isEqualTo(4 * DAY));
        assertThat(routes(all)).singleElement().satisfies(route -> assertThat(route.delaySeconds()).isEqualTo(9 * DAY));
    }

    @Test
    void shouldLetAnAdminRoleHolderGrantItselfTheExecutorRole() {
        Node executor = node(L1, 1);
        List<String> people = keys(0, 2);
        graph.contract(executor, "upgrade-executor", "Executor").upgradeExecutor(executor, List.of(people.get(0)), List.of(people.get(1)));

        assertThat(routes(executor)).extracting(route -> relations(route))
                .containsExactlyInAnyOrder(List.of("EXECUTOR_ROLE"), List.of("EXECUTOR_ROLE", "admin of EXECUTOR_ROLE"));
    }

    @Test
    void shouldFindNoRouteToARenouncedOwnable() {
        Node owned = node(L1, 1);
        graph.contract(owned, "ownable", "Owned").ownable(owned, Node.ZERO);
        assertThat(routes(owned)).isEmpty();
        assertThat(new HashSet<>(graph.graph().actsAs(owned))).isEmpty();
    }

    @Test
    void shouldAliasAndUnaliasAsArbitrumDoes() {
        // L2BEAT's discovery data: the L1 Timelock and its alias on Arbitrum One
        String l1Timelock = "0xe6841d92b0c345144506576ec13ecf5103ac7f49";
        assertThat(Node.alias(l1Timelock)).isEqualTo("0xf7951d92b0c345144506576ec13ecf5103ac905a");
        assertThat(Node.unalias(Node.alias(l1Timelock))).isEqualTo(l1Timelock);
        assertThat(Node.alias("0xffffffffffffffffffffffffffffffffffffffff")).isEqualTo("0x1111000000000000000000000000000000001110");
    }
}
