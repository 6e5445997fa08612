package org.stagewatch.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.config.ContractKind.GOVERNOR;
import static org.stagewatch.decode.RecordedLogs.ALICE;
import static org.stagewatch.decode.RecordedLogs.BOB;
import static org.stagewatch.decode.RecordedLogs.CAROL;
import static org.stagewatch.decode.RecordedLogs.DAVE;
import static org.stagewatch.decode.RecordedLogs.ZERO;
import static org.stagewatch.decode.RecordedLogs.decodeAll;
import static org.stagewatch.decode.RecordedLogs.load;
import static org.stagewatch.decode.RecordedLogs.only;
import static org.stagewatch.decode.RecordedLogs.single;

import java.math.BigInteger;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.GovernorSettingChanged;
import org.stagewatch.decode.event.ProposalCanceled;
import org.stagewatch.decode.event.ProposalCreated;
import org.stagewatch.decode.event.ProposalExecuted;
import org.stagewatch.decode.event.ProposalExtended;
import org.stagewatch.decode.event.ProposalQueued;
import org.stagewatch.decode.event.TimelockChange;
import org.stagewatch.decode.event.VoteCast;

/** OZ 5 governor (real contract), OZ 4.x names, GovernorBravo and GovernorAlpha, from recorded logs. */
class GovernorDecodingTest {
    private static final BigInteger E18 = BigInteger.TEN.pow(18);

    @Test
    void every_log_of_the_oz5_governor_decodes_in_order() {
        assertThat(decodeAll(GOVERNOR, "governor-oz-v5.json")).hasSameSizeAs(load("governor-oz-v5.json"));
    }

    @Test
    void oz5_proposal_created_carries_targets_calldatas_window_and_description() {
        List<ProposalCreated> created = only(decodeAll(GOVERNOR, "governor-oz-v5.json"), ProposalCreated.class);
        ProposalCreated first = created.get(0);
        assertThat(first.variant()).isEqualTo("A");
        assertThat(first.proposer()).isEqualTo(ALICE);
        assertThat(first.targets()).hasSize(6).containsOnly(first.log().address());
        assertThat(first.values()).containsOnly(BigInteger.ZERO);
        assertThat(first.signatures()).containsOnly("");
        // setVotingDelay(uint48) selector 0x79051887, argument 2
        assertThat(first.calldatas().get(0)).startsWith("0x79051887").endsWith("02");
        assertThat(first.voteEnd().subtract(first.voteStart())).isEqualTo(BigInteger.valueOf(20));
        assertThat(first.description()).startsWith("# Tune governance settings\n\n");
        assertThat(first.votingModule()).isNull();
        assertThat(first.proposalData()).isNull();
        assertThat(first.proposalType()).isNull();
    }

    @Test
    void vote_cast_with_params_keeps_the_fractional_split_as_hex() {
        List<VoteCast> votes = only(decodeAll(GOVERNOR, "governor-oz-v5.json"), VoteCast.class);
        assertThat(votes).extracting(VoteCast::voter).containsExactly(DAVE, ALICE, CAROL);
        VoteCast dave = votes.get(0);
        assertThat(dave.support()).isEqualTo(1);
        assertThat(dave.weight()).isEqualTo(E18.multiply(BigInteger.valueOf(100_000)));
        assertThat(dave.reason()).isEqualTo("Small holder in favour");
        assertThat(dave.params()).isNull();
        VoteCast alice = votes.get(1);
        assertThat(alice.support()).isEqualTo(255);
        assertThat(alice.weight()).isEqualTo(E18.multiply(BigInteger.valueOf(1_900_000)));
        assertThat(alice.reason()).isEqualTo("Split: mostly for");
        // packed uint128 against, for, abstain
        String params = alice.params();
        assertThat(params).hasSize(2 + 3 * 32);
        assertThat(new BigInteger(params.substring(2 + 32, 2 + 64), 16))
                .isEqualTo(E18.multiply(BigInteger.valueOf(1_700_000)));
        assertThat(votes.get(2).support()).isZero();
    }

    @Test
    void oz5_lifecycle_and_settings_history_decode() {
        List<DecodedEvent> events = decodeAll(GOVERNOR, "governor-oz-v5.json");
        ProposalCreated first = only(events, ProposalCreated.class).get(0);
        ProposalExtended extended = single(events, ProposalExtended.class);
        assertThat(extended.proposalId()).isEqualTo(first.proposalId());
        assertThat(extended.extendedDeadline()).isGreaterThan(first.voteEnd());
        assertThat(single(events, ProposalQueued.class).eta()).isPositive();
        assertThat(single(events, ProposalExecuted.class).proposalId()).isEqualTo(first.proposalId());
        assertThat(single(events, ProposalCanceled.class).proposalId())
                .isEqualTo(only(events, ProposalCreated.class).get(1).proposalId());
        assertThat(only(events, GovernorSettingChanged.class))
                .extracting(GovernorSettingChanged::setting, s -> s.oldValue().toString(), s -> s.newValue().toString())
                .containsSubsequence(
                        Tuple.tuple("votingDelay", "1", "2"),
                        Tuple.tuple("votingPeriod", "20", "30"),
                        Tuple.tuple("proposalThreshold", "0", E18.multiply(BigInteger.valueOf(1000)).toString()),
                        Tuple.tuple("quorumNumerator", "4", "5"),
                        Tuple.tuple("lateQuorumVoteExtension", "5", "10"));
        List<TimelockChange> timelocks = only(events, TimelockChange.class);
        assertThat(timelocks.get(0).oldTimelock()).isEqualTo(ZERO);
        assertThat(timelocks.get(1).oldTimelock()).isEqualTo(timelocks.get(0).newTimelock());
    }

    @Test
    void oz4_event_names_decode_to_the_same_records() {
        List<DecodedEvent> events = decodeAll(GOVERNOR, "governor-oz-v4.json");
        assertThat(events).hasSize(13);
        ProposalCreated created = single(events, ProposalCreated.class);
        assertThat(created.variant()).isEqualTo("A");
        assertThat(created.voteEnd().subtract(created.voteStart())).isEqualTo(BigInteger.valueOf(100_800));
        assertThat(only(events, VoteCast.class)).extracting(VoteCast::params).containsExactly(null, "0x");
        assertThat(single(events, ProposalExtended.class).extendedDeadline()).isGreaterThan(created.voteEnd());
    }

    @Test
    void bravo_ids_are_counters_and_signatures_are_kept() {
        List<DecodedEvent> events = decodeAll(GOVERNOR, "governor-bravo.json");
        ProposalCreated created = single(events, ProposalCreated.class);
        assertThat(created.proposalId()).isEqualTo(BigInteger.valueOf(42));
        assertThat(created.signatures()).containsExactly("_setPendingAdmin(address)", "transfer(address,uint256)");
        assertThat(created.calldatas().get(0)).isEqualTo("0x000000000000000000000000" + ALICE.substring(2));
        assertThat(only(events, VoteCast.class)).extracting(VoteCast::voter, VoteCast::support, VoteCast::reason)
                .containsExactly(
                        Tuple.tuple(ALICE, 1, "For the community multisig"),
                        Tuple.tuple(BOB, 0, ""),
                        Tuple.tuple(CAROL, 2, "abstain: conflicted"));
        assertThat(only(events, GovernorSettingChanged.class)).extracting(GovernorSettingChanged::setting)
                .containsExactly("votingDelay", "votingPeriod", "proposalThreshold");
    }

    @Test
    void governor_alpha_bool_support_maps_to_one_and_zero_with_an_empty_reason() {
        List<VoteCast> votes = only(decodeAll(GOVERNOR, "governor-alpha.json"), VoteCast.class);
        assertThat(votes).extracting(VoteCast::voter, VoteCast::support, VoteCast::reason, VoteCast::params)
                .containsExactly(
                        Tuple.tuple(ALICE, 1, "", null),
                        Tuple.tuple(BOB, 0, "", null));
        assertThat(votes.get(0).weight()).isEqualTo(E18.multiply(BigInteger.valueOf(500_000)));
        assertThat(votes.get(0).proposalId()).isEqualTo(BigInteger.ONE);
    }
}
