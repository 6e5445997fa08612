package org.stagewatch.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.project.Rows;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Database;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.Store;

/**
 * A small token history in real SQLite: the one-pass series must agree with the point-in-time seek at
 * every block, and proposal snapshots must map through timestamp and Arbitrum L1 clocks.
 */
class PowerHistoryTest {
    private static final String TOKEN = "0x" + "1".repeat(40);
    private static final String GOVERNOR = "0x" + "2".repeat(40);
    private static final String ALICE = "0x" + "a".repeat(40);
    private static final String BOB = "0x" + "b".repeat(40);
    private static final String CAROL = "0x" + "c".repeat(40);

    @TempDir
    Path dir;

    /** Blocks 1…12, one every 10 s from t=1000; L1 block = 500 + block/3 (Arbitrum-like) when {@code l1}. */
    private Store history(boolean l1, String clockMode, long voteStart) {
        Store store = new Store(Database.open(dir.resolve("h.db").toString()));
        store.withSync(sync -> {
            sync.insertContracts(List.of(new ContractRow("d", 1, TOKEN, "votes-token", "T", 1, false, false),
                    new ContractRow("d", 1, GOVERNOR, "governor", "G", 1, false, false)));
            return null;
        });
        Object[][] changes = {{2, ALICE, "100"}, {3, BOB, "50"}, {3, ALICE, "70"}, {5, CAROL, "30"}, {7, BOB, "0"},
                {8, ALICE, "120"}, {10, CAROL, "90"}};
        for (long block = 1; block <= 12; block++) {
            ProjectedBatch batch = new ProjectedBatch();
            int logIndex = 0;
            for (Object[] change : changes) {
                if (((Integer) change[0]) == block) {
                    batch.votingPower.add(new Rows.VotingPower(1, TOKEN, (String) change[1], "0", (String) change[2], block,
                            logIndex++, "0xt"));
                }
            }
            if (block == 1) {
                batch.proposals.add(new Rows.Proposal(1, GOVERNOR, "7", "oz", ALICE, "[]", "[]", "[]", "[]", voteStart,
                        voteStart + 100, "# test", null, null, null, 1, 99, "0xp"));
            }
            List<StateRead> reads = block == 1 && clockMode != null
                    ? List.of(new StateRead(1, GOVERNOR, "CLOCK_MODE", "", clockMode, 1)) : List.of();
            store.writeRange(List.of(), List.of(new BlockHeader(1, block, "0xb" + block, "0xb" + (block - 1), 1000 + 10 * block,
                    l1 ? 500 + block / 3 : null)), batch, reads, new Checkpoint(1, block, "0xb" + block));
        }
        return store;
    }

    @Test
    void shouldAgreeBetweenTheOnePassSeriesAndThePointInTimeSeekAtEveryBlock() {
        Store store = history(false, null, 4);
        DaoScope dao = DaoScope.load(store, "d");
        MetricsAnalyzer analyzer = new MetricsAnalyzer(store);
        List<MetricsPoint> series = analyzer.series(dao, new SeriesPlan("1blocks", "1", "12"), null);
        assertThat(series).hasSize(12);
        for (MetricsPoint point : series) {
            assertThat(point.byAddress()).as("block %d", point.block())
                    .isEqualTo(analyzer.at(dao, point.block(), null, null).byAddress());
        }
        // block 7: alice 70, bob 0, carol 30 → T = 100, two delegates
        assertThat(series.get(6).byAddress().totalVotingPower()).isEqualTo(100);
        assertThat(series.get(6).byAddress().delegates()).isEqualTo(2);
        assertThat(series.get(11).byAddress().totalVotingPower()).isEqualTo(210);
    }

    @Test
    void shouldMeasureTurnoutAtTheBlockATimestampSnapshotSees() {
        // snapshot at t = 1055 sees block 5 (t = 1050), not block 6 (t = 1060): alice 70 + bob 50 + carol 30
        Store store = history(false, "mode=timestamp", 1055);
        ProposalMetrics.Report report = new ProposalMetrics(store).reports(DaoScope.load(store, "d"), null, null).get(0);
        assertThat(report.snapshotBlock()).isEqualTo(5);
        assertThat(report.votingPowerAtSnapshot()).isEqualTo(BigInteger.valueOf(150));
    }

    @Test
    void shouldMapAnArbitrumSnapshotThroughTheL1BlockNumber() {
        // L1 block 502 covers L2 blocks 6, 7 and 8: the snapshot sees block 8 (alice 120, carol 30)
        Store store = history(true, null, 502);
        ProposalMetrics.Report report = new ProposalMetrics(store).reports(DaoScope.load(store, "d"), null, null).get(0);
        assertThat(report.snapshotBlock()).isEqualTo(8);
        assertThat(report.votingPowerAtSnapshot()).isEqualTo(BigInteger.valueOf(150));
    }

    @Test
    void shouldReadThroughTheIndexWhenStorageOrderIsNotLogOrder() {
        Store store = history(false, null, 4);
        // a late row for block 4, stored after everything else (as a hand-repaired database might have it)
        store.jdbi().useHandle(handle -> handle.execute("""
                INSERT INTO voting_power (chain_id, token, delegate, previous_votes, new_votes, block_number, log_index, tx_hash)
                VALUES (1, ?, ?, '0', '1000', 4, 5, '0xlate')""", TOKEN, ALICE));
        DaoScope dao = DaoScope.load(store, "d");
        MetricsAnalyzer analyzer = new MetricsAnalyzer(store);
        List<MetricsPoint> series = analyzer.series(dao, new SeriesPlan("1blocks", "1", "12"), null);
        for (MetricsPoint point : series) {
            assertThat(point.byAddress()).as("block %d", point.block())
                    .isEqualTo(analyzer.at(dao, point.block(), null, null).byAddress());
        }
        // block 4: alice 1000 (the late row), bob 50
        assertThat(series.get(3).byAddress().totalVotingPower()).isEqualTo(1050);
    }
}
