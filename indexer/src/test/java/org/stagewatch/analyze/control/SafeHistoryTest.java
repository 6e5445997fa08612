package org.stagewatch.analyze.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stagewatch.decode.RecordedLogs.ALICE;
import static org.stagewatch.decode.RecordedLogs.BOB;
import static org.stagewatch.decode.RecordedLogs.CAROL;
import static org.stagewatch.decode.RecordedLogs.DAVE;
import static org.stagewatch.decode.RecordedLogs.ERIN;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.ModuleEnabled;
import org.stagewatch.decode.RecordedLogs;
import org.stagewatch.project.ControlRows;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.Database;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.Store;

/**
 * Safe state replayed from stored facts: the recorded v1.3 and v1.4 Safes (logs/README.md: a 2-of-3
 * of alice, bob, carol; dave added with threshold 3; carol removed with threshold 2; threshold 1;
 * module erin enabled then disabled; a guard set then unset), a start-block reading, a swap in place,
 * and a rollback above a fork point.
 */
class SafeHistoryTest {

    @TempDir
    Path dir;

    private Store index(String file) {
        return RecordedIndex.of(dir.resolve(file + ".db"), ContractKind.SAFE, file);
    }

    private static Node safeOf(String file) {
        return new Node(RecordedLogs.ANVIL_CHAIN_ID, RecordedLogs.load(file).get(0).address());
    }

    @Test
    void shouldReplayBothEventLayoutsToTheSameFinalState() {
        for (String file : List.of("safe-v1.3.json", "safe-v1.4.json")) {
            Store store = index(file);
            Node safe = safeOf(file);
            SafeState end = new SafeHistory(store).at(safe, Long.MAX_VALUE);
            assertThat(end.owners()).as(file).containsExactlyInAnyOrder(ALICE, BOB, DAVE);
            assertThat(end.threshold()).as(file).isEqualTo(1);
            assertThat(end.modules()).as(file).isEmpty();
            assertThat(end.guard()).as(file).isNull();
            assertThat(end.version()).as(file).isEqualTo(file.contains("1.4") ? "1.4–1.5 layout" : "1.1–1.3 layout");
            assertThat(end.history().get(0).event()).as(file).isEqualTo("setup: 3 owners, threshold 2");

            long enabled = RecordedLogs.load(file).stream().flatMap(log -> RecordedLogs.DECODER.decode(ContractKind.SAFE, log).stream())
                    .filter(ModuleEnabled.class::isInstance).map(DecodedEvent::log).mapToLong(RawLog::blockNumber).findFirst().orElseThrow();
            SafeState withModule = new SafeHistory(store).at(safe, enabled);
            assertThat(withModule.modules()).as(file).containsExactly(ERIN);
            assertThat(withModule.owners()).as(file).containsExactly(DAVE, ALICE, BOB);
        }
    }

    @Test
    void shouldStartFromTheStartBlockReadingAndSwapOwnersInPlace() {
        Store store = new Store(Database.open(dir.resolve("read.db").toString()));
        Node safe = new Node(1, "0x00000000000000000000000000000000000005af");
        List<StateRead> reads = List.of(
                new StateRead(1, safe.address(), ControlReadings.SAFE_OWNERS, "", "[\"" + ALICE + "\",\"" + BOB + "\",\"" + CAROL + "\"]", 100),
                new StateRead(1, safe.address(), ControlReadings.SAFE_THRESHOLD, "", "2", 100),
                new StateRead(1, safe.address(), ControlReadings.SAFE_MODULES, "", "[]", 100),
                new StateRead(1, safe.address(), ControlReadings.SAFE_VERSION, "", "1.3.0", 100));
        ProjectedBatch swap = new ProjectedBatch();
        swap.control.safeChanges.add(new ControlRows.SafeChange(1, safe.address(), "owner_removed", BOB, null, null, "1.3", 120, 4, "0xswap"));
        swap.control.safeChanges.add(new ControlRows.SafeChange(1, safe.address(), "owner_added", DAVE, null, null, "1.3", 120, 5, "0xswap"));
        swap.control.safeChanges.add(new ControlRows.SafeChange(1, safe.address(), "threshold", null, "3", null, null, 130, 0, "0xraise"));
        store.writeRange(List.of(), List.of(new BlockHeader(1, 100, "0xb100", "0x", 1000, null)), new ProjectedBatch(), reads,
                new Checkpoint(1, 100, "0xb100"));
        store.writeRange(List.of(), List.of(new BlockHeader(1, 130, "0xb130", "0x", 1300, null)), swap, List.of(),
                new Checkpoint(1, 130, "0xb130"));

        SafeHistory history = new SafeHistory(store);
        assertThat(history.at(safe, 99).owners()).isEmpty();
        assertThat(history.at(safe, 110)).satisfies(state -> {
            assertThat(state.owners()).containsExactly(ALICE, BOB, CAROL);
            assertThat(state.threshold()).isEqualTo(2);
            assertThat(state.version()).isEqualTo("1.3.0");
        });
        assertThat(history.at(safe, 125).owners()).containsExactly(ALICE, DAVE, CAROL);
        assertThat(history.at(safe, 130).threshold()).isEqualTo(3);

        store.rollbackAbove(1, 125, "0xb125");
        assertThat(history.at(safe, 1_000).threshold()).isEqualTo(2);
        assertThat(history.at(safe, 1_000).owners()).containsExactly(ALICE, DAVE, CAROL);
    }
}
