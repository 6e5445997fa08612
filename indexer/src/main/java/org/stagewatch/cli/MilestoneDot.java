package org.stagewatch.cli;

import java.io.PrintStream;

import org.stagewatch.analyze.milestones.MilestoneResult;
import org.stagewatch.analyze.milestones.MilestonesReport;
import org.stagewatch.analyze.milestones.PhaseProgress;

/**
 * Writes a DAO's milestones as a Graphviz DOT DAG ({@code milestones --dot | dot -Tsvg > path.svg}): one
 * cluster per phase (titled with its progress), one box per milestone filled by its status (achieved green,
 * ready yellow, blocked grey, unknown white with a dashed border), an arrow from each dependency to its
 * dependent, red when the dependency is what blocks it.
 */
final class MilestoneDot {
    private MilestoneDot() {
    }

    static void render(PrintStream out, MilestonesReport report) {
        out.println("digraph \"" + escape(report.dao()) + " milestones\" {");
        out.printf("  label=\"DAO %s — milestones at chain %d block %d\"; rankdir=LR; compound=true;%n", escape(report.dao()),
                report.chainId(), report.block());
        out.println("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10]; edge [color=\"#555555\"];");
        for (PhaseProgress phase : report.phases()) {
            out.printf("  subgraph \"cluster_%s\" {%n    label=\"Phase %s: %s (%d/%d%s)\"; style=rounded; color=\"#999999\";%n",
                    escape(phase.id()), escape(phase.id()), escape(phase.title()), phase.achieved(), phase.total(),
                    phase.complete() ? ", complete" : "");
            for (MilestoneResult milestone : report.milestones()) {
                if (milestone.phase().equals(phase.id())) {
                    out.printf("    \"%s\" [label=\"%s\\n%s\", fillcolor=\"%s\"%s];%n", escape(milestone.id()), escape(milestone.title()),
                            milestone.status(), fill(milestone), milestone.status().toString().equals("unknown") ? ", style=\"rounded,dashed\"" : "");
                }
            }
            out.println("  }");
        }
        for (MilestoneResult milestone : report.milestones()) {
            for (String dependency : milestone.after()) {
                out.printf("  \"%s\" -> \"%s\"%s;%n", escape(dependency), escape(milestone.id()),
                        milestone.blockedBy().contains(dependency) ? " [color=\"#c03030\"]" : "");
            }
        }
        out.println("}");
    }

    private static String fill(MilestoneResult milestone) {
        return switch (milestone.status()) {
            case ACHIEVED -> "#bfe6bf";
            case READY -> "#f7e7a1";
            case BLOCKED -> "#d9d9d9";
            case UNKNOWN -> "#ffffff";
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
