package org.stagewatch.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;

/**
 * Writes maps and sets whose iteration order is a hash order sorted, so a --json document has the same key
 * order in every run. {@code Map.of} and {@code Set.of} iterate in an order salted anew in every JVM (a
 * two-key {@code Map.of} flips between runs); a {@code HashMap} or {@code HashSet} keyed by enums or other
 * identity-hashed objects does too. Insertion-ordered and sorted containers (LinkedHashMap, TreeMap, lists,
 * …) are written as they are: their order is the author's.
 */
final class StableOrder extends BeanSerializerModifier {
    /** Entries by key, elements by value: natural order when they are comparable to each other, else by their text. */
    private static final Comparator<Object> ORDER = (a, b) -> {
        if (a instanceof Comparable<?> && b != null && a.getClass() == b.getClass()) {
            @SuppressWarnings("unchecked")
            int natural = ((Comparable<Object>) a).compareTo(b);
            return natural;
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    };

    /** Whether {@code container} iterates in a hash order rather than one its author chose. */
    static boolean hashOrdered(Object container) {
        if (container instanceof LinkedHashMap<?, ?> || container instanceof LinkedHashSet<?> || container instanceof List<?>) {
            return false;
        }
        return container instanceof HashMap<?, ?> || container instanceof HashSet<?> || container instanceof Hashtable<?, ?>
                || container instanceof IdentityHashMap<?, ?> || container instanceof WeakHashMap<?, ?>
                || container instanceof ConcurrentHashMap<?, ?>
                || container.getClass().getName().startsWith("java.util.ImmutableCollections$"); // Map.of, Set.of, copyOf
    }

    static Map<?, ?> stable(Map<?, ?> map) {
        if (map.size() < 2 || !hashOrdered(map)) {
            return map;
        }
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        entries.sort((x, y) -> ORDER.compare(x.getKey(), y.getKey()));
        Map<Object, Object> sorted = new LinkedHashMap<>();
        entries.forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    static Collection<?> stable(Collection<?> collection) {
        if (collection.size() < 2 || !(collection instanceof Set<?>) || !hashOrdered(collection)) {
            return collection;
        }
        List<Object> sorted = new ArrayList<>(collection);
        sorted.sort(ORDER);
        return new LinkedHashSet<>(sorted);
    }

    @Override
    public JsonSerializer<?> modifyMapSerializer(SerializationConfig config, MapType type, BeanDescription description,
                                                 JsonSerializer<?> serializer) {
        return new Sorting(serializer, true);
    }

    @Override
    public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType type,
                                                        BeanDescription description, JsonSerializer<?> serializer) {
        return new Sorting(serializer, false);
    }

    /** Jackson's own serializer for the container, handed the sorted copy. */
    private static final class Sorting extends JsonSerializer<Object> implements ContextualSerializer {
        private final JsonSerializer<Object> delegate;
        private final boolean map;

        @SuppressWarnings("unchecked")
        Sorting(JsonSerializer<?> delegate, boolean map) {
            this.delegate = (JsonSerializer<Object>) delegate;
            this.map = map;
        }

        private Object stableValue(Object value) {
            return map ? stable((Map<?, ?>) value) : stable((Collection<?>) value);
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            delegate.serialize(stableValue(value), generator, provider);
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator generator, SerializerProvider provider, TypeSerializer types)
                throws IOException {
            delegate.serializeWithType(stableValue(value), generator, provider, types);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Object value) {
            return delegate.isEmpty(provider, value);
        }

        @Override
        public Class<Object> handledType() {
            return delegate.handledType();
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) throws JsonMappingException {
            if (delegate instanceof ContextualSerializer contextual) {
                JsonSerializer<?> created = contextual.createContextual(provider, property);
                return created == delegate ? this : new Sorting(created, map);
            }
            return this;
        }
    }
}
