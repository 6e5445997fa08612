package org.stagewatch.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.stagewatch.analyze.milestones.MilestoneResult;
import org.stagewatch.analyze.milestones.MilestonesReport;
import org.stagewatch.analyze.milestones.PhaseProgress;

/**
 * Draws a DAO's milestones as an SVG picture for the report: one column per phase in phase order (its
 * title and progress on top), a box per milestone filled by its status as {@code milestones --dot} fills
 * it, and an arrow from each dependency to its dependent, red when the dependency blocks it. A plain
 * layered layout needs no Graphviz on the reader's machine.
 */
final class MilestoneSvg {
    private static final int COLUMN = 250;
    private static final int BOX_WIDTH = 210;
    private static final int BOX_HEIGHT = 54;
    private static final int ROW = 74;
    private static final int TOP = 56;

    private MilestoneSvg() {
    }

    static String render(MilestonesReport report) {
        Map<String, int[]> position = new HashMap<>();
        int rows = 1;
        for (int column = 0; column < report.phases().size(); column++) {
            String phase = report.phases().get(column).id();
            int row = 0;
            for (MilestoneResult milestone : report.milestones()) {
                if (milestone.phase().equals(phase)) {
                    position.put(milestone.id(), new int[] {20 + column * COLUMN, TOP + row * ROW});
                    row++;
                }
            }
            rows = Math.max(rows, row);
        }
        int width = Math.max(1, report.phases().size()) * COLUMN + 20;
        int height = TOP + rows * ROW + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"Helvetica, Arial, sans-serif\">\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" ")
                .append("orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker>")
                .append("<marker id=\"blocked\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" ")
                .append("orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c03030\"/></marker></defs>\n");
        for (int column = 0; column < report.phases().size(); column++) {
            PhaseProgress phase = report.phases().get(column);
            svg.append("<text x=\"").append(20 + column * COLUMN).append("\" y=\"22\" font-size=\"13\" font-weight=\"bold\">")
                    .append(escape("Phase " + phase.id())).append("</text>\n<text x=\"").append(20 + column * COLUMN)
                    .append("\" y=\"40\" font-size=\"11\">").append(escape(abbreviate(phase.title(), 30) + " · " + phase.achieved() + "/"
                            + phase.total() + (phase.complete() ? " complete" : ""))).append("</text>\n");
        }
        List<String> arrows = new ArrayList<>();
        for (MilestoneResult milestone : report.milestones()) {
            int[] to = position.get(milestone.id());
            for (String dependency : milestone.after()) {
                int[] from = position.get(dependency);
                if (from == null || to == null) {
                    continue;
                }
                boolean blocks = milestone.blockedBy().contains(dependency);
                boolean forward = from[0] < to[0];
                int x1 = forward ? from[0] + BOX_WIDTH : from[0] + BOX_WIDTH / 2;
                int y1 = forward ? from[1] + BOX_HEIGHT / 2 : from[1] + (from[1] < to[1] ? BOX_HEIGHT : 0);
                int x2 = forward ? to[0] : to[0] + BOX_WIDTH / 2;
                int y2 = forward ? to[1] + BOX_HEIGHT / 2 : to[1] + (from[1] < to[1] ? 0 : BOX_HEIGHT);
                arrows.add("<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\""
                        + (blocks ? "#c03030" : "#555") + "\" stroke-width=\"1.3\" marker-end=\"url(#" + (blocks ? "blocked" : "arrow") + ")\"/>");
            }
        }
        for (MilestoneResult milestone : report.milestones()) {
            int[] at = position.get(milestone.id());
            if (at == null) {
                continue; // a milestone of an undeclared phase: the validator refuses it
            }
            svg.append("<g><title>").append(escape(milestone.title() + " (" + milestone.status() + ")")).append("</title>")
                    .append("<rect x=\"").append(at[0]).append("\" y=\"").append(at[1]).append("\" width=\"").append(BOX_WIDTH)
                    .append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"8\" fill=\"").append(fill(milestone)).append("\" stroke=\"#777\"")
                    .append(milestone.status().toString().equals("unknown") ? " stroke-dasharray=\"4 3\"" : "").append("/>")
                    .append("<text x=\"").append(at[0] + 8).append("\" y=\"").append(at[1] + 20).append("\" font-size=\"11\" font-weight=\"bold\">")
                    .append(escape(abbreviate(milestone.id(), 32))).append("</text>")
                    .append("<text x=\"").append(at[0] + 8).append("\" y=\"").append(at[1] + 38).append("\" font-size=\"11\">")
                    .append(escape(milestone.status() + (milestone.blockedBy().isEmpty() ? "" : " by " + String.join(", ", milestone.blockedBy()))))
                    .append("</text></g>\n");
        }
        arrows.forEach(arrow -> svg.append(arrow).append('\n'));
        return svg.append("</svg>\n").toString();
    }

    private static String fill(MilestoneResult milestone) {
        return switch (milestone.status()) {
            case ACHIEVED -> "#bfe6bf";
            case READY -> "#f7e7a1";
            case BLOCKED -> "#d9d9d9";
            case UNKNOWN -> "#ffffff";
        };
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
