package org.stagewatch.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stagewatch.analyze.Concentration;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.analyze.SeriesPlan;

/**
 * How {@code metrics} prints a {@link MetricsPoint}: the JSON shape documented in the README (uint256 as
 * decimal strings, shares as JSON numbers), CSV with one row per point, or a table with each
 * definition next to its number.
 */
final class MetricsOutput {
    static final List<String> COLUMNS = List.of("totalVotingPower", "delegates", "nakamotoMajority", "nakamotoQuorum",
            "top1", "top5", "top10", "top20", "top50", "top100", "gini", "hhi", "effectiveDelegates", "entropyBits");

    private MetricsOutput() {
    }

    static Map<String, Object> json(MetricsPoint point) {
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

    static Map<String, Object> seriesJson(String dao, SeriesPlan plan, List<MetricsPoint> points) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dao", dao);
        out.put("every", plan.every());
        out.put("from", plan.from());
        out.put("to", plan.to());
        out.put("points", points.stream().map(MetricsOutput::json).toList());
        return out;
    }

    static void csv(PrintStream out, List<MetricsPoint> points, boolean entities) {
        List<String> header = new ArrayList<>(List.of("block", "timestamp", "at"));
        header.addAll(COLUMNS);
        header.addAll(List.of("quorum", "totalSupply", "delegatedShareOfSupply"));
        if (entities) {
            COLUMNS.forEach(column -> header.add("entity_" + column));
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

    static void human(PrintStream out, MetricsPoint point) {
        Concentration metrics = point.byAddress();
        out.printf("DAO '%s', token %s on chain %d, at block %,d (%s)%n", point.dao(), point.token(), point.chainId(),
                point.block(), point.timestamp() == null ? "time unknown" : java.time.Instant.ofEpochSecond(point.timestamp()));
        if (point.timeNote() != null) {
            out.println("  " + point.timeNote());
        }
        MetricsTable.print(out, metrics, point.byEntity(), point);
    }
}
