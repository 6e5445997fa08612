package org.stagewatch.decode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        return event.inputs().stream().allMatch(param -> widthBits(param.type()) > 0);
    }

    static LogValues decode(AbiEvent event, RawLog log) {
        String data = log.data();
        int dataWords = (int) event.inputs().stream().filter(param -> !param.indexed()).count();
        if (data == null || !data.startsWith("0x") || data.length() != 2 + 64 * dataWords) {
            throw new DecodeException(log, event, "data is %d bytes, expected %d".formatted(
                    data == null ? 0 : (data.length() - 2) / 2, 32 * dataWords));
        }
        List<Object> values = new ArrayList<>(event.inputs().size());
        int topic = 1;
        int word = 0;
        for (AbiParam param : event.inputs()) {
            String hex;
            if (param.indexed()) {
                hex = log.topics().get(topic++);
                if (hex.length() != 66 || !hex.startsWith("0x")) {
                    throw new DecodeException(log, event, "topic " + (topic - 1) + " is not a 32-byte word");
                }
                hex = hex.substring(2);
            } else {
                hex = data.substring(2 + 64 * word, 2 + 64 * (word + 1));
                word++;
            }
            values.add(value(param, hex, log, event));
        }
        return new LogValues(event, log, values);
    }

    private static Object value(AbiParam param, String word, RawLog log, AbiEvent event) {
        for (int i = 0; i < 64; i++) {
            char c = word.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new DecodeException(log, event, param.name() + " is not hex");
            }
        }
        String type = param.type();
        int padding = 64 - widthBits(type) / 4;
        for (int i = 0; i < padding; i++) {
            if (word.charAt(i) != '0') {
                throw new DecodeException(log, event, param.name() + " (" + type + ") has non-zero padding");
            }
        }
        if (type.equals("address")) {
            return "0x" + word.substring(24).toLowerCase(Locale.ROOT);
        }
        if (type.equals("bool")) {
            char last = word.charAt(63);
            if (last != '0' && last != '1') {
                throw new DecodeException(log, event, param.name() + " (bool) is neither 0 nor 1");
            }
            return last == '1';
        }
        if (type.equals("bytes32")) {
            return "0x" + word.toLowerCase(Locale.ROOT);
        }
        return new BigInteger(word, 16);
    }

    /** Widths by type name: a few dozen types at most, looked up for every parameter of every log. */
    private static final java.util.Map<String, Integer> WIDTHS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Bits a value of {@code type} occupies in its word; 0 for types this path does not read. */
    static int widthBits(String type) {
        return WIDTHS.computeIfAbsent(type, StaticCodec::computeWidthBits);
    }

    private static int computeWidthBits(String type) {
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
