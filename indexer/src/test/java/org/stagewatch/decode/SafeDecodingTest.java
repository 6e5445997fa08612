package org.stagewatch.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.stagewatch.config.ContractKind.SAFE;
import static org.stagewatch.decode.RecordedLogs.ALICE;
import static org.stagewatch.decode.RecordedLogs.BOB;
import static org.stagewatch.decode.RecordedLogs.CAROL;
import static org.stagewatch.decode.RecordedLogs.DAVE;
import static org.stagewatch.decode.RecordedLogs.ERIN;
import static org.stagewatch.decode.RecordedLogs.ZERO;
import static org.stagewatch.decode.RecordedLogs.decodeAll;
import static org.stagewatch.decode.RecordedLogs.load;
import static org.stagewatch.decode.RecordedLogs.only;
import static org.stagewatch.decode.RecordedLogs.single;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stagewatch.chain.RawLog;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.GuardChanged;
import org.stagewatch.decode.event.ModuleDisabled;
import org.stagewatch.decode.event.ModuleEnabled;
import org.stagewatch.decode.event.OwnerAdded;
import org.stagewatch.decode.event.OwnerRemoved;
import org.stagewatch.decode.event.SafeExecution;
import org.stagewatch.decode.event.SafeModuleExecution;
import org.stagewatch.decode.event.SafeSetup;
import org.stagewatch.decode.event.ThresholdChanged;

/**
 * GnosisSafeL2 1.3.0 and Safe 1.4.1, deployed from their npm artifacts and driven by the same
 * owner-signed transactions: same events, two encodings, same decoded facts.
 */
class SafeDecodingTest {
    private final List<DecodedEvent> v13 = decodeAll(SAFE, "safe-v1.3.json");
    private final List<DecodedEvent> v14 = decodeAll(SAFE, "safe-v1.4.json");

    @Test
    void added_owner_is_in_data_for_1_3_and_indexed_for_1_4_and_decodes_to_the_same_owner() {
        RawLog raw13 = firstWithTopic0(load("safe-v1.3.json"), single(v13, OwnerAdded.class).log().topic0());
        RawLog raw14 = firstWithTopic0(load("safe-v1.4.json"), raw13.topic0());
        assertThat(raw13.topics()).hasSize(1);
        assertThat(raw13.data()).endsWith(DAVE.substring(2));
        assertThat(raw14.topics()).hasSize(2);
        assertThat(raw14.data()).isEqualTo("0x");
        assertThat(single(v13, OwnerAdded.class)).extracting(OwnerAdded::safeVersion, OwnerAdded::owner)
                .containsExactly("1.3", DAVE);
        assertThat(single(v14, OwnerAdded.class)).extracting(OwnerAdded::safeVersion, OwnerAdded::owner)
                .containsExactly("1.4", DAVE);
    }

    @Test
    void both_versions_yield_the_same_owner_module_guard_and_threshold_history() {
        for (List<DecodedEvent> events : List.of(v13, v14)) {
            SafeSetup setup = single(events, SafeSetup.class);
            assertThat(setup.owners()).containsExactly(ALICE, BOB, CAROL);
            assertThat(setup.threshold()).isEqualTo(BigInteger.TWO);
            assertThat(setup.initializer()).isEqualTo(ZERO);
            assertThat(single(events, OwnerRemoved.class).owner()).isEqualTo(CAROL);
            assertThat(only(events, ThresholdChanged.class)).extracting(t -> t.threshold().intValueExact())
                    .containsExactly(3, 2, 1);
            assertThat(single(events, ModuleEnabled.class).module()).isEqualTo(ERIN);
            assertThat(single(events, ModuleDisabled.class).module()).isEqualTo(ERIN);
            assertThat(only(events, GuardChanged.class)).extracting(GuardChanged::guard).last().isEqualTo(ZERO);
            assertThat(only(events, GuardChanged.class)).extracting(GuardChanged::moduleGuard).containsOnly(false);
        }
    }

    @Test
    void executions_record_success_failure_and_module_calls() {
        for (List<DecodedEvent> events : List.of(v13, v14)) {
            List<SafeExecution> executions = only(events, SafeExecution.class);
            assertThat(executions).hasSize(8);
            assertThat(executions).extracting(SafeExecution::success).containsOnlyOnce(false).last().isEqualTo(false);
            assertThat(executions).allSatisfy(e -> assertThat(e.txHash()).matches("0x[0-9a-f]{64}"));
            assertThat(only(events, SafeModuleExecution.class))
                    .extracting(SafeModuleExecution::module, SafeModuleExecution::success)
                    .containsExactly(tuple(ERIN, true), tuple(ERIN, false));
        }
        assertThat(only(v13, SafeExecution.class)).extracting(SafeExecution::safeVersion).containsOnly("1.3");
        assertThat(only(v14, SafeExecution.class)).extracting(SafeExecution::safeVersion).containsOnly("1.4");
    }

    @Test
    void safe_l2_extra_events_are_not_ours_and_decode_to_nothing() {
        // GnosisSafeL2 also emits SafeMultiSigTransaction / SafeModuleTransaction: 30 logs, 20 decoded.
        assertThat(load("safe-v1.3.json")).hasSize(30);
        assertThat(v13).hasSize(20);
        assertThat(v14).hasSameSizeAs(load("safe-v1.4.json"));
    }

    private static RawLog firstWithTopic0(List<RawLog> logs, String topic0) {
        return logs.stream().filter(log -> topic0.equals(log.topic0())).findFirst().orElseThrow();
    }
}
