package org.stagewatch.decode;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.DecodedEvent;

/**
 * The decode stage: a raw log plus the kind of contract that emitted it in, a typed record out.
 *
 * <p>Dispatch is on (emitter kind, topic0, number of topics), which is what keeps the traps apart:
 * Safe v1.3 and v1.4 share topic0 but index different parameters; Agora's variant D exists with
 * three indexed parameters and with none; Optimism's LivenessModule emits Safe's RemovedOwner topic0
 * but is not configured as a Safe. A log that matches nothing for its kind is not an error, only
 * not ours: {@link Optional#empty()}. A log that matches but does not decode is a
 * {@link DecodeException}. Thread-safe and stateless beyond the registry.
 */
public final class EventDecoder {
    private static final List<Function<LogValues, DecodedEvent>> MAPPERS = List.of(
            GovernorEvents::map, TokenEvents::map, SafeEvents::map, TimelockEvents::map, ControlEvents::map);

    private final AbiRegistry registry;

    public EventDecoder(AbiRegistry registry) {
        this.registry = registry;
        // Fail at start-up, not on the first such log, if an ABI file gained an event with no record.
        for (ContractKind kind : ContractKind.values()) {
            for (AbiEvent event : registry.events(kind)) {
                if (MAPPERS.stream().noneMatch(m -> m.apply(probe(event)) != null)) {
                    throw new IllegalStateException("no record for " + event.describe());
                }
            }
        }
    }

    /** A decoder over the ABIs shipped in contracts-abi. */
    public static EventDecoder standard() {
        return new EventDecoder(AbiRegistry.load());
    }

    public Optional<DecodedEvent> decode(ContractKind emitterKind, RawLog log) {
        if (log.topics().isEmpty()) {
            return Optional.empty(); // anonymous events: nothing we index emits them
        }
        String topic0 = log.topic0().toLowerCase(Locale.ROOT);
        return registry.find(emitterKind, topic0, log.topics().size())
                .map(event -> map(AbiCodec.decode(event, log)));
    }

    /** The topic0s to request in eth_getLogs for contracts of this kind. */
    public Set<String> topic0s(ContractKind kind) {
        return registry.topic0s(kind);
    }

    public AbiRegistry registry() {
        return registry;
    }

    private static DecodedEvent map(LogValues values) {
        for (Function<LogValues, DecodedEvent> mapper : MAPPERS) {
            DecodedEvent event = mapper.apply(values);
            if (event != null) {
                return event;
            }
        }
        throw new IllegalStateException("no record for " + values.event().describe());
    }

    /** Values of the right Java types for every parameter, so a mapper can be tried without a log. */
    private static LogValues probe(AbiEvent event) {
        List<Object> values = event.inputs().stream().map(p -> probeValue(p.type())).toList();
        RawLog log = new RawLog(0, 0, "0x", "0x", 0, 0, "0x", List.of(event.topic0()), "0x");
        return new LogValues(event, log, values);
    }

    private static Object probeValue(String type) {
        if (type.endsWith("[]")) {
            return List.of();
        }
        if (type.equals("bool")) {
            return Boolean.FALSE;
        }
        return type.startsWith("uint") ? BigInteger.ZERO : "0x";
    }
}
