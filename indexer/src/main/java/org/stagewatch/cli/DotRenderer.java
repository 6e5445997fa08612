package org.stagewatch.cli;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;

import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.control.ControlGraph;
import org.stagewatch.analyze.control.Gate;
import org.stagewatch.analyze.control.GateText;
import org.stagewatch.analyze.control.Node;
import org.stagewatch.report.Percent;

/**
 * Writes a control graph as Graphviz DOT ({@code paths --dot | dot -Tsvg > control.svg}): one box per
 * configured contract (critical ones red, councils blue), one ellipse per key, an arrow from each actor
 * to what it acts as, labelled with how (owner, EXECUTOR_ROLE, 9-of-12 signers, message path …) and
 * the delay; an aliased L1 contract is drawn acting on L2 directly, labelled "L1→L2 alias".
 */
final class DotRenderer {
    private final ControlGraph graph;
    private final Set<String> lines = new LinkedHashSet<>();

    private DotRenderer(ControlGraph graph) {
        this.graph = graph;
    }

    static void render(PrintStream out, String dao, ChainPoints points, ControlGraph graph, Set<Node> critical) {
        DotRenderer renderer = new DotRenderer(graph);
        out.println("digraph \"" + dao + "\" {");
        out.println("  label=\"DAO " + dao + " — who can act as whom at " + points.byChain().values().stream()
                .map(point -> "chain " + point.chainId() + " block " + point.block()).toList() + "\"; rankdir=LR;");
        out.println("  node [shape=box, fontname=\"Helvetica\", fontsize=10]; edge [fontname=\"Helvetica\", fontsize=9];");
        for (ControlGraph.Contract contract : graph.contracts()) {
            String fill = critical.contains(contract.node()) ? "#f8d0d0" : graph.councils().containsKey(contract.node()) ? "#d0e0f8" : "#f4f4f4";
            out.printf("  %s [label=\"%s\\n%s\\n%s\", style=filled, fillcolor=\"%s\"];%n", id(contract.node()),
                    escape(contract.label()), contract.kind(), contract.node(), fill);
        }
        graph.allActsAs().forEach((node, gates) -> gates.forEach(gate -> renderer.edges(gate, node, "", 0)));
        renderer.lines.forEach(out::println);
        out.println("}");
    }

    private void edges(Gate gate, Node target, String relation, long delay) {
        switch (gate) {
            case Gate.Step step -> edges(step.actor(), target, step.hop().relation(), step.hop().delaySeconds());
            case Gate.AnyOf any -> any.options().forEach(option -> edges(option, target, relation, delay));
            case Gate.Threshold threshold -> threshold.parties().forEach(party -> edges(party, target, relation, delay));
            case Gate.Ref ref -> edge(actor(ref.node()), target, relation, delay);
            case Gate.Key key -> {
                lines.add("  \"key:" + key.address() + "\" [shape=ellipse, label=\"" + Output.shortAddress(key.address()) + "\"];");
                edge("\"key:" + key.address() + "\"", target, relation, delay);
            }
            case Gate.Vote vote -> {
                lines.add("  \"vote:" + vote.governor() + "\" [shape=ellipse, label=\"token holders\\n"
                        + escape(GateText.coalition(vote.need())) + "\\n" + escape(GateText.duration(vote.need())) + "\"];");
                edge("\"vote:" + vote.governor() + "\"", target, relation, delay);
            }
            case Gate.Anyone anyone -> {
                lines.add("  \"anyone\" [shape=ellipse];");
                edge("\"anyone\"", target, relation, delay);
            }
            case Gate.Nobody nobody -> {
                // no arrow
            }
        }
    }

    /** The node an arrow starts from: the contract itself, the L1 contract behind an alias, or a key. */
    private String actor(Node node) {
        if (graph.isContract(node)) {
            return id(node);
        }
        Long parent = graph.parent(node.chainId());
        Node l1 = parent == null ? null : new Node(parent, Node.unalias(node.address()));
        if (l1 != null && graph.isContract(l1)) {
            lines.add("  " + id(l1) + " -> " + id(node) + " [label=\"L1→L2 alias\", style=dashed];");
            lines.add("  " + id(node) + " [shape=ellipse, label=\"alias of " + escape(graph.label(l1)) + "\\n" + node + "\"];");
            return id(node);
        }
        lines.add("  \"key:" + node.address() + "\" [shape=ellipse, label=\"" + Output.shortAddress(node.address()) + "\"];");
        return "\"key:" + node.address() + "\"";
    }

    private void edge(String from, Node to, String relation, long delay) {
        lines.add("  " + from + " -> " + id(to) + " [label=\"" + escape(relation) + (delay > 0 ? "\\n+" + delay + " s" : "") + "\"];");
    }

    private static String id(Node node) {
        return "\"" + node + "\"";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
