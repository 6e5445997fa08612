package org.stagewatch.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.stagewatch.config.ContractKind;
import org.web3j.crypto.Hash;

/**
 * Reads standard Solidity ABI JSON into {@link AbiEvent}s: canonical signature and topic0 (keccak256
 * via web3j). Only the types the decoder can check strictly are accepted, so an ABI file that uses
 * something else fails at load time instead of decoding it loosely.
 */
final class AbiJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATIC = Pattern.compile(
            "address|bool|uint(8|16|24|32|40|48|64|96|128|160|192|208|224|248|256)|bytes([1-9]|[12][0-9]|3[0-2])");
    private static final Set<String> DYNAMIC = Set.of("bytes", "string");

    private AbiJson() {
    }

    static List<AbiEvent> parse(ContractKind kind, String source, InputStream json) throws IOException {
        return parse(kind, source, JSON.readTree(json));
    }

    static List<AbiEvent> parse(ContractKind kind, String source, JsonNode abi) {
        List<AbiEvent> events = new ArrayList<>();
        for (JsonNode entry : abi) {
            if (!"event".equals(entry.path("type").asText()) || entry.path("anonymous").asBoolean(false)) {
                continue;
            }
            String name = entry.path("name").asText();
            List<AbiParam> inputs = new ArrayList<>();
            for (JsonNode input : entry.path("inputs")) {
                AbiParam param = new AbiParam(input.path("name").asText(), input.path("type").asText(),
                        input.path("indexed").asBoolean(false));
                check(kind, source, name, param);
                inputs.add(param);
            }
            String signature = canonical(name, inputs);
            events.add(new AbiEvent(kind, source, name, inputs, signature, Hash.sha3String(signature)));
        }
        return events;
    }

    static String canonical(String name, List<AbiParam> inputs) {
        return name + "(" + String.join(",", inputs.stream().map(AbiParam::type).toList()) + ")";
    }

    private static void check(ContractKind kind, String source, String event, AbiParam param) {
        String type = param.type();
        String element = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
        boolean supported = STATIC.matcher(element).matches() || DYNAMIC.contains(element);
        // Indexed dynamic values are only a hash in the topic: nothing we index uses them.
        if (!supported || (param.indexed() && param.dynamic())) {
            throw new IllegalStateException("abi/" + kind + "/" + source + ".json: event " + event + " parameter "
                    + param.name() + " has unsupported type '" + param.type() + (param.indexed() ? " indexed'" : "'"));
        }
    }
}
