package org.stagewatch.cli;

import java.io.PrintStream;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * How commands print: one JSON document for {@code --json} (uint256 values as decimal strings, so
 * no consumer loses precision; decimals written plainly), aligned text tables otherwise. The same
 * data prints the same bytes in every run: maps and sets whose iteration order is a hash order
 * (see {@link StableOrder}) are written sorted.
 */
final class Output {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(BigInteger.class, ToStringSerializer.instance)
                    .setSerializerModifier(new StableOrder()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Output() {
    }

    static void json(PrintStream out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints rows as a table whose columns are as wide as their widest cell; the first row is the header. */
    static void table(PrintStream out, java.util.List<java.util.List<String>> rows) {
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
                boolean numeric = !cell.isEmpty() && cell.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',' || c == '%');
                line.append(numeric ? " ".repeat(widths[i] - cell.length()) + cell : cell + " ".repeat(widths[i] - cell.length()));
                if (i < columns - 1) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A token amount with 18 decimals, shown as whole tokens with thousands separators (display only). */
    static String tokens(BigInteger wei) {
        return String.format(java.util.Locale.ROOT, "%,.2f", new java.math.BigDecimal(wei).movePointLeft(18));
    }

    static String percent(java.math.BigDecimal share) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", share.doubleValue() * 100);
    }

    static String shortAddress(String address) {
        return address.length() <= 12 ? address : address.substring(0, 8) + "…" + address.substring(address.length() - 4);
    }
}
