package org.stagewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.config.ConfigFixture.VALID;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.store.StageDeclaration;

/** A DAO's stage section: what it binds to, and every mistake named with its key path. */
class StageConfigTest {
    private static final String COUNCIL = "0xF06E95eF589D9c38af242a8AAee8375f14023F85";
    private static final String SIGNER_A = "0x1111111111111111111111111111111111111111";
    private static final String SIGNER_B = "0x2222222222222222222222222222222222222222";
    private static final String BASE = VALID.replace("        critical: true\n", "        critical: true\n        council: true\n");

    @TempDir
    Path directory;
    ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(directory);
    }

    private static String withStage(String stage) {
        return BASE + "    stage:\n" + stage.indent(6);
    }

    private static final String FULL = """
            exitDelay:
              - {label: force-inclusion delay, seconds: 86400, source: "https://l2beat.com/scaling/projects/arbitrum"}
              - {label: challenge period, seconds: 549816}
            councils:
              - chain: eth
                address: "%s"
                announced: https://docs.arbitrum.foundation/security-council-members
                outsideTeam: true
                entities:
                  - {name: Team, outsideTeam: false, signers: ["%s", "%s"]}
            assertions:
              callsItselfRollup: {value: true, source: "https://l2beat.com/scaling/projects/arbitrum"}
              proofSystemOverriddenOnlyInCaseOfABug: {value: false, source: "https://l2beat.com/scaling/projects/arbitrum"}
            probes:
              - chain: eth
                address: "0x4DCeB440657f21083db8aDd07665f8ddBe1DCfc0"
                call: validatorWhitelistDisabled()
                returns: bool
                expect: true
                requirements: [fraudProofSystemIsPermissionless, fraudProofSystemAtLeast5Outsiders]
            treasuries:
              - {chain: arb1, address: "0xf07DeD9dC292157749B6Fd268E37DF6EA38395B9"}
            """.formatted(COUNCIL, SIGNER_A, SIGNER_B);

    @Test
    void bindsEveryPartOfTheStageSection() {
        StageConfig stage = fixture.load(withStage(FULL)).dao("arbitrum").orElseThrow().stage();
        assertThat(stage.exitDelaySeconds()).isEqualTo(86_400 + 549_816);
        assertThat(stage.exitDelay().get(1).source()).isNull();
        assertThat(stage.councils()).singleElement().satisfies(council -> {
            assertThat(council.address()).isEqualTo(COUNCIL);
            assertThat(council.outsideTeam()).isTrue();
            assertThat(council.entities()).singleElement().satisfies(entity -> {
                assertThat(entity.outsideTeam()).isFalse();
                assertThat(entity.signers()).containsExactly(SIGNER_A, SIGNER_B);
            });
        });
        assertThat(stage.assertions()).containsOnlyKeys("callsItselfRollup", "proofSystemOverriddenOnlyInCaseOfABug");
        assertThat(stage.assertions().get("proofSystemOverriddenOnlyInCaseOfABug").value()).isFalse();
        assertThat(stage.probes()).singleElement().satisfies(probe -> {
            assertThat(probe.expect()).containsExactly("true");
            assertThat(probe.label()).isEqualTo("validatorWhitelistDisabled()");
            assertThat(probe.requirements()).containsExactly("fraudProofSystemIsPermissionless", "fraudProofSystemAtLeast5Outsiders");
        });
        assertThat(stage.treasuries()).singleElement().extracting(StageConfig.ContractRef::chain).isEqualTo("arb1");
    }

    private static final String PROOF_SYSTEM = """
            assertions:
              noRedTrustedSetups: {value: n/a, source: "https://l2beat.com/scaling/projects/op-mainnet"}
              proverSourcePublished: {value: n/a, source: "https://l2beat.com/scaling/projects/op-mainnet"}
              verifierContractsReproducible: {value: N/A, source: "https://l2beat.com/scaling/projects/op-mainnet"}
              programHashesReproducible: {value: true, source: "https://l2beat.com/scaling/projects/op-mainnet"}
            probes:
              - chain: eth
                address: "0xbEb5Fc579115071764c7423A4f12eDde41f106Ed"
                call: respectedGameType()
                returns: uint256
                expect: [0, "0x8"]
                requirements: [fraudProofSystemIsPermissionless]
            """;

    @Test
    void bindsNotApplicableAssertionsAndAListOfExpectedValues() {
        String stage = PROOF_SYSTEM.replace("value: N/A", "value: n/a");
        StageConfig bound = fixture.load(withStage(stage)).dao("arbitrum").orElseThrow().stage();
        assertThat(bound.assertions()).containsOnlyKeys("noRedTrustedSetups", "proverSourcePublished", "verifierContractsReproducible",
                "programHashesReproducible");
        assertThat(bound.assertions().get("noRedTrustedSetups").value()).isNull();
        assertThat(bound.assertions().get("noRedTrustedSetups").applies()).isFalse();
        assertThat(bound.assertions().get("noRedTrustedSetups").text()).isEqualTo("n/a");
        assertThat(bound.assertions().get("programHashesReproducible").value()).isTrue();
        assertThat(bound.probes()).singleElement().satisfies(probe -> {
            assertThat(probe.expect()).as("hex normalized to decimal, file order").containsExactly("0", "8");
            assertThat(probe.passes("8")).isTrue();
            assertThat(probe.passes("1")).isFalse();
            assertThat(probe.expectation()).isEqualTo("one of 0, 8");
        });
    }

    @Test
    void readsAStoredDeclarationWithOneExpectedValueOrANotApplicableAssertion() {
        String stage = FULL.replace("  callsItselfRollup:", "  noRedTrustedSetups: {value: n/a, source: \"https://l2beat.com\"}\n  callsItselfRollup:");
        StageConfig bound = fixture.load(withStage(stage)).dao("arbitrum").orElseThrow().stage();
        assertThat(bound.assertions().get("noRedTrustedSetups").applies()).isFalse();
        StageDeclaration declaration = new StageDeclaration(Map.of("eth", 1L, "arb1", 42161L), bound);
        String json = declaration.toJson();
        assertThat(StageDeclaration.fromJson(json)).isEqualTo(declaration);
        // written before expect took a list: a single value reads as a list of one
        String older = json.replace("\"expect\":[\"true\"]", "\"expect\":\"true\"");
        assertThat(older).isNotEqualTo(json);
        assertThat(StageDeclaration.fromJson(older).stage().probes().get(0).expect()).containsExactly("true");
    }

    @Test
    void refusesBadExpectedValuesAndNotApplicableWhereAPartIsDerived() {
        String broken = """
                assertions:
                  principle: {value: n/a, source: "https://l2beat.com"}
                  noRedTrustedSetups: {value: maybe, source: "https://l2beat.com"}
                probes:
                  - {chain: eth, address: "0xbEb5Fc579115071764c7423A4f12eDde41f106Ed", call: "a()", returns: uint256,
                     expect: [], requirements: [fraudProofSystemIsPermissionless]}
                  - {chain: eth, address: "0xbEb5Fc579115071764c7423A4f12eDde41f106Ed", call: "b()", returns: uint256,
                     expect: [8, "0x8"], requirements: [fraudProofSystemIsPermissionless]}
                  - {chain: eth, address: "0xbEb5Fc579115071764c7423A4f12eDde41f106Ed", call: "c()", returns: uint256,
                     expect: [0, x], requirements: [fraudProofSystemIsPermissionless]}
                  - {chain: eth, address: "0xbEb5Fc579115071764c7423A4f12eDde41f106Ed", call: "d()", returns: bool,
                     expect: [true, {a: 1}], requirements: [fraudProofSystemIsPermissionless]}
                """;
        List<String> problems = fixture.problems(withStage(broken));
        assertThat(problems).anySatisfy(line -> assertThat(line)
                .startsWith("daos.arbitrum.stage.assertions.principle.value: principle cannot be n/a"));
        assertThat(problems).anySatisfy(line -> assertThat(line)
                .startsWith("daos.arbitrum.stage.assertions.noRedTrustedSetups.value: not true, false or n/a 'maybe'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.probes[0].expect: an empty list"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.probes[1].expect: '0x8' listed twice"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.probes[2].expect: not a uint256 'x'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.probes[3].expect: a map where a single value"));
        assertThat(problems).hasSize(6);
    }

    @Test
    void aDaoWithoutAStageSectionHasAnEmptyOne() {
        assertThat(fixture.load(BASE).dao("arbitrum").orElseThrow().stage()).isEqualTo(StageConfig.NONE);
    }

    @Test
    void namesEveryMistakeWithItsKeyPath() {
        String broken = """
                exitDelay:
                  - {seconds: -5}
                councils:
                  - {chain: eth, address: "0x912CE59144191C1204E64559FE8253a0e49E6548", announced: not-a-link}
                assertions:
                  usersHave7DaysToExit: {value: true, source: "https://l2beat.com"}
                  callsItselfRolup: {value: true, source: "https://l2beat.com"}
                  stateRootsPostedToL1: {value: yes, source: "https://l2beat.com"}
                  dataAvailabilityOnL1: {value: true}
                probes:
                  - {chain: eht, address: "0x4DCeB440657f21083db8aDd07665f8ddBe1DCfc0", call: "balanceOf(address)", returns: int,
                     expect: 1, requirements: []}
                  - {chain: eth, address: "0x4DCeB440657f21083db8aDd07665f8ddBe1DCfc0", call: "x()", returns: uint256,
                     expect: "-3", requirements: [principle]}
                treasuries:
                  - {chain: eth, address: "0x0B9857ae2D4A3DBe74ffE1d7DF045bb7F96E4840"}
                """;
        List<String> problems = fixture.problems(withStage(broken));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.exitDelay[0].seconds: negative seconds -5"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.councils[0].address: ")
                .contains("is not a Safe of this DAO marked council: true"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.councils[0].announced: not a link"));
        assertThat(problems).anySatisfy(line -> assertThat(line)
                .startsWith("daos.arbitrum.stage.assertions.usersHave7DaysToExit: usersHave7DaysToExit is derived from indexed state"));
        assertThat(problems).anySatisfy(line -> assertThat(line)
                .startsWith("daos.arbitrum.stage.assertions.callsItselfRolup: unknown requirement 'callsItselfRolup'")
                .contains("did you mean 'callsItselfRollup'?"));
        assertThat(problems).anySatisfy(line -> assertThat(line)
                .startsWith("daos.arbitrum.stage.assertions.stateRootsPostedToL1.value: not true, false or n/a 'yes'"));
        assertThat(problems).anySatisfy(line -> assertThat(line)
                .startsWith("daos.arbitrum.stage.assertions.dataAvailabilityOnL1.source: missing required key 'source'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.probes[0].chain: undeclared chain 'eht'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.probes[0].call: not a call without arguments"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.probes[0].returns: unknown result type 'int'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.probes[0].requirements: a list"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.probes[1].expect: not a uint256 '-3'"));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("daos.arbitrum.stage.treasuries[0].address: ")
                .contains("is not a contract of this DAO"));
    }

    @Test
    void refusesASignerListedUnderTwoEntities() {
        String stage = """
                councils:
                  - chain: eth
                    address: "%s"
                    entities:
                      - {name: A, signers: ["%s"]}
                      - {name: B, signers: ["%s"]}
                """.formatted(COUNCIL, SIGNER_A, SIGNER_A);
        assertThat(fixture.problems(withStage(stage))).singleElement().satisfies(line -> assertThat(line)
                .startsWith("daos.arbitrum.stage.councils[0].entities[1].signers[0]: signer " + SIGNER_A + " is also listed under"));
    }
}
