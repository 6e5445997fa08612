package org.stagewatch.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The one CSV dialect Stagewatch writes (Apache Commons CSV): RFC 4180 fields separated by commas, records by a line
 * feed, a header line first; every value quoted (a quote inside doubled), so commas, quotes and line breaks in a
 * proposal's description survive, and a NULL written as an empty field without quotes — which keeps it apart from an
 * empty text ({@code ""}). Reading it back with {@link #FORMAT} gives the same values and the same NULLs.
 */
public final class Csv {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator('\n')
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setNullString("")
            .get();

    private Csv() {
    }

    /** A printer that has already written the header line. */
    public static CSVPrinter printer(Writer out, List<String> header) throws IOException {
        return new CSVPrinter(out, FORMAT.builder().setHeader(header.toArray(String[]::new)).get());
    }

    /** The format to read a file this class wrote: its first line is the header. */
    public static CSVFormat reading() {
        return FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();
    }
}
