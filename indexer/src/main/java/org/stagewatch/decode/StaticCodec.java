package org.stagewatch.decode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.stagewatch.chain.RawLog;

/**
 * The fast path for events made only of one-word static types (address, uintN, bool, bytes32):
 * DelegateChanged, DelegateVotesChanged, Transfer, role and ownership events — the bulk of any
 * backfill. Reads each 32-byte word straight from the hex text and applies the same checks as
 * {@link AbiLayout} (exact data length, clean padding, bool 0/1), without web3j's object model.
 */
final class StaticCodec {
    private StaticCodec() {
    }

    /** Whether every parameter of {@code event} is a one-word static type this path reads. */
    static boolean applies(AbiEvent event) {
        return plan(event) != null;
    }

    private static final int ADDRESS = 0;
    private static final int BOOL = 1;
    private static final int BYTES32 = 2;
    private static final int UINT = 3;

    /** What decoding one event needs per parameter, worked out once per event instead of once per log. */
    private record Plan(int[] kinds, int[] paddings, boolean[] indexed, int dataWords) {
    }

    /** Plans by event identity (the registry's events live as long as it); copied on write, read without a lock. */
    private static volatile Map<AbiEvent, Optional<Plan>> plans = new IdentityHashMap<>();

    private static Plan plan(AbiEvent event) {
        Optional<Plan> plan = plans.get(event);
        if (plan == null) {
            plan = Optional.ofNullable(computePlan(event));
            synchronized (StaticCodec.class) {
                Map<AbiEvent, Optional<Plan>> copy = new IdentityHashMap<>(plans);
                copy.put(event, plan);
                plans = copy;
            }
        }
        return plan.orElse(null);
    }

    private static Plan computePlan(AbiEvent event) {
        int size = event.inputs().size();
        int[] kinds = new int[size];
        int[] paddings = new int[size];
        boolean[] indexed = new boolean[size];
        int dataWords = 0;
        for (int i = 0; i < size; i++) {
            AbiParam param = event.inputs().get(i);
            int width = widthBits(param.type());
            if (width == 0) {
                return null;
            }
            kinds[i] = switch (param.type()) {
                case "address" -> ADDRESS;
                case "bool" -> BOOL;
                case "bytes32" -> BYTES32;
                default -> UINT;
            };
            paddings[i] = 64 - width / 4;
            indexed[i] = param.indexed();
            dataWords += param.indexed() ? 0 : 1;
        }
        return new Plan(kinds, paddings, indexed, dataWords);
    }

    static LogValues decode(AbiEvent event, RawLog log) {
        Plan plan = plan(event);
        String data = log.data();
        if (data == null || !data.startsWith("0x") || data.length() != 2 + 64 * plan.dataWords()) {
            throw new DecodeException(log, event, "data is %d bytes, expected %d".formatted(
                    data == null ? 0 : (data.length() - 2) / 2, 32 * plan.dataWords()));
        }
        List<Object> values = new ArrayList<>(plan.kinds().length);
        int topic = 1;
        int word = 0;
        for (int i = 0; i < plan.kinds().length; i++) {
            String source;
            int offset;
            if (plan.indexed()[i]) {
                source = log.topics().get(topic++);
                if (source.length() != 66 || !source.startsWith("0x")) {
                    throw new DecodeException(log, event, "topic " + (topic - 1) + " is not a 32-byte word");
                }
                offset = 2;
            } else {
                source = data;
                offset = 2 + 64 * word++;
            }
            values.add(value(plan, i, source, offset, log, event));
        }
        return new LogValues(event, log, values);
    }

    /** The value of parameter {@code i} from the 64 hex digits of {@code source} at {@code offset}. */
    private static Object value(Plan plan, int i, String source, int offset, RawLog log, AbiEvent event) {
        int end = offset + 64;
        boolean upper = false;
        for (int at = offset; at < end; at++) {
            char c = source.charAt(at);
            if (c >= 'A' && c <= 'F') {
                upper = true;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new DecodeException(log, event, event.inputs().get(i).name() + " is not hex");
            }
        }
        for (int at = offset; at < offset + plan.paddings()[i]; at++) {
            if (source.charAt(at) != '0') {
                throw new DecodeException(log, event, event.inputs().get(i).name() + " (" + event.inputs().get(i).type()
                        + ") has non-zero padding");
            }
        }
        switch (plan.kinds()[i]) {
            case ADDRESS -> {
                String hex = source.substring(offset + 24, end);
                return "0x".concat(upper ? hex.toLowerCase(Locale.ROOT) : hex);
            }
            case BOOL -> {
                char last = source.charAt(end - 1);
                if (last != '0' && last != '1') {
                    throw new DecodeException(log, event, event.inputs().get(i).name() + " (bool) is neither 0 nor 1");
                }
                return last == '1';
            }
            case BYTES32 -> {
                String hex = source.substring(offset, end);
                return "0x".concat(upper ? hex.toLowerCase(Locale.ROOT) : hex);
            }
            default -> {
                int first = offset;
                while (first < end && source.charAt(first) == '0') {
                    first++;
                }
                // up to 15 hex digits fit a long: no BigInteger parse of a 64-digit string
                return end - first <= 15
                        ? BigInteger.valueOf(first == end ? 0 : Long.parseLong(source, first, end, 16))
                        : new BigInteger(source.substring(first, end), 16);
            }
        }
    }

    /** Bits a value of {@code type} occupies in its word; 0 for types this path does not read (once per event: see {@link Plan}). */
    static int widthBits(String type) {
        return switch (type) {
            case "address" -> 160;
            case "bool" -> 4; // one hex digit: 0 or 1, checked below
            case "bytes32" -> 256;
            default -> type.startsWith("uint") ? uintBits(type) : 0;
        };
    }

    private static int uintBits(String type) {
        String bits = type.substring(4);
        return bits.isEmpty() ? 256 : Integer.parseInt(bits);
    }
}
