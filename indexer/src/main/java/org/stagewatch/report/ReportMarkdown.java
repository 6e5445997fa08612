package org.stagewatch.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.stagewatch.report.ReportDocument.Block;
import org.stagewatch.report.ReportDocument.Cell;
import org.stagewatch.report.ReportDocument.Figure;
import org.stagewatch.report.ReportDocument.Picture;
import org.stagewatch.report.ReportDocument.Heading;
import org.stagewatch.report.ReportDocument.Paragraph;
import org.stagewatch.report.ReportDocument.Span;
import org.stagewatch.report.ReportDocument.Table;

/**
 * Writes a {@link ReportDocument} as GitHub-flavoured Markdown: pipe tables (several lines in a cell
 * joined with {@code <br>}), links, and each chart as an image link to {@code <base>-<figure>.png} next
 * to the document (the command writes those files). Text is backslash-escaped so names and values never
 * turn into markup; in-page links point at the anchors GitHub derives from the headings.
 */
final class ReportMarkdown {
    private ReportMarkdown() {
    }

    /** The file name a figure's PNG gets next to a Markdown report whose name without ".md" is {@code base}. */
    static String figureFile(String base, Figure figure) {
        return base + "-" + figure.name() + ".png";
    }

    /** The file name a picture's SVG gets next to a Markdown report whose name without ".md" is {@code base}. */
    static String pictureFile(String base, Picture picture) {
        return base + "-" + picture.name() + ".svg";
    }

    static String render(ReportDocument document, String base) {
        Map<String, String> slugs = new HashMap<>();
        for (Block block : document.blocks) {
            if (block instanceof Heading heading && heading.anchor() != null) {
                slugs.put(heading.anchor(), slug(heading.text()));
            }
        }
        StringBuilder md = new StringBuilder("# ").append(escape(document.title)).append("\n\n");
        for (Block block : document.blocks) {
            switch (block) {
                case Heading heading -> md.append("#".repeat(heading.level())).append(' ').append(escape(heading.text())).append("\n\n");
                case Paragraph paragraph -> md.append(spans(paragraph.spans(), slugs)).append("\n\n");
                case Table table -> table(md, table, slugs);
                case Figure figure -> md.append("![").append(escape(figure.caption())).append("](")
                        .append(path(figureFile(base, figure))).append(")\n\n*").append(escape(figure.caption())).append("*\n\n");
                case Picture picture -> md.append("![").append(escape(picture.caption())).append("](")
                        .append(path(pictureFile(base, picture))).append(")\n\n*").append(escape(picture.caption())).append("*\n\n");
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Table table, Map<String, String> slugs) {
        md.append("| ").append(table.header().stream().map(name -> name.isEmpty() ? " " : escape(name)).collect(Collectors.joining(" | ")))
                .append(" |\n|").append(" --- |".repeat(table.header().size())).append('\n');
        for (List<Cell> row : table.rows()) {
            md.append("| ").append(row.stream().map(cell -> cell(cell, slugs)).collect(Collectors.joining(" | "))).append(" |\n");
        }
        md.append('\n');
    }

    private static String cell(Cell cell, Map<String, String> slugs) {
        String text = cell.lines().stream().map(line -> spans(line, slugs)).collect(Collectors.joining("<br>"));
        if (text.isEmpty()) {
            return " ";
        }
        return "failed".equals(cell.tone()) || "unknown".equals(cell.tone()) ? "**" + text + "**" : text;
    }

    private static String spans(List<Span> spans, Map<String, String> slugs) {
        StringBuilder md = new StringBuilder();
        for (Span span : spans) {
            String text = span.code() ? code(span.text()) : escape(span.text());
            String link = span.link();
            if (link != null && link.startsWith("#")) {
                md.append('[').append(text).append("](#").append(slugs.getOrDefault(link.substring(1), link.substring(1))).append(')');
            } else if (link != null && ReportHtml.linkable(link)) {
                md.append('[').append(text).append("](").append(path(link)).append(')');
            } else {
                md.append(text);
            }
        }
        return md.toString();
    }

    private static String code(String text) {
        String fence = text.contains("`") ? "``" : "`";
        return fence + (fence.length() > 1 ? " " : "") + text.replace("|", "\\|").replace("\n", " ") + (fence.length() > 1 ? " " : "") + fence;
    }

    /** A link target safe inside (…): the characters that would end or split it percent-encoded. */
    static String path(String target) {
        return target.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
                .replace("|", "%7C");
    }

    /** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~' -> out.append('\\').append(c);
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
