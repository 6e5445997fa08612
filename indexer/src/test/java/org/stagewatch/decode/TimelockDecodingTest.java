package org.stagewatch.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.stagewatch.config.ContractKind.TIMELOCK;
import static org.stagewatch.decode.RecordedLogs.ALICE;
import static org.stagewatch.decode.RecordedLogs.DEPLOYER;
import static org.stagewatch.decode.RecordedLogs.ZERO;
import static org.stagewatch.decode.RecordedLogs.decodeAll;
import static org.stagewatch.decode.RecordedLogs.load;
import static org.stagewatch.decode.RecordedLogs.only;
import static org.stagewatch.decode.RecordedLogs.single;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stagewatch.decode.event.CallExecuted;
import org.stagewatch.decode.event.CallSalt;
import org.stagewatch.decode.event.CallScheduled;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.MinDelayChanged;
import org.stagewatch.decode.event.OperationCancelled;
import org.stagewatch.decode.event.RoleGranted;
import org.stagewatch.decode.event.RoleRevoked;
import org.stagewatch.decode.event.TimelockAdminChanged;
import org.stagewatch.decode.event.TimelockTransaction;
import org.web3j.crypto.Hash;

/** OZ 5 TimelockController (driven by the governor and directly) and Compound's Timelock. */
class TimelockDecodingTest {
    private static final String EXECUTOR_ROLE = Hash.sha3String("EXECUTOR_ROLE");
    private final List<DecodedEvent> oz = decodeAll(TIMELOCK, "timelock-oz.json");

    @Test
    void every_oz_timelock_log_decodes() {
        assertThat(oz).hasSameSizeAs(load("timelock-oz.json"));
    }

    @Test
    void a_governor_batch_is_six_scheduled_and_six_executed_calls_of_one_operation() {
        List<CallScheduled> scheduled = only(oz, CallScheduled.class).subList(0, 6);
        assertThat(scheduled).extracting(CallScheduled::id).containsOnly(scheduled.get(0).id());
        assertThat(scheduled).extracting(c -> c.index().intValueExact()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(scheduled).extracting(CallScheduled::delay).containsOnly(BigInteger.valueOf(60));
        assertThat(scheduled.get(0).predecessor()).isEqualTo("0x" + "0".repeat(64));
        assertThat(scheduled.get(5).data()).startsWith("0xa890c910"); // updateTimelock(address)
        List<CallExecuted> executed = only(oz, CallExecuted.class).subList(0, 6);
        assertThat(executed).extracting(CallExecuted::id).containsOnly(scheduled.get(0).id());
        assertThat(executed).extracting(CallExecuted::data).containsExactlyElementsOf(
                scheduled.stream().map(CallScheduled::data).toList());
    }

    @Test
    void salt_cancel_and_delay_change_decode() {
        List<CallSalt> salts = only(oz, CallSalt.class);
        assertThat(salts).hasSize(2);
        assertThat(salts.get(1).salt()).isEqualTo(Hash.sha3String("stagewatch-fixture"));
        assertThat(single(oz, OperationCancelled.class).id()).isEqualTo(salts.get(1).id());
        assertThat(only(oz, MinDelayChanged.class))
                .extracting(m -> m.oldDelay().intValueExact(), m -> m.newDelay().intValueExact())
                .containsExactly(tuple(0, 60), tuple(0, 60), tuple(60, 120));
    }

    @Test
    void anyone_may_execute_shows_as_executor_role_granted_to_the_zero_address() {
        assertThat(only(oz, RoleGranted.class)).extracting(RoleGranted::role, RoleGranted::account)
                .contains(tuple(EXECUTOR_ROLE, ZERO));
        assertThat(single(oz, RoleRevoked.class)).extracting(RoleRevoked::account, RoleRevoked::sender)
                .containsExactly(DEPLOYER, DEPLOYER);
    }

    @Test
    void compound_timelock_queue_cancel_execute_delay_and_admin_handover_decode() {
        List<DecodedEvent> events = decodeAll(TIMELOCK, "timelock-compound.json");
        List<TimelockTransaction> transactions = only(events, TimelockTransaction.class);
        assertThat(transactions).extracting(TimelockTransaction::action, TimelockTransaction::signature)
                .containsExactly(tuple("queued", "setDelay(uint256)"), tuple("queued", "transfer(address,uint256)"),
                        tuple("cancelled", "transfer(address,uint256)"), tuple("executed", "setDelay(uint256)"));
        TimelockTransaction queued = transactions.get(0);
        assertThat(queued.target()).isEqualTo(queued.log().address());
        assertThat(queued.data()).isEqualTo("0x" + "0".repeat(59) + "3f480"); // 259200
        assertThat(transactions.get(3).txHash()).isEqualTo(queued.txHash());
        assertThat(transactions.get(2).txHash()).isEqualTo(transactions.get(1).txHash());
        MinDelayChanged delay = single(events, MinDelayChanged.class);
        assertThat(delay.oldDelay()).isNull();
        assertThat(delay.newDelay()).isEqualTo(BigInteger.valueOf(259_200));
        assertThat(only(events, TimelockAdminChanged.class))
                .extracting(TimelockAdminChanged::admin, TimelockAdminChanged::pending)
                .containsExactly(tuple(ALICE, true), tuple(ALICE, false));
    }
}
