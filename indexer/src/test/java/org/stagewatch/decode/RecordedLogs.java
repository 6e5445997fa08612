package org.stagewatch.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.DecodedEvent;

/**
 * The eth_getLogs payloads recorded by contracts-abi/fixtures-recorder (see logs/README.md), as
 * RawLogs, plus the anvil accounts the recording used.
 */
public final class RecordedLogs {
    public static final long ANVIL_CHAIN_ID = 31337;
    public static final String DEPLOYER = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    public static final String ALICE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    public static final String BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    public static final String CAROL = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
    public static final String DAVE = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
    public static final String ERIN = "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc";
    public static final String FRANK = "0x976ea74026e726554db657fa54763abd0c3a0aa9";
    public static final String ZERO = "0x0000000000000000000000000000000000000000";

    public static final EventDecoder DECODER = EventDecoder.standard();

    private RecordedLogs() {
    }

    public static List<RawLog> load(String file) {
        try (InputStream in = RecordedLogs.class.getResourceAsStream("/logs/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no recorded logs /logs/" + file);
            }
            List<RawLog> logs = new ArrayList<>();
            for (JsonNode log : new ObjectMapper().readTree(in)) {
                logs.add(new RawLog(ANVIL_CHAIN_ID, quantity(log, "blockNumber"), log.get("blockHash").asText(),
                        log.get("transactionHash").asText(), (int) quantity(log, "transactionIndex"),
                        (int) quantity(log, "logIndex"), log.get("address").asText().toLowerCase(Locale.ROOT),
                        StreamSupport.stream(log.get("topics").spliterator(), false).map(JsonNode::asText).toList(),
                        log.get("data").asText()));
            }
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes every log of a file as emitted by a contract of {@code kind}, dropping the ones not ours. */
    static List<DecodedEvent> decodeAll(ContractKind kind, String file) {
        return load(file).stream().flatMap(log -> DECODER.decode(kind, log).stream()).toList();
    }

    static <T extends DecodedEvent> List<T> only(List<DecodedEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends DecodedEvent> T single(List<DecodedEvent> events, Class<T> type) {
        List<T> matching = only(events, type);
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", got " + matching.size());
        }
        return matching.get(0);
    }

    private static long quantity(JsonNode log, String field) {
        return Long.parseLong(log.get(field).asText().substring(2), 16);
    }
}
