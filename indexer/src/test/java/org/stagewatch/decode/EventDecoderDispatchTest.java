package org.stagewatch.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stagewatch.decode.RecordedLogs.DECODER;
import static org.stagewatch.decode.RecordedLogs.load;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;

/** Dispatch on (emitter kind, topic0, topic count) and the refusal of malformed payloads. */
class EventDecoderDispatchTest {
    private final RawLog safe13RemovedOwner = withTopic0(load("safe-v1.3.json"),
            "0xf8d49fc529812e9a7c5c50e69c20f0dccc0db8fa95c98bc58cc9a4f1c1299eaf");
    private final RawLog proposalCreated = load("governor-oz-v5.json").stream()
            .filter(log -> log.topic0().startsWith("0x7d84a626")).findFirst().orElseThrow();

    @Test
    void an_unknown_topic0_decodes_to_nothing() {
        RawLog unknown = copy(proposalCreated, List.of("0x" + "ab".repeat(32)), proposalCreated.data());
        assertThat(DECODER.decode(ContractKind.GOVERNOR, unknown)).isEmpty();
    }

    @Test
    void a_log_without_topics_decodes_to_nothing() {
        assertThat(DECODER.decode(ContractKind.GOVERNOR, copy(proposalCreated, List.of(), "0x"))).isEmpty();
    }

    @Test
    void another_kinds_event_emitted_by_a_contract_of_this_kind_decodes_to_nothing() {
        assertThat(DECODER.decode(ContractKind.SAFE, safe13RemovedOwner)).isPresent();
        assertThat(DECODER.decode(ContractKind.GOVERNOR, safe13RemovedOwner)).isEmpty();
        assertThat(DECODER.decode(ContractKind.SAFE, proposalCreated)).isEmpty();
    }

    @Test
    void the_right_topic0_with_another_topic_count_is_not_mis_decoded() {
        // ProposalCreated (variant A) has only topic0; with an extra topic it is no known layout.
        List<String> topics = new ArrayList<>(proposalCreated.topics());
        topics.add("0x" + "0".repeat(24) + "70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(DECODER.decode(ContractKind.GOVERNOR, copy(proposalCreated, topics, proposalCreated.data())))
                .isEmpty();
        // Safe RemovedOwner with 3 topics is neither the 1.3 (1 topic) nor the 1.4 (2 topics) form.
        List<String> three = List.of(safe13RemovedOwner.topic0(), "0x" + "0".repeat(64), "0x" + "0".repeat(64));
        assertThat(DECODER.decode(ContractKind.SAFE, copy(safe13RemovedOwner, three, "0x"))).isEmpty();
    }

    @Test
    void truncated_data_throws_naming_chain_block_tx_log_index_address_and_event() {
        RawLog truncated = copy(proposalCreated, proposalCreated.topics(), proposalCreated.data().substring(0, 2 + 64 * 4));
        assertThatThrownBy(() -> DECODER.decode(ContractKind.GOVERNOR, truncated))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)")
                .hasMessageContaining("chain 31337")
                .hasMessageContaining("block " + truncated.blockNumber())
                .hasMessageContaining("tx " + truncated.txHash())
                .hasMessageContaining("logIndex " + truncated.logIndex())
                .hasMessageContaining("address " + truncated.address())
                .hasMessageContaining("data is 128 bytes");
    }

    @Test
    void a_dynamic_offset_pointing_past_the_data_throws() {
        String data = proposalCreated.data();
        // Third head word is the offset of targets[]; point it far beyond the payload.
        String badOffset = data.substring(0, 2 + 128) + "%064x".formatted(1_000_000) + data.substring(2 + 192);
        assertThatThrownBy(() -> DECODER.decode(ContractKind.GOVERNOR, copy(proposalCreated, proposalCreated.topics(), badOffset)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("targets");
    }

    @Test
    void a_string_length_running_past_the_data_throws() {
        String data = proposalCreated.data();
        // The description is the last dynamic value: cut its padding so its bytes run off the end.
        RawLog cut = copy(proposalCreated, proposalCreated.topics(), data.substring(0, data.length() - 64));
        assertThatThrownBy(() -> DECODER.decode(ContractKind.GOVERNOR, cut))
                .isInstanceOf(DecodeException.class).hasMessageContaining("description");
    }

    @Test
    void an_address_with_dirty_high_bytes_throws() {
        String data = safe13RemovedOwner.data();
        RawLog dirty = copy(safe13RemovedOwner, safe13RemovedOwner.topics(), "0xff" + data.substring(4));
        assertThatThrownBy(() -> DECODER.decode(ContractKind.SAFE, dirty))
                .isInstanceOf(DecodeException.class).hasMessageContaining("padding")
                .hasMessageContaining("RemovedOwner(address) [safe/safe-v1.3]");
    }

    @Test
    void data_that_is_not_hex_throws() {
        RawLog notHex = copy(safe13RemovedOwner, safe13RemovedOwner.topics(), "0xzz");
        assertThatThrownBy(() -> DECODER.decode(ContractKind.SAFE, notHex)).isInstanceOf(DecodeException.class);
    }

    @Test
    void upper_case_topic0_from_a_node_still_dispatches() {
        RawLog upper = copy(safe13RemovedOwner,
                List.of("0x" + safe13RemovedOwner.topic0().substring(2).toUpperCase()), safe13RemovedOwner.data());
        assertThat(DECODER.decode(ContractKind.SAFE, upper)).isPresent();
    }

    @Test
    void topic0s_for_a_kind_are_what_eth_get_logs_should_ask_for() {
        assertThat(DECODER.topic0s(ContractKind.VOTES_TOKEN)).containsExactlyInAnyOrder(
                "0x3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f",
                "0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724",
                "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
        assertThat(DECODER.topic0s(ContractKind.SAFE)).hasSize(12);
    }

    private static RawLog withTopic0(List<RawLog> logs, String topic0) {
        return logs.stream().filter(log -> topic0.equals(log.topic0())).findFirst().orElseThrow();
    }

    private static RawLog copy(RawLog log, List<String> topics, String data) {
        return new RawLog(log.chainId(), log.blockNumber(), log.blockHash(), log.txHash(), log.txIndex(),
                log.logIndex(), log.address(), topics, data);
    }
}
