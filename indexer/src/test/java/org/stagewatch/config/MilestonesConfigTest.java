package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.config.ConfigFixture.VALID;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DAO's milestones and decisions: what they bind to, and every mistake named at once with its key path. */
class MilestonesConfigTest {
    private static final String TOKEN = "0x912CE59144191C1204E64559FE8253a0e49E6548";
    private static final String GOVERNOR = "0xf07DeD9dC292157749B6Fd268E37DF6EA38395B9";
    private static final String COUNCIL = "0xF06E95eF589D9c38af242a8AAee8375f14023F85";
    private static final String PROXY_ADMIN = "0x554723262467F125Ac9e1cDFa9Ce15cc53822dbD";
    private static final String TIMELOCK = "0xE6841D92B0C345144506576eC13ECf5103aC7f49";
    private static final String BASE = VALID + """
                  - kind: ownable
                    chain: eth
                    address: "%s"
                  - kind: timelock
                    chain: eth
                    address: "%s"
            """.formatted(PROXY_ADMIN, TIMELOCK).indent(0);

    @TempDir
    Path directory;
    ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(directory);
    }

    private static String with(String sections) {
        return BASE + sections.indent(4);
    }

    private static final String FULL = """
            milestones:
              phases:
                - {id: B, title: Community participation, order: 2}
                - {id: A, title: Product-market fit, order: 1}
              milestones:
                - id: voting
                  title: Token voting is live
                  phase: A
                  source: https://docs.arbitrum.foundation/
                  check: {activity: {count: proposalsExecuted, atLeast: 1, windowDays: 365}}
                - id: adminIsTimelock
                  title: The timelock owns the ProxyAdmin
                  phase: B
                  after: [voting]
                  check:
                    all:
                      - owner: {chain: eth, address: "%s", in: [{chain: eth, address: "%s"}]}
                      - route: {every: voteOrCouncil, minDelaySeconds: 604800, minKeys: 8}
                      - any:
                          - stage: {atLeast: 1}
                          - requirement: usersHave7DaysToExit
                      - role: {chain: eth, address: "%s", role: PROPOSER_ROLE, in: [{chain: arb1, address: "%s"}]}
                      - metric: {name: nakamoto.majority, atLeast: 5}
                      - metric: {name: equalizer.upgradeControl, atMost: 90.5}
                      - probe: {chain: eth, address: "%s", call: owner(), returns: address, expect: "%s"}
                      - assertion: {value: true, source: "https://l2beat.com/scaling/projects/arbitrum"}
            decisions:
              - id: upgrade
                title: Protocol upgrade
                permissions:
                  - {chain: eth, address: "%s", permission: owner}
                  - {chain: eth, address: "%s", permission: role, role: PROPOSER_ROLE}
                  - {chain: arb1, address: "%s", permission: act, function: "relay(address,uint256,bytes)"}
            """.formatted(PROXY_ADMIN, TIMELOCK, TIMELOCK, GOVERNOR, PROXY_ADMIN, TIMELOCK, PROXY_ADMIN, TIMELOCK, GOVERNOR);

    @Test
    void bindsPhasesMilestonesEveryCheckKindAndDecisions() {
        DaoConfig dao = fixture.load(with(FULL)).dao("arbitrum").orElseThrow();
        MilestonesConfig milestones = dao.milestones();
        assertThat(milestones.phases()).extracting(MilestonesConfig.Phase::id).containsExactly("A", "B");
        MilestonesConfig.Milestone admin = milestones.milestone("adminIsTimelock").orElseThrow();
        assertThat(admin.after()).containsExactly("voting");
        assertThat(admin.source()).isNull();
        MilestoneCheck.All all = (MilestoneCheck.All) admin.check();
        assertThat(all.checks()).hasSize(8);
        assertThat(all.checks().get(0)).isEqualTo(new MilestoneCheck.OwnerCheck("eth", PROXY_ADMIN,
                List.of(new StageConfig.ContractRef("eth", TIMELOCK))));
        assertThat(all.checks().get(1)).isEqualTo(new MilestoneCheck.RouteCheck(null, null, null, "voteOrCouncil", 604_800L, 8));
        assertThat(((MilestoneCheck.Any) all.checks().get(2)).checks()).containsExactly(new MilestoneCheck.StageAtLeast(1),
                new MilestoneCheck.RequirementPassed("usersHave7DaysToExit"));
        assertThat(all.checks().get(5)).isEqualTo(new MilestoneCheck.MetricCheck("equalizer.upgradeControl", null, new BigDecimal("90.5")));
        assertThat(all.checks().get(6)).isEqualTo(new MilestoneCheck.ProbeCheck("eth", PROXY_ADMIN, "owner()", "address",
                TIMELOCK.toLowerCase(Locale.ROOT), "owner()"));
        assertThat(milestones.probes()).hasSize(1);
        assertThat(milestones.milestone("voting").orElseThrow().check())
                .isEqualTo(new MilestoneCheck.ActivityCheck("proposalsExecuted", 1, 365L));
        assertThat(dao.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.permissions()).extracting(DecisionConfig.Permission::permission).containsExactly("owner", "role", "act");
            assertThat(decision.permissions().get(2).function()).isEqualTo("relay(address,uint256,bytes)");
        });
    }

    @Test
    void thePresetsDeclareTheirPathsAndDecisions() {
        Map<String, String> env = Map.of("ETHEREUM_RPC_URL", "https://eth.example", "ARBITRUM_RPC_URL",
                "https://arb.example", "OPTIMISM_RPC_URL", "https://op.example");
        DaoConfig arbitrum = ConfigLoader.parse(Presets.text("arbitrum"), Presets.source("arbitrum"), env).dao("arbitrum").orElseThrow();
        assertThat(arbitrum.milestones().phases()).extracting(MilestonesConfig.Phase::title)
                .containsExactly("Community participation", "Sufficient decentralization");
        assertThat(arbitrum.milestones().milestone("bridgeAnswersToDaoOrCouncil").orElseThrow().check())
                .isEqualTo(new MilestoneCheck.RouteCheck(null, null, null, "voteOrCouncil", null, null));
        assertThat(arbitrum.decisions()).extracting(DecisionConfig::id).contains("protocolUpgrade", "treasuryGrant");
        DaoConfig optimism = ConfigLoader.parse(Presets.text("optimism"), Presets.source("optimism"), env).dao("optimism").orElseThrow();
        assertThat(optimism.milestones().phases()).extracting(MilestonesConfig.Phase::id).containsExactly("A", "B", "C");
        // the respected game type is read once, by the stage section's probe, and decides the permissionless requirement
        assertThat(optimism.milestones().milestone("permissionlessFaultProofs").orElseThrow().check())
                .isEqualTo(new MilestoneCheck.RequirementPassed("fraudProofSystemIsPermissionless"));
        assertThat(optimism.milestones().probes()).extracting(MilestoneCheck.ProbeCheck::call).containsExactly("owner()");
        assertThat(optimism.milestones().milestone("stage2").orElseThrow().after()).hasSize(4);
    }

    /** A governor declared behind a proxy has an admin (owner check), an upgrade route and an upgrade permission. */
    @Test
    void takesTheAdminAndUpgradeOfAContractDeclaredBehindAProxy() {
        String sections = """
                milestones:
                  phases: [{id: A, title: One}]
                  milestones:
                    - id: governorAdmin
                      title: The timelock administers the governor
                      phase: A
                      check:
                        all:
                          - owner: {chain: arb1, address: "%s", in: [{chain: eth, address: "%s"}]}
                          - route: {chain: arb1, address: "%s", permission: upgrade, minDelaySeconds: 604800}
                decisions:
                  - {id: governorUpgrade, title: Governor upgrade, permissions: [{chain: arb1, address: "%s", permission: upgrade}]}
                """.formatted(GOVERNOR, TIMELOCK, GOVERNOR, GOVERNOR);
        String proxied = with(sections).replace("        address: \"" + GOVERNOR + "\"\n",
                "        address: \"" + GOVERNOR + "\"\n        proxy: true\n");
        DaoConfig dao = fixture.load(proxied).dao("arbitrum").orElseThrow();
        assertThat(((MilestoneCheck.All) dao.milestones().milestone("governorAdmin").orElseThrow().check()).checks().get(0))
                .isEqualTo(new MilestoneCheck.OwnerCheck("arb1", GOVERNOR, List.of(new StageConfig.ContractRef("eth", TIMELOCK))));
        assertThat(dao.decisions()).singleElement().satisfies(decision ->
                assertThat(decision.permissions()).extracting(DecisionConfig.Permission::permission).containsExactly("upgrade"));

        // without proxy: true the governor has no admin and no upgrade: each use is named, with the key that would give them
        List<String> problems = fixture.problems(with(sections));
        String hint = " (name a contract of kind %s, or one declared with proxy: true if it sits behind a proxy)";
        assertThat(problems).containsExactlyInAnyOrder(
                "daos.arbitrum.milestones.milestones[0].check.all[0].owner.address: arb1:" + GOVERNOR
                        + " is a contract of kind governor, which has no owner or admin" + hint.formatted("timelock, proxy, ownable"),
                "daos.arbitrum.decisions[0].permissions[0].address: arb1:" + GOVERNOR
                        + " is a contract of kind governor, which has no upgrade" + hint.formatted("proxy"));
    }

    @Test
    void aDaoWithoutTheSectionsHasNone() {
        DaoConfig dao = fixture.load(BASE).dao("arbitrum").orElseThrow();
        assertThat(dao.milestones()).isEqualTo(MilestonesConfig.NONE);
        assertThat(dao.decisions()).isEmpty();
    }

    @Test
    void namesEveryMistakeWithItsKeyPath() {
        String broken = """
                milestones:
                  phases:
                    - {id: A, title: One}
                    - {id: A, title: Again}
                  milestones:
                    - {id: one, title: One, phase: Z, after: [twoo], check: {stage: {atLeast: 3}}}
                    - {id: two, title: Two, phase: A, after: [two], check: {requirement: usersHave7DayToExit}}
                    - {id: two, title: Dup, phase: A, check: {owner: {chain: eth, address: "%s", in: [{chain: eth, address: "%s"}]}}}
                    - {id: three, title: Three, phase: A, source: nowhere, check: {route: {chain: eth}}}
                    - {id: four, title: Four, phase: A, check: {metric: {name: ginni, atLeast: 2, atMost: 1}}}
                    - {id: five, title: Five, phase: A, check: {role: {chain: arb1, address: "%s", role: minter, in: []}}}
                    - {id: six, title: Six, phase: A, check: {activity: {count: votes, atLeast: -1}}}
                    - {id: seven, title: Seven, phase: A, check: {probe: {chain: eth, address: "%s", call: "f(uint256)", returns: bool, expect: maybe}}}
                    - {id: eight, title: Eight, phase: A, check: {owner: {chain: eth, address: "%s", in: [{chain: eth, address: "%s"}]}, assertion: {value: true}}}
                    - {id: nine, title: Nine, phase: A, check: {any: []}}
                    - {id: ten, title: Ten, phase: A, check: {assertion: {value: true}}}
                    - {id: eleven, title: Eleven, phase: A, check: {route: {}}}
                decisions:
                  - {id: d, title: D, permissions: [{chain: eth, address: "%s", permission: upgrade}, {chain: eth, address: "%s", permission: rol}]}
                  - {id: d, title: E, permissions: []}
                """.formatted(COUNCIL, TIMELOCK, TOKEN, PROXY_ADMIN, PROXY_ADMIN, "0x0000000000000000000000000000000000000001",
                PROXY_ADMIN, TIMELOCK);
        List<String> problems = fixture.problems(with(broken));
        String at = "daos.arbitrum.milestones.";
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "phases[1].id: duplicate phase id 'A'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[0].phase: unknown phase 'Z'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[0].after[0]: unknown milestone 'twoo'")
                .contains("did you mean 'two'?"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[0].check.stage.atLeast: no Stage 3"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[1].after[0]: milestone 'two' depends on itself"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[1].check.requirement: unknown requirement 'usersHave7DayToExit'")
                .contains("did you mean 'usersHave7DaysToExit'?"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[2].id: duplicate milestone id 'two'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[2].check.owner.address: eth:" + COUNCIL
                + " is a contract of kind safe, which has no owner or admin"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[3].source: not a link 'nowhere'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[3].check.route.address: missing key 'address'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[4].check.metric.name: unknown metric 'ginni'")
                .contains("did you mean 'gini'?"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[4].check.metric.atMost: atMost 1 below atLeast 2"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[5].check.role.address: arb1:" + TOKEN
                + " is a contract of kind votes-token, which has no roles"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[5].check.role.role: not a role 'minter'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[5].check.role.in: an empty list"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[6].check.activity.count: unknown activity 'votes'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[6].check.activity.atLeast: negative atLeast -1"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[7].check.probe.call: not a call without arguments"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[7].check.probe.expect: not true or false 'maybe'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[8].check: several check kinds in one map"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[9].check.any: a list where a list of checks belongs"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[10].check.assertion.source: missing required key 'source'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(at + "milestones[11].check.route: a route check without a predicate"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.decisions[0].permissions[0].address: eth:" + PROXY_ADMIN
                + " is a contract of kind ownable, which has no upgrade"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.decisions[0].permissions[1].permission: unknown permission 'rol'")
                .contains("did you mean 'role'?"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.decisions[1].id: duplicate decision id 'd'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.decisions[1].permissions: no permissions"));
    }

    @Test
    void refusesACycleInAfterNamingIt() {
        String cycle = """
                milestones:
                  phases: [{id: A, title: One}]
                  milestones:
                    - {id: root, title: Root, phase: A, check: {assertion: {value: true, source: "https://example.org"}}}
                    - {id: left, title: Left, phase: A, after: [root, right], check: {assertion: {value: true, source: "https://example.org"}}}
                    - {id: right, title: Right, phase: A, after: [bottom], check: {assertion: {value: true, source: "https://example.org"}}}
                    - {id: bottom, title: Bottom, phase: A, after: [left], check: {assertion: {value: true, source: "https://example.org"}}}
                """;
        assertThat(fixture.problems(with(cycle))).singleElement().satisfies(line -> assertThat(line)
                .startsWith("daos.arbitrum.milestones.milestones[1].after: cycle in after: left → right → bottom → left"));
    }

    @Test
    void acceptsADiamond() {
        String diamond = """
                milestones:
                  phases: [{id: A, title: One}]
                  milestones:
                    - {id: root, title: Root, phase: A, check: {assertion: {value: true, source: "https://example.org"}}}
                    - {id: left, title: Left, phase: A, after: [root], check: {assertion: {value: true, source: "https://example.org"}}}
                    - {id: right, title: Right, phase: A, after: [root], check: {assertion: {value: true, source: "https://example.org"}}}
                    - {id: top, title: Top, phase: A, after: [left, right], check: {assertion: {value: true, source: "https://example.org"}}}
                """;
        assertThat(fixture.load(with(diamond)).dao("arbitrum").orElseThrow().milestones().milestones()).hasSize(4);
    }
}
