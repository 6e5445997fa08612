package org.stagewatch.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stagewatch.config.ContractKind;

/**
 * The event ABIs of every contract kind, indexed by (kind, topic0, number of topics).
 *
 * <p>Owns the rule that makes dispatch unambiguous: within one kind, a (topic0, topic count) key
 * names exactly one layout. Declarations of the same layout under one key (OZ v4 and v5, Bravo
 * and Alpha ProposalCreated) collapse to the first one listed; different layouts under one key are
 * refused when the registry is built, because a log could then decode two ways.
 */
public final class AbiRegistry {
    /** Where contracts-abi puts abi/ on the classpath; index.json lists the files per kind. */
    public static final String RESOURCE_ROOT = "/org/stagewatch/abi/";

    private record Key(String topic0, int topicCount) {
    }

    private final Map<ContractKind, Map<Key, AbiEvent>> byKind = new EnumMap<>(ContractKind.class);

    /** Builds a registry from events, in priority order; fails on conflicting layouts. */
    public AbiRegistry(Collection<AbiEvent> events) {
        for (ContractKind kind : ContractKind.values()) {
            byKind.put(kind, new LinkedHashMap<>());
        }
        for (AbiEvent event : events) {
            Key key = new Key(event.topic0(), event.topicCount());
            AbiEvent known = byKind.get(event.kind()).putIfAbsent(key, event);
            if (known != null && !known.layout().equals(event.layout())) {
                throw new IllegalStateException("ambiguous ABI for kind " + event.kind() + ": " + known.describe()
                        + " and " + event.describe() + " share topic0 " + event.topic0() + " and "
                        + event.topicCount() + " topics but lay out their parameters differently");
            }
        }
    }

    /** Loads every file listed in {@code index.json} from the classpath. */
    public static AbiRegistry load() {
        try {
            JsonNode index = new ObjectMapper().readTree(open("index.json"));
            List<AbiEvent> events = new ArrayList<>();
            for (Iterator<String> it = index.fieldNames(); it.hasNext(); ) {
                String folder = it.next();
                if (folder.startsWith("_")) {
                    continue;
                }
                ContractKind kind = ContractKind.fromConfigName(folder).orElseThrow(() ->
                        new IllegalStateException(RESOURCE_ROOT + "index.json: unknown kind '" + folder
                                + "' (expected one of " + ContractKind.expectedNames() + ")"));
                for (JsonNode file : index.get(folder)) {
                    String name = file.asText();
                    try (InputStream in = open(folder + "/" + name)) {
                        events.addAll(AbiJson.parse(kind, name.replaceFirst("\\.json$", ""), in));
                    }
                }
            }
            return new AbiRegistry(events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event ABIs under " + RESOURCE_ROOT, e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = AbiRegistry.class.getResourceAsStream(RESOURCE_ROOT + path);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + RESOURCE_ROOT + path
                    + " (is contracts-abi on the classpath?)");
        }
        return in;
    }

    /** The event a log with this topic0 and topic count is, when emitted by a contract of this kind. */
    public Optional<AbiEvent> find(ContractKind kind, String topic0, int topicCount) {
        return Optional.ofNullable(byKind.get(kind).get(new Key(topic0, topicCount)));
    }

    /** The distinct topic0s to request in eth_getLogs for contracts of this kind. */
    public Set<String> topic0s(ContractKind kind) {
        Set<String> topics = new LinkedHashSet<>();
        byKind.get(kind).keySet().forEach(key -> topics.add(key.topic0()));
        return Collections.unmodifiableSet(topics);
    }

    /** Every event of the kind, one per (topic0, topic count). */
    public List<AbiEvent> events(ContractKind kind) {
        return List.copyOf(byKind.get(kind).values());
    }
}
