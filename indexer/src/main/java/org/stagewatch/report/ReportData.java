package org.stagewatch.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.stagewatch.analyze.AnalyzeException;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.MetricsAnalyzer;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.control.CouncilAnalyzer;
import org.stagewatch.analyze.control.CouncilReport;
import org.stagewatch.analyze.control.PathsAnalyzer;
import org.stagewatch.analyze.control.PathsReport;
import org.stagewatch.analyze.equalizer.Equalizer;
import org.stagewatch.analyze.equalizer.EqualizerReport;
import org.stagewatch.analyze.milestones.DecisionAnalyzer;
import org.stagewatch.analyze.milestones.DecisionsReport;
import org.stagewatch.analyze.milestones.MilestoneAnalyzer;
import org.stagewatch.analyze.milestones.MilestoneHistory;
import org.stagewatch.analyze.milestones.MilestonesReport;
import org.stagewatch.analyze.stage.StageAnalyzer;
import org.stagewatch.analyze.stage.StageHistory;
import org.stagewatch.analyze.stage.StageReport;
import org.stagewatch.config.ContractKind;
import org.stagewatch.query.Answers;
import org.stagewatch.store.Checkpoint;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.MilestoneDeclaration;
import org.stagewatch.store.Store;

/**
 * Everything a {@code stagewatch report} shows, read from the database only: the analyses at each
 * chain's indexed head, the stage history, and two series over the same sample blocks — concentration
 * (when the DAO has a votes token) and the equalizer. The samples step along the same contract's chain
 * as {@code equalizer --series} (the votes token, else a critical contract) from its start block to the
 * indexed head.
 *
 * @param every      the series step actually used (the default picked, or the one given)
 * @param metrics    null when the DAO has no votes-token contract
 * @param equalizers one per distinct sample block, in block order
 * @param milestones null (and its history too) when the DAO declares no milestones
 * @param decisions  null when the DAO declares no decisions
 * @param units      how the votes token's amounts are shown (its own decimals, or base units while not read)
 * @param tokens     the same for any token a route's vote counts in
 */
public record ReportData(DaoScope scope, ChainPoints points, StageReport stage, PathsReport paths, CouncilReport councils,
                  StageHistory.Report stageHistory, MetricsPoint metrics, String every, List<MetricsPoint> metricsSeries,
                  EqualizerReport equalizer, List<EqualizerReport> equalizers, MilestonesReport milestones,
                  MilestoneHistory.Report milestoneHistory, DecisionsReport decisions, TokenUnits units,
                  TokenUnits.Book tokens) {
    /** About this many samples when {@code --every} is not given. */
    static final int DEFAULT_SAMPLES = 50;

    public static ReportData collect(Store store, DaoScope scope, String every, Consumer<String> progress) {
        ChainPoints points = ChainPoints.resolve(store, scope, null, null, null);
        progress.accept("stage…");
        StageReport stage = new StageAnalyzer(store).rate(scope, points);
        progress.accept("routes…");
        PathsReport paths = new PathsAnalyzer(store).paths(scope, points);
        progress.accept("councils…");
        CouncilReport councils = new CouncilAnalyzer(store).councils(scope, points);
        progress.accept("stage history…");
        StageHistory.Report history = new StageHistory(store).history(scope);
        Optional<ContractRow> token = scope.ofKind(ContractKind.VOTES_TOKEN).stream().findFirst();
        ContractRow sampled = Answers.timeline(scope);
        String step = every != null ? every : defaultStep(store, sampled);
        SeriesPlan plan = new SeriesPlan(step, null, null);
        MetricsPoint metrics = null;
        List<MetricsPoint> metricsSeries = List.of();
        if (token.isPresent()) {
            MetricsAnalyzer analyzer = new MetricsAnalyzer(store);
            progress.accept("concentration now…");
            metrics = analyzer.at(scope, null, null, null);
            progress.accept("concentration series (every " + step + ")…");
            metricsSeries = analyzer.series(scope, plan, null);
        }
        progress.accept("equalizer now…");
        Equalizer equalizer = new Equalizer(store);
        EqualizerReport now = equalizer.at(scope, points, null);
        List<EqualizerReport> equalizers = equalizerSeries(store, scope, equalizer, plan.samples(store, sampled), sampled.chainId(),
                progress);
        MilestoneDeclaration declared = new MilestoneAnalyzer(store).declaration(scope.daoId());
        MilestonesReport milestones = null;
        MilestoneHistory.Report milestoneHistory = null;
        if (!declared.milestones().isEmpty()) {
            progress.accept("milestones and their history…");
            milestones = new MilestoneAnalyzer(store).at(scope, points);
            milestoneHistory = new MilestoneHistory(store).history(scope);
        }
        DecisionsReport decisions = declared.decisions().isEmpty() ? null : new DecisionAnalyzer(store).at(scope, points);
        return new ReportData(scope, points, stage, paths, councils, history, metrics, step, metricsSeries, now, equalizers, milestones,
                milestoneHistory, decisions, TokenUnits.of(store, scope), new TokenUnits.Book(store));
    }

    boolean hasToken() {
        return metrics != null;
    }

    private static List<EqualizerReport> equalizerSeries(Store store, DaoScope scope, Equalizer equalizer, List<SeriesPlan.Sample> samples,
                                                         long chainId, Consumer<String> progress) {
        Map<Long, SeriesPlan.Sample> byBlock = new LinkedHashMap<>();
        samples.forEach(sample -> byBlock.putIfAbsent(sample.block(), sample));
        List<EqualizerReport> reports = new ArrayList<>();
        int done = 0;
        int step = Math.max(1, byBlock.size() / 5);
        for (SeriesPlan.Sample sample : byBlock.values()) {
            ChainPoints at = ChainPoints.resolve(store, scope, sample.block(), chainId, null);
            reports.add(equalizer.at(scope, at, sample.at() == null ? null : sample.at().getEpochSecond()));
            done++;
            if (done % step == 0 || done == byBlock.size()) {
                progress.accept("equalizer series %d/%d…".formatted(done, byBlock.size()));
            }
        }
        reports.sort(Comparator.comparingLong(EqualizerReport::block));
        return reports;
    }

    /** A block step giving about {@value #DEFAULT_SAMPLES} samples from the contract's start block to its chain's indexed head. */
    static String defaultStep(Store store, ContractRow sampled) {
        Checkpoint head = store.withSync(sync -> sync.checkpoint(sampled.chainId())).orElseThrow(() -> new AnalyzeException(
                "chain %d has not been indexed into %s yet: run stagewatch index first".formatted(sampled.chainId(),
                        store.database().location())));
        long range = Math.max(0, head.blockNumber() - sampled.startBlock());
        long step = Math.max(1, (range + DEFAULT_SAMPLES - 2) / (DEFAULT_SAMPLES - 1));
        return step + "blocks";
    }
}
