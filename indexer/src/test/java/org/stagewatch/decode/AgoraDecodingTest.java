package org.stagewatch.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.config.ContractKind.GOVERNOR;
import static org.stagewatch.decode.RecordedLogs.ALICE;
import static org.stagewatch.decode.RecordedLogs.decodeAll;
import static org.stagewatch.decode.RecordedLogs.load;
import static org.stagewatch.decode.RecordedLogs.only;
import static org.stagewatch.decode.RecordedLogs.single;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.ProposalCreated;
import org.stagewatch.decode.event.ProposalDeadlineUpdated;
import org.stagewatch.decode.event.ProposalQueued;
import org.stagewatch.decode.event.ProposalTypeUpdated;
import org.stagewatch.decode.event.VotableSupplyUpdated;
import org.stagewatch.decode.event.VoteCast;

/** Optimism's Agora governor: the four ProposalCreated variants, D's legacy form, manager edits. */
class AgoraDecodingTest {
    private static final String APPROVAL_MODULE = "0xdd0229d72a414dc821dec66f3cc4ef6db2c7b7df";
    private static final String OPTIMISTIC_MODULE = "0x27964c5f4f389b8399036e1076d84c6984576c33";
    private static final String OP = "0x4200000000000000000000000000000000000042";

    private final List<ProposalCreated> created = only(decodeAll(GOVERNOR, "governor-agora.json"), ProposalCreated.class);

    @Test
    void the_four_variants_are_told_apart_by_declaration() {
        assertThat(created).extracting(ProposalCreated::variant).containsExactly("A", "B", "C", "D");
        assertThat(created).extracting(ProposalCreated::proposer).containsOnly(ALICE);
        assertThat(load("governor-agora.json").subList(0, 4)).extracting(log -> log.topics().size())
                .containsExactly(1, 1, 3, 4);
    }

    @Test
    void variant_a_and_c_carry_targets_and_c_a_proposal_type() {
        ProposalCreated a = created.get(0);
        ProposalCreated c = created.get(2);
        assertThat(a.targets()).containsExactly(OP);
        assertThat(a.proposalType()).isNull();
        assertThat(c.targets()).containsExactly(OP);
        assertThat(c.calldatas().get(0)).startsWith("0xa9059cbb");
        assertThat(c.description()).isEqualTo("Protocol upgrade 9: fault proofs");
        assertThat(c.proposalType()).isEqualTo(3);
        assertThat(c.votingModule()).isNull();
    }

    @Test
    void variant_b_and_d_carry_a_voting_module_and_its_data_instead_of_targets() {
        ProposalCreated b = created.get(1);
        ProposalCreated d = created.get(3);
        assertThat(b.votingModule()).isEqualTo(APPROVAL_MODULE);
        assertThat(b.proposalData()).startsWith("0x").hasSizeGreaterThan(2 + 64 * 10);
        assertThat(b.targets()).isEmpty();
        assertThat(b.proposalType()).isNull();
        assertThat(d.votingModule()).isEqualTo(OPTIMISTIC_MODULE);
        // OptimisticModule data: (uint248 againstThreshold = 2000, bool relative = true)
        assertThat(d.proposalData()).isEqualTo("0x" + "0".repeat(61) + "7d0" + "0".repeat(63) + "1");
        assertThat(d.proposalType()).isEqualTo(4);
        assertThat(d.voteEnd().subtract(d.voteStart())).isEqualTo(BigInteger.valueOf(42_000));
    }

    @Test
    void variant_d_legacy_form_without_indexed_parameters_decodes_like_the_indexed_one() {
        var legacyLog = load("governor-agora-legacy.json").get(0);
        assertThat(legacyLog.topics()).hasSize(1);
        assertThat(legacyLog.topic0()).isEqualTo(load("governor-agora.json").get(3).topic0());
        ProposalCreated legacy = (ProposalCreated) RecordedLogs.DECODER.decode(GOVERNOR, legacyLog).orElseThrow();
        assertThat(legacy.variant()).isEqualTo("D");
        assertThat(legacy.proposer()).isEqualTo(ALICE);
        assertThat(legacy.votingModule()).isEqualTo(APPROVAL_MODULE);
        assertThat(legacy.proposalType()).isEqualTo(2);
        assertThat(legacy.description()).isEqualTo("Citizens House budget (legacy event)");
        assertThat(legacy.proposalData()).isEqualTo(created.get(1).proposalData());
    }

    @Test
    void manager_edits_votes_and_lifecycle_decode() {
        List<DecodedEvent> events = decodeAll(GOVERNOR, "governor-agora.json");
        assertThat(single(events, ProposalDeadlineUpdated.class).deadline()).isEqualTo(BigInteger.valueOf(120_000_000));
        assertThat(single(events, ProposalTypeUpdated.class).proposalType()).isEqualTo(1);
        List<VoteCast> votes = only(events, VoteCast.class);
        assertThat(votes.get(0).params()).isNull();
        // ApprovalVotingModule params: abi.encode(uint256[] options = [0, 1])
        assertThat(votes.get(1).params()).hasSize(2 + 4 * 64).endsWith("1");
        assertThat(single(events, ProposalQueued.class).eta()).isEqualTo(BigInteger.valueOf(1_735_689_600));
    }

    @Test
    void votable_supply_updates_and_checkpoint_corrections_decode() {
        List<VotableSupplyUpdated> updates = only(decodeAll(GOVERNOR, "votable-supply.json"), VotableSupplyUpdated.class);
        BigInteger m = BigInteger.TEN.pow(25);
        assertThat(updates).extracting(VotableSupplyUpdated::newSupply)
                .containsExactly(m.multiply(BigInteger.valueOf(85)), m.multiply(BigInteger.valueOf(86)),
                        m.multiply(BigInteger.valueOf(84)));
        assertThat(updates.get(0).checkpointBlock()).isNull();
        assertThat(updates.get(2).checkpointBlock()).isEqualTo(BigInteger.valueOf(updates.get(0).log().blockNumber()));
        assertThat(updates.get(2).previousSupply()).isEqualTo(m.multiply(BigInteger.valueOf(85)));
    }
}
