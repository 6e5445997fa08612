package org.stagewatch.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.analyze.power.Concentration;
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
    private static final String DAVE = "0x" + "d".repeat(40);

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
    void shouldAgreeAfterARollbackCutsThroughThePackedHistoryAndTheChainIsIndexedAgain() {
        Store store = history(false, null, 4);
        // a reorg replaces blocks 7…12: bob keeps 50 instead of dropping to 0, carol never rises to 90
        store.rollbackAbove(1, 6, "0xb6");
        for (long block = 7; block <= 12; block++) {
            ProjectedBatch batch = new ProjectedBatch();
            if (block == 9) {
                batch.votingPower.add(new Rows.VotingPower(1, TOKEN, ALICE, "70", "20", block, 0, "0xr"));
                batch.votingPower.add(new Rows.VotingPower(1, TOKEN, DAVE, "0", "500", block, 1, "0xr"));
            }
            store.writeRange(List.of(), List.of(new BlockHeader(1, block, "0xr" + block, "0xr" + (block - 1), 1000 + 10 * block,
                    null)), batch, List.of(), new Checkpoint(1, block, "0xr" + block));
        }
        DaoScope dao = DaoScope.load(store, "d");
        MetricsAnalyzer analyzer = new MetricsAnalyzer(store);
        List<MetricsPoint> series = analyzer.series(dao, new SeriesPlan("1blocks", "1", "12"), null);
        for (MetricsPoint point : series) {
            assertThat(point.byAddress()).as("block %d", point.block())
                    .isEqualTo(analyzer.at(dao, point.block(), null, null).byAddress());
        }
        // block 6 as before: alice 70, bob 50, carol 30; block 9 on: alice 20, bob 50, carol 30, dave 500
        assertThat(series.get(5).byAddress().totalVotingPower()).isEqualTo(150);
        assertThat(series.get(8).byAddress().totalVotingPower()).isEqualTo(600);
        assertThat(series.get(11).byAddress().delegates()).isEqualTo(4);
    }

    @Test
    void shouldRegroupByEntityAtAPointAndAlongASeries() {
        Store store = history(false, null, 4);
        Labels labels = new Labels(null, Map.of(ALICE, "fund", CAROL, "fund", DAVE, "fund"));
        DaoScope dao = DaoScope.load(store, "d");
        MetricsAnalyzer analyzer = new MetricsAnalyzer(store);
        // block 10: alice 120 + carol 90 are one entity of 210, the only one with power
        Concentration entities = analyzer.at(dao, 10L, null, labels).byEntity();
        assertThat(entities.delegates()).isEqualTo(1);
        assertThat(entities.totalVotingPower()).isEqualTo(210);
        // block 5: fund = alice 70 + carol 30, bob 50 alone
        List<MetricsPoint> series = analyzer.series(dao, new SeriesPlan("5blocks", "5", "10"), labels);
        assertThat(series.get(0).byEntity().delegates()).isEqualTo(2);
        assertThat(series.get(0).byEntity().topShares().get("1")).isEqualByComparingTo("0.6666666666666666666666666666666667");
        assertThat(series.get(1).byEntity()).isEqualTo(entities);
    }
}
