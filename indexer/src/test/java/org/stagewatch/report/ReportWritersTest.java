package org.stagewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.stagewatch.analyze.milestones.MilestoneResult;
import org.stagewatch.analyze.milestones.MilestoneStatus;
import org.stagewatch.analyze.milestones.MilestonesReport;
import org.stagewatch.analyze.milestones.PhaseProgress;
import org.stagewatch.analyze.stage.Evidence;
import org.stagewatch.analyze.stage.Status;
import org.stagewatch.report.ReportDocument.Cell;
import org.stagewatch.report.ReportDocument.Span;

/** The report's two writers keep text as text: names and values never turn into markup, and only safe links become links. */
class ReportWritersTest {
    private static ReportDocument document() {
        ReportDocument document = new ReportDocument("DAO '<x>' & co");
        document.heading(2, "1. Stage: Stage 0", "stage");
        document.paragraph(Span.text("see "), Span.link("the stage", "#stage"), Span.text(" and "),
                Span.link("evil", "javascript:alert(1)"), Span.text(" and "), Span.link("L2BEAT", "https://l2beat.com/a b"));
        document.table(List.of("requirement", "status", "evidence"), List.of(List.of(Cell.code("usersHave7DaysToExit"),
                Cell.status("failed"), Cell.lines(List.of(List.of(Span.text("a | b <script>")), List.of(Span.code("0xab|cd")))))));
        return document;
    }

    @Test
    void shouldEscapeEveryTextInHtmlAndLinkOnlyWebAndInPageTargets() throws Exception {
        String html = ReportHtml.render(document());
        assertThat(html).contains("<title>DAO &#39;&lt;x&gt;&#39; &amp; co</title>")
                .contains("<h2 id=\"stage\">1. Stage: Stage 0</h2>")
                .contains("<a href=\"#stage\">the stage</a>")
                .contains("<a href=\"https://l2beat.com/a b\">L2BEAT</a>")
                .contains("a | b &lt;script&gt;<br><code>0xab|cd</code>")
                .contains("<td class=\"failed\">failed</td>")
                .doesNotContain("javascript:").doesNotContain("<script>");
    }

    @Test
    void shouldKeepMarkdownTablesIntactAndPointInPageLinksAtGithubAnchors() {
        String md = ReportMarkdown.render(document(), "report");
        assertThat(md).contains("# DAO '\\<x\\>' & co")
                .contains("[the stage](#1-stage-stage-0)")
                .contains("[L2BEAT](https://l2beat.com/a%20b)")
                .contains("| `usersHave7DaysToExit` | **failed** | a \\| b \\<script\\><br>`0xab\\|cd` |")
                .contains(" and evil and ")
                .doesNotContain("javascript:");
    }

    @Test
    void shouldDrawTheMilestoneDagWithEscapedTextAndLinkItFromMarkdown() throws Exception {
        Evidence none = Evidence.fact("x", "y");
        var root = new MilestoneResult("root<&>", "Root", "A", List.of(), null,
                MilestoneStatus.READY, List.of(), Status.FAILED, List.of(none));
        var leaf = new MilestoneResult("leaf", "Leaf \"quoted\"", "B", List.of("root<&>"), null,
                MilestoneStatus.BLOCKED, List.of("root<&>"), Status.PASSED,
                List.of(none));
        var report = new MilestonesReport("dao", 1, 10, null, List.of(), List.of(
                new PhaseProgress("A", "First", 1, 0, 1, false),
                new PhaseProgress("B", "Second", 2, 0, 1, false)), List.of(root, leaf));
        String svg = MilestoneSvg.render(report);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(svg).contains("root&lt;&amp;&gt;").contains("blocked by root&lt;&amp;&gt;").contains("fill=\"#d9d9d9\"")
                .contains("stroke=\"#c03030\"").contains("Leaf &quot;quoted&quot;");
        ReportDocument document = new ReportDocument("t");
        document.picture("milestones", "the path", svg);
        assertThat(ReportMarkdown.render(document, "report")).contains("![the path](report-milestones.svg)");
        assertThat(ReportHtml.render(document)).contains("<figure id=\"figure-milestones\">\n<svg ");
    }
}
