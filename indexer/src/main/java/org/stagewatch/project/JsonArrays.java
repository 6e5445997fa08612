package org.stagewatch.project;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Lists of addresses stored as JSON array text (Safe setup owners, council cohorts). */
final class JsonArrays {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonArrays() {
    }

    static String of(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
