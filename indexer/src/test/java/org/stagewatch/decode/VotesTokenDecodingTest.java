package org.stagewatch.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.stagewatch.config.ContractKind.VOTES_TOKEN;
import static org.stagewatch.decode.RecordedLogs.ALICE;
import static org.stagewatch.decode.RecordedLogs.BOB;
import static org.stagewatch.decode.RecordedLogs.CAROL;
import static org.stagewatch.decode.RecordedLogs.DAVE;
import static org.stagewatch.decode.RecordedLogs.DEPLOYER;
import static org.stagewatch.decode.RecordedLogs.ZERO;
import static org.stagewatch.decode.RecordedLogs.decodeAll;
import static org.stagewatch.decode.RecordedLogs.load;
import static org.stagewatch.decode.RecordedLogs.only;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.DelegateChanged;
import org.stagewatch.decode.event.DelegateVotesChanged;
import org.stagewatch.decode.event.Transfer;

/** OZ 5 ERC20Votes, with the delegation traps events.md lists, from recorded logs. */
class VotesTokenDecodingTest {
    private static final BigInteger K = BigInteger.TEN.pow(21); // one thousand tokens
    private final List<DecodedEvent> events = decodeAll(VOTES_TOKEN, "votes-token.json");

    @Test
    void every_log_of_the_token_decodes() {
        assertThat(events).hasSameSizeAs(load("votes-token.json"));
    }

    @Test
    void transfers_include_the_mint_from_the_zero_address() {
        assertThat(only(events, Transfer.class)).extracting(Transfer::from, Transfer::to, Transfer::value)
                .startsWith(tuple(ZERO, DEPLOYER, K.multiply(BigInteger.valueOf(10_000))))
                .contains(tuple(ALICE, DAVE, K.multiply(BigInteger.valueOf(100))));
    }

    @Test
    void redelegation_and_a_no_op_self_delegation_decode_as_emitted() {
        assertThat(only(events, DelegateChanged.class))
                .extracting(DelegateChanged::delegator, DelegateChanged::fromDelegate, DelegateChanged::toDelegate)
                .containsExactly(tuple(ALICE, ZERO, ALICE), tuple(BOB, ZERO, ALICE), tuple(CAROL, ZERO, CAROL),
                        tuple(BOB, ALICE, CAROL), tuple(CAROL, CAROL, CAROL), tuple(DAVE, ZERO, DAVE));
    }

    @Test
    void delegate_votes_changed_gives_the_power_after_each_log() {
        assertThat(only(events, DelegateVotesChanged.class))
                .extracting(DelegateVotesChanged::delegate, e -> e.newVotes().divide(K).intValueExact())
                .containsExactly(tuple(ALICE, 2000), tuple(ALICE, 3000), tuple(CAROL, 500), tuple(ALICE, 2000),
                        tuple(CAROL, 1500), tuple(ALICE, 1900), tuple(DAVE, 100));
    }

    @Test
    void an_erc721_transfer_shares_topic0_but_has_four_topics_and_is_not_decoded() {
        var nftTransfer = load("erc721-transfer.json").get(0);
        assertThat(nftTransfer.topic0()).isEqualTo(load("votes-token.json").get(0).topic0());
        assertThat(nftTransfer.topics()).hasSize(4);
        assertThat(RecordedLogs.DECODER.decode(VOTES_TOKEN, nftTransfer)).isEmpty();
    }
}
