package org.stagewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stagewatch.cli.ReportDocument.Cell;
import org.stagewatch.cli.ReportDocument.Span;

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
    void shouldPickTheFormatFromTheExtensionAndNameBothWhenItIsNeither() {
        assertThat(ReportCommand.Format.of(Path.of("out/Report.HTML"))).isEqualTo(ReportCommand.Format.HTML);
        assertThat(ReportCommand.Format.of(Path.of("report.md"))).isEqualTo(ReportCommand.Format.MARKDOWN);
        assertThatThrownBy(() -> ReportCommand.Format.of(Path.of("report.pdf"))).isInstanceOf(UserError.class)
                .hasMessageContaining("--out report.pdf").hasMessageContaining(".html").hasMessageContaining(".md");
    }
}
