package org.stagewatch.report;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.stagewatch.report.ReportDocument.Block;
import org.stagewatch.report.ReportDocument.Cell;
import org.stagewatch.report.ReportDocument.Figure;
import org.stagewatch.report.ReportDocument.Picture;
import org.stagewatch.report.ReportDocument.Heading;
import org.stagewatch.report.ReportDocument.Paragraph;
import org.stagewatch.report.ReportDocument.Span;
import org.stagewatch.report.ReportDocument.Table;

/**
 * Writes a {@link ReportDocument} as one self-contained HTML page: inline CSS, charts as PNG data URIs,
 * no script and nothing fetched. Every piece of text is escaped; only http(s), mailto and in-page
 * links become anchors, anything else stays text.
 */
final class ReportHtml {
    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;margin:0;background:#f6f7f9}
            main{max-width:1200px;margin:0 auto;padding:24px 32px;background:#fff}
            h1{font-size:1.7em;margin:.2em 0 .4em}h2{margin-top:2em;border-bottom:2px solid #dde1e6;padding-bottom:.2em}
            h3{margin-top:1.5em}
            table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em;width:100%}
            th,td{border:1px solid #d5d9de;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#eef1f4}tr:nth-child(even) td{background:#fafbfc}
            code{font:.88em/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
            td.passed{background:#d8f5dd!important;color:#0f5323;font-weight:600}
            td.failed{background:#fbdcdc!important;color:#8a1414;font-weight:600}
            td.unknown{background:#fdf1cc!important;color:#7a5600;font-weight:600}
            td.gated{background:#e3ecfb!important;color:#1c3f7a;font-weight:600}
            figure{margin:1em 0 1.6em}figure img{max-width:100%;height:auto;border:1px solid #e3e6ea}
            figcaption{color:#56606b;font-size:.9em}a{color:#0b57d0}
            """;

    private ReportHtml() {
    }

    static String render(ReportDocument document) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"stagewatch report\">\n")
                .append("<title>").append(escape(document.title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n")
                .append("<body>\n<main>\n<h1>").append(escape(document.title)).append("</h1>\n");
        for (Block block : document.blocks) {
            switch (block) {
                case Heading heading -> html.append("<h").append(heading.level())
                        .append(heading.anchor() == null ? "" : " id=\"" + escape(heading.anchor()) + "\"").append('>')
                        .append(escape(heading.text())).append("</h").append(heading.level()).append(">\n");
                case Paragraph paragraph -> html.append("<p>").append(spans(paragraph.spans())).append("</p>\n");
                case Table table -> table(html, table);
                case Figure figure -> html.append("<figure id=\"figure-").append(escape(figure.name())).append("\">\n")
                        .append("<img alt=\"").append(escape(figure.caption())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(figure.chart().png())).append("\">\n<figcaption>")
                        .append(escape(figure.caption())).append("</figcaption>\n</figure>\n");
                case Picture picture -> html.append("<figure id=\"figure-").append(escape(picture.name())).append("\">\n")
                        .append(picture.svg()).append("<figcaption>").append(escape(picture.caption())).append("</figcaption>\n</figure>\n");
            }
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<table>\n<thead><tr>");
        table.header().forEach(name -> html.append("<th>").append(escape(name)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : table.rows()) {
            html.append("<tr>");
            for (Cell cell : row) {
                html.append(cell.tone() == null ? "<td>" : "<td class=\"" + escape(cell.tone()) + "\">");
                for (int i = 0; i < cell.lines().size(); i++) {
                    html.append(i == 0 ? "" : "<br>").append(spans(cell.lines().get(i)));
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String spans(List<Span> spans) {
        StringBuilder html = new StringBuilder();
        for (Span span : spans) {
            String text = span.code() ? "<code>" + escape(span.text()) + "</code>" : escape(span.text());
            html.append(span.link() != null && linkable(span.link()) ? "<a href=\"" + escape(span.link()) + "\">" + text + "</a>" : text);
        }
        return html.toString();
    }

    static boolean linkable(String href) {
        String lower = href.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:") || lower.startsWith("#");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
