package org.stagewatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code stagewatch report} as format-neutral blocks — headings, paragraphs, tables, charts — so the
 * HTML and the Markdown writer show the same facts and differ only in markup. Text is kept raw here;
 * each writer escapes it for its own format.
 */
public final class ReportDocument {
    /** One piece of a document, in reading order. */
    sealed interface Block permits Heading, Paragraph, Table, Figure, Picture {
    }

    /** @param anchor the id other blocks link to (#anchor) */
    record Heading(int level, String text, String anchor) implements Block {
    }

    record Paragraph(List<Span> spans) implements Block {
    }

    /** @param header the column names; every row has as many cells */
    record Table(List<String> header, List<List<Cell>> rows) implements Block {
    }

    /**
     * A chart with its caption.
     *
     * @param name the file-name suffix of the chart's PNG next to a Markdown report ({@code <report>-<name>.png})
     */
    record Figure(String name, String caption, PaperChart chart) implements Block {
    }

    /**
     * A drawing given as SVG text (the milestone DAG), with its caption.
     *
     * @param name the file-name suffix of the SVG next to a Markdown report ({@code <report>-<name>.svg})
     */
    record Picture(String name, String caption, String svg) implements Block {
    }

    /** A run of text: plain, code (addresses, hashes), or a link. */
    record Span(String text, String link, boolean code) {
        static Span text(String text) {
            return new Span(text, null, false);
        }

        static Span code(String text) {
            return new Span(text, null, true);
        }

        static Span link(String text, String href) {
            return new Span(text, href, false);
        }
    }

    /**
     * A table cell: lines of spans, and a tone for outcomes ({@code passed}, {@code failed}, {@code unknown})
     * the HTML colours; null for none.
     */
    record Cell(List<List<Span>> lines, String tone) {
        static Cell of(String text) {
            return new Cell(List.of(List.of(Span.text(text))), null);
        }

        static Cell code(String text) {
            return new Cell(List.of(List.of(Span.code(text))), null);
        }

        static Cell spans(Span... spans) {
            return new Cell(List.of(List.of(spans)), null);
        }

        static Cell lines(List<List<Span>> lines) {
            return new Cell(List.copyOf(lines), null);
        }

        static Cell status(String status) {
            return new Cell(List.of(List.of(Span.text(status))), status.toLowerCase(Locale.ROOT));
        }
    }

    final String title;
    final List<Block> blocks = new ArrayList<>();

    ReportDocument(String title) {
        this.title = title;
    }

    ReportDocument heading(int level, String text, String anchor) {
        blocks.add(new Heading(level, text, anchor));
        return this;
    }

    ReportDocument paragraph(Span... spans) {
        blocks.add(new Paragraph(List.of(spans)));
        return this;
    }

    ReportDocument paragraph(String text) {
        return paragraph(Span.text(text));
    }

    ReportDocument table(List<String> header, List<List<Cell>> rows) {
        blocks.add(new Table(List.copyOf(header), List.copyOf(rows)));
        return this;
    }

    ReportDocument figure(String name, String caption, PaperChart chart) {
        blocks.add(new Figure(name, caption, chart));
        return this;
    }

    ReportDocument picture(String name, String caption, String svg) {
        blocks.add(new Picture(name, caption, svg));
        return this;
    }

    List<Picture> pictures() {
        return blocks.stream().filter(Picture.class::isInstance).map(Picture.class::cast).toList();
    }

    List<Figure> figures() {
        return blocks.stream().filter(Figure.class::isInstance).map(Figure.class::cast).toList();
    }
}
