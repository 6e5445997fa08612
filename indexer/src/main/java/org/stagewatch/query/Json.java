package org.stagewatch.query;

import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * How every answer document is written, by the CLI's {@code --json} and by the HTTP API alike: uint256
 * values as decimal strings (no consumer loses precision), decimals written plainly, indented. The same data
 * prints the same bytes in every run: maps and sets whose iteration order is a hash order (see
 * {@link StableOrder}) are written sorted.
 */
public final class Json {
    private Json() {
    }

    /** A new mapper with the documents' settings (a caller may add to its own copy, e.g. a mix-in). */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(BigInteger.class, ToStringSerializer.instance)
                        .setSerializerModifier(new StableOrder()))
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
