package org.stagewatch.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.stagewatch.query.Json;

/**
 * How commands print: one JSON document for {@code --json} (written as {@link org.stagewatch.query.Json} says,
 * the same as the HTTP API's), aligned text tables otherwise.
 */
final class Output {
    static final ObjectMapper JSON = Json.mapper();

    private Output() {
    }

    static void json(PrintStream out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cell right-aligned as a number: digits with separators and a point, a sign (a margin), a percent sign. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9][0-9.,]*%?");

    /** Prints rows as a table whose columns are as wide as their widest cell; the first row is the header. */
    static void table(PrintStream out, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (var row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (var row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                boolean numeric = NUMBER.matcher(cell).matches();
                line.append(numeric ? " ".repeat(widths[i] - cell.length()) + cell : cell + " ".repeat(widths[i] - cell.length()));
                if (i < columns - 1) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String shortAddress(String address) {
        return address.length() <= 12 ? address : address.substring(0, 8) + "…" + address.substring(address.length() - 4);
    }
}
