package org.stagewatch.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.DelegateRanking;
import org.stagewatch.analyze.Labels;
import org.stagewatch.analyze.MetricsAnalyzer;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.ProposalMetrics;
import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.control.CouncilAnalyzer;
import org.stagewatch.analyze.control.CouncilReport;
import org.stagewatch.analyze.control.PathsAnalyzer;
import org.stagewatch.analyze.control.PathsReport;
import org.stagewatch.analyze.equalizer.Equalizer;
import org.stagewatch.analyze.equalizer.EqualizerReport;
import org.stagewatch.analyze.milestones.DecisionAnalyzer;
import org.stagewatch.analyze.milestones.DecisionHistory;
import org.stagewatch.analyze.milestones.DecisionsReport;
import org.stagewatch.analyze.milestones.MilestoneAnalyzer;
import org.stagewatch.analyze.milestones.MilestoneHistory;
import org.stagewatch.analyze.milestones.MilestonesReport;
import org.stagewatch.analyze.power.ConcentrationTimelines;
import org.stagewatch.analyze.stage.StageAnalyzer;
import org.stagewatch.analyze.stage.StageHistory;
import org.stagewatch.analyze.stage.StageReport;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Store;

/**
 * Every question Stagewatch answers, asked of a store: what the CLI's commands print and what the HTTP
 * API serves come from these functions, so the two cannot drift apart. Each takes its inputs already
 * checked (a block, an instant, a plan) and returns the analysis result; {@link Documents} turns a result
 * into the JSON document or CSV both print.
 */
public final class Answers {
    private Answers() {
    }

    public static List<ProposalMetrics.Report> proposals(Store store, DaoScope dao, Long block, Instant at) {
        return new ProposalMetrics(store).reports(dao, block, at);
    }

    public static DelegateRanking.Ranking delegates(Store store, DaoScope dao, Long block, Instant at, int top, int window,
                                                    Labels labels) {
        return new DelegateRanking(store).rank(dao, block, at, top, window, labels);
    }

    public static MetricsPoint metrics(Store store, DaoScope dao, Long block, Instant at, Labels labels) {
        return metrics(store, null, dao, block, at, labels);
    }

    /** @param timelines a server's recorded concentration per block, used where it covers the question (null: none) */
    public static MetricsPoint metrics(Store store, ConcentrationTimelines timelines, DaoScope dao, Long block, Instant at, Labels labels) {
        return new MetricsAnalyzer(store, timelines).at(dao, block, at, labels);
    }

    public static List<MetricsPoint> metricsSeries(Store store, DaoScope dao, SeriesPlan plan, Labels labels) {
        return metricsSeries(store, null, dao, plan, labels);
    }

    /** @param timelines a server's recorded concentration per block, used where it covers the question (null: none) */
    public static List<MetricsPoint> metricsSeries(Store store, ConcentrationTimelines timelines, DaoScope dao, SeriesPlan plan,
                                                   Labels labels) {
        return new MetricsAnalyzer(store, timelines).series(dao, plan, labels);
    }

    public static CouncilReport councils(Store store, DaoScope dao, ChainPoints points, boolean all) {
        return new CouncilAnalyzer(store).councils(dao, points, all);
    }

    public static PathsReport paths(Store store, DaoScope dao, ChainPoints points) {
        return new PathsAnalyzer(store).paths(dao, points);
    }

    public static StageReport stage(Store store, DaoScope dao, ChainPoints points) {
        return new StageAnalyzer(store).rate(dao, points);
    }

    public static StageHistory.Report stageHistory(Store store, DaoScope dao) {
        return new StageHistory(store).history(dao);
    }

    public static EqualizerReport equalizer(Store store, DaoScope dao, ChainPoints points) {
        return new Equalizer(store).at(dao, points, null);
    }

    /** Every milestone's status and evidence and every phase's progress at a point; the DAO must declare milestones. */
    public static MilestonesReport milestones(Store store, DaoScope dao, ChainPoints points) {
        requireMilestones(store, dao);
        return new MilestoneAnalyzer(store).at(dao, points);
    }

    /** Where a milestone's status or a phase's progress changed, with the cause; the DAO must declare milestones. */
    public static MilestoneHistory.Report milestonesHistory(Store store, DaoScope dao) {
        requireMilestones(store, dao);
        return new MilestoneHistory(store).history(dao);
    }

    /** Who holds each declared decision at a point, through which routes; the DAO must declare decisions. */
    public static DecisionsReport decisions(Store store, DaoScope dao, ChainPoints points) {
        requireDecisions(store, dao);
        return new DecisionAnalyzer(store).at(dao, points);
    }

    /** Where a decision changed hands, with the cause; the DAO must declare decisions. */
    public static DecisionHistory.Report decisionsHistory(Store store, DaoScope dao) {
        requireDecisions(store, dao);
        return new DecisionHistory(store).history(dao);
    }

    /** @throws NotDeclaredException when the DAO's config has no milestones */
    public static void requireMilestones(Store store, DaoScope dao) {
        if (new MilestoneAnalyzer(store).declaration(dao.daoId()).milestones().isEmpty()) {
            throw new NotDeclaredException(dao.daoId(), "milestones", "DAO '" + dao.daoId() + "' declares no milestones: add a milestones: "
                    + "section to its config (see config/SCHEMA.md) and run stagewatch index again");
        }
    }

    /** @throws NotDeclaredException when the DAO's config has no decision map */
    public static void requireDecisions(Store store, DaoScope dao) {
        if (new MilestoneAnalyzer(store).declaration(dao.daoId()).decisions().isEmpty()) {
            throw new NotDeclaredException(dao.daoId(), "decisions", "DAO '" + dao.daoId() + "' declares no decisions: add a decisions: "
                    + "list to its config (see config/SCHEMA.md) and run stagewatch index again");
        }
    }

    /** The equalizer along a series, and the chain it stepped along. */
    public record EqualizerSeries(long timelineChainId, List<EqualizerReport> reports) {
    }

    /** @param progress told (points done, points in all) as the series is computed; it may be slow */
    public static EqualizerSeries equalizerSeries(Store store, DaoScope dao, SeriesPlan plan, BiConsumer<Integer, Integer> progress) {
        ContractRow timeline = timeline(dao);
        List<SeriesPlan.Sample> samples = plan.samples(store, timeline);
        Equalizer equalizer = new Equalizer(store);
        List<EqualizerReport> reports = new ArrayList<>();
        for (SeriesPlan.Sample sample : samples) {
            ChainPoints points = ChainPoints.resolve(store, dao, sample.block(), timeline.chainId(), null);
            reports.add(equalizer.at(dao, points, sample.at() == null ? null : sample.at().getEpochSecond()));
            progress.accept(reports.size(), samples.size());
        }
        return new EqualizerSeries(timeline.chainId(), reports);
    }

    /** The contract whose chain an equalizer series steps along: the votes token, else a critical contract, else the first. */
    public static ContractRow timeline(DaoScope dao) {
        return dao.ofKind(ContractKind.VOTES_TOKEN).stream().findFirst()
                .or(() -> dao.contracts().stream().filter(ContractRow::critical).findFirst())
                .orElse(dao.contracts().get(0));
    }
}
