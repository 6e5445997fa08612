package org.stagewatch.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.stagewatch.analyze.power.Concentration;
import org.stagewatch.analyze.MetricsPoint;
import org.stagewatch.report.Percent;
import org.stagewatch.report.TokenUnits;

/** The human form of {@code metrics}: one line per metric, its value (per address, per entity) and its definition. */
final class MetricsTable {
    private MetricsTable() {
    }

    static void print(PrintStream out, Concentration byAddress, Concentration byEntity, MetricsPoint point, TokenUnits units) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(byEntity == null ? List.of("metric", "value", "definition")
                : List.of("metric", "per address", "per entity", "definition"));
        add(rows, byEntity, "delegated votes T", units.format(byAddress.totalVotingPower()),
                byEntity == null ? null : units.format(byEntity.totalVotingPower()), "Σ power of all delegates at the block (" + units.unit() + ")");
        add(rows, byEntity, "delegates", Integer.toString(byAddress.delegates()),
                byEntity == null ? null : Integer.toString(byEntity.delegates()), "n, holders of positive power");
        add(rows, byEntity, "nakamoto.majority", text(byAddress.nakamoto().majority()),
                byEntity == null ? null : text(byEntity.nakamoto().majority()), "fewest top delegates with > T/2");
        add(rows, byEntity, "nakamoto.quorum", text(byAddress.nakamoto().quorum()),
                byEntity == null ? null : text(byEntity.nakamoto().quorum()),
                point.quorum() == null ? "quorum unknown at this block" : "fewest top delegates with ≥ quorum " + units.format(point.quorum().value()) + " " + units.unit());
        for (int top : Concentration.TOP_N) {
            add(rows, byEntity, "top" + top + " share", percent(byAddress, top), byEntity == null ? null : percent(byEntity, top),
                    "(x₁+…+x" + top + ")/T");
        }
        add(rows, byEntity, "gini", decimal(byAddress.gini()), byEntity == null ? null : decimal(byEntity.gini()),
                "2·Σ i·x₍ᵢ₎/(n·T) − (n+1)/n, x ascending");
        add(rows, byEntity, "hhi", decimal(byAddress.hhi()), byEntity == null ? null : decimal(byEntity.hhi()), "Σ (xᵢ/T)²");
        add(rows, byEntity, "effectiveDelegates", decimal(byAddress.effectiveDelegates()),
                byEntity == null ? null : decimal(byEntity.effectiveDelegates()), "1/hhi");
        add(rows, byEntity, "entropyBits", decimal(byAddress.entropyBits()), byEntity == null ? null : decimal(byEntity.entropyBits()),
                "−Σ sᵢ·log₂ sᵢ, sᵢ = xᵢ/T");
        Output.table(out, rows);
        if (point.supply() != null) {
            out.printf("total supply %s %s (from %s); delegated share of supply %s%n", units.format(point.supply().value()), units.unit(),
                    point.supply().source(), point.delegatedShareOfSupply() == null ? "?" : Percent.of(point.delegatedShareOfSupply()));
        }
    }

    private static void add(List<List<String>> rows, Concentration byEntity, String name, String value, String entityValue,
                            String definition) {
        rows.add(byEntity == null ? List.of(name, value, definition) : List.of(name, value, entityValue, definition));
    }

    private static String percent(Concentration metrics, int top) {
        return metrics.topShares() == null ? "-" : Percent.of(metrics.topShares().get(Integer.toString(top)));
    }

    /** Six significant digits, as every non-share decimal of the tables. */
    private static String decimal(BigDecimal value) {
        return value == null ? "-" : value.round(new MathContext(6)).toPlainString();
    }

    private static String decimal(Double value) {
        return value == null ? "-" : decimal(BigDecimal.valueOf(value));
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }
}
