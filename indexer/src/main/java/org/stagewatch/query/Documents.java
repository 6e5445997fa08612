package org.stagewatch.query;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.ProposalMetrics;
import org.stagewatch.analyze.SeriesPlan;
import org.stagewatch.analyze.equalizer.Equalizer;
import org.stagewatch.analyze.equalizer.EqualizerReport;

/**
 * The JSON documents and CSV tables of the answers that are not printed as their record is (the README
 * documents each shape): proposals, metrics at a point and along a series, the equalizer along a series.
 * Records such as a stage report are documents as they are. Shares are JSON numbers, uint256 values
 * decimal strings (see {@link Json}).
 */
public final class Documents {
    private static final ObjectMapper JSON = Json.mapper();

    /** The metrics columns of a CSV row, in order. */
    public static final List<String> METRICS_COLUMNS = List.of("totalVotingPower", "delegates", "nakamotoMajority", "nakamotoQuorum",
            "top1", "top5", "top10", "top20", "top50", "top100", "gini", "hhi", "effectiveDelegates", "entropyBits");

    private Documents() {
    }

    public static Map<String, Object> proposals(String dao, List<ProposalMetrics.Report> reports) {
        Map<String, Object> document = new LinkedHashMap<>(); // "dao" first, in every run (Map.of's order is salted per JVM)
        document.put("dao", dao);
        document.put("proposals", reports.stream().map(Documents::proposal).toList());
        return document;
    }

    /** A proposal's summary fields, then what its tallies mean (README: proposals --json). */
    static Map<String, Object> proposal(ProposalMetrics.Report report) {
        Map<String, Object> out = new LinkedHashMap<>(JSON.convertValue(report.proposal(), new TypeReference<Map<String, Object>>() { }));
        out.put("castWeight", report.proposal().castWeight().toString());
        out.put("snapshotBlock", report.snapshotBlock());
        out.put("totalVotingPowerAtSnapshot", report.votingPowerAtSnapshot() == null ? null : report.votingPowerAtSnapshot().toString());
        out.put("turnout", report.turnout());
        out.put("quorumMargin", report.quorumMargin() == null ? null : report.quorumMargin().toString());
        out.put("quorumReached", report.quorumReached());
        out.put("decisive", report.decisive());
        return out;
    }

    public static Map<String, Object> metrics(MetricsPoint point) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dao", point.dao());
        out.put("chainId", point.chainId());
        out.put("token", point.token());
        out.put("block", point.block());
        out.put("timestamp", point.timestamp());
        if (point.timeNote() != null) {
            out.put("timeNote", point.timeNote());
        }
        if (point.sampledAt() != null) {
            out.put("at", point.sampledAt().toString());
        }
        out.putAll(concentration(point.byAddress()));
        out.put("quorum", point.quorum());
        out.put("totalSupply", point.supply() == null ? null : point.supply().value());
        out.put("totalSupplySource", point.supply() == null ? null : point.supply().source());
        out.put("delegatedShareOfSupply", point.delegatedShareOfSupply());
        if (point.byEntity() != null) {
            out.put("entities", concentration(point.byEntity()));
        }
        return out;
    }

    static Map<String, Object> concentration(Concentration metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalVotingPower", metrics.totalVotingPower());
        out.put("delegates", metrics.delegates());
        out.put("nakamoto", metrics.nakamoto());
        out.put("topShares", metrics.topShares());
        out.put("gini", metrics.gini());
        out.put("hhi", metrics.hhi());
        out.put("effectiveDelegates", metrics.effectiveDelegates());
        out.put("entropyBits", metrics.entropyBits());
        return out;
    }

    public static Map<String, Object> metricsSeries(String dao, SeriesPlan plan, List<MetricsPoint> points) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dao", dao);
        out.put("every", plan.every());
        out.put("from", plan.from());
        out.put("to", plan.to());
        out.put("points", points.stream().map(Documents::metrics).toList());
        return out;
    }

    /** Metrics as CSV, one row per point (with the per-entity columns when labels were given). */
    public static void metricsCsv(PrintStream out, List<MetricsPoint> points, boolean entities) {
        List<String> header = new ArrayList<>(List.of("block", "timestamp", "at"));
        header.addAll(METRICS_COLUMNS);
        header.addAll(List.of("quorum", "totalSupply", "delegatedShareOfSupply"));
        if (entities) {
            METRICS_COLUMNS.forEach(column -> header.add("entity_" + column));
        }
        out.println(String.join(",", header));
        for (MetricsPoint point : points) {
            List<String> row = new ArrayList<>(List.of(Long.toString(point.block()), text(point.timestamp()),
                    point.sampledAt() == null ? "" : point.sampledAt().toString()));
            row.addAll(cells(point.byAddress()));
            row.add(point.quorum() == null ? "" : point.quorum().value().toString());
            row.add(point.supply() == null ? "" : point.supply().value().toString());
            row.add(text(point.delegatedShareOfSupply()));
            if (entities) {
                row.addAll(cells(point.byEntity()));
            }
            out.println(String.join(",", row));
        }
    }

    private static List<String> cells(Concentration metrics) {
        List<String> cells = new ArrayList<>(List.of(metrics.totalVotingPower().toString(), Integer.toString(metrics.delegates()),
                text(metrics.nakamoto().majority()), text(metrics.nakamoto().quorum())));
        for (int top : Concentration.TOP_N) {
            cells.add(metrics.topShares() == null ? "" : text(metrics.topShares().get(Integer.toString(top))));
        }
        cells.addAll(List.of(text(metrics.gini()), text(metrics.hhi()), text(metrics.effectiveDelegates()),
                text(metrics.entropyBits())));
        return cells;
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    public static Map<String, Object> equalizerSeries(String dao, SeriesPlan plan, Answers.EqualizerSeries series) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("dao", dao);
        document.put("every", plan.every());
        document.put("timelineChainId", series.timelineChainId());
        document.put("points", series.reports());
        return document;
    }

    /** Equalizer scores as CSV, one row per point, one column per dimension. */
    public static void equalizerCsv(PrintStream out, List<EqualizerReport> reports) {
        out.println("dao,chain_id,block,time," + String.join(",", Equalizer.DIMENSIONS));
        for (EqualizerReport report : reports) {
            List<String> cells = new ArrayList<>(List.of(report.dao(), Long.toString(report.chainId()), Long.toString(report.block()),
                    report.time() == null ? "" : Instant.ofEpochSecond(report.time()).toString()));
            for (String name : Equalizer.DIMENSIONS) {
                Double score = report.dimension(name).score();
                cells.add(score == null ? "" : String.format(Locale.ROOT, "%.1f", score));
            }
            out.println(String.join(",", cells));
        }
    }
}
