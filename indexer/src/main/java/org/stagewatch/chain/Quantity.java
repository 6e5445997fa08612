package org.stagewatch.chain;

import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC quantity read in whichever shape a node sends it: a hex string ({@code "0x1a"}, the
 * specification's), a decimal string ({@code "26"}) or a JSON number ({@code 26}; anvil sends Arbitrum's
 * {@code l1BlockNumber} that way). Every block number, timestamp, index and chain id Stagewatch reads goes
 * through here, so one node's dialect cannot crash one field and pass another. The value must be a whole
 * number in [0, 2^63); anything else is an {@link UnreadableFieldException}, never a guess.
 */
public final class Quantity {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Quantity() {
    }

    /**
     * {@code text} as a quantity: "0x" and hex digits (either case), or decimal digits.
     *
     * @throws NumberFormatException when it is neither, or beyond 2^63 - 1
     */
    public static long parse(String text) {
        int length = text.length();
        if (length > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            long value = Long.parseUnsignedLong(text, 2, length, 16); // "0x+1" or "0x-1" are refused by the sign check below
            if (value < 0 || text.charAt(2) == '+' || text.charAt(2) == '-') {
                throw new NumberFormatException("not a quantity: " + text);
            }
            return value;
        }
        if (length == 0 || length > 19) {
            throw new NumberFormatException("not a quantity: " + text);
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new NumberFormatException("not a quantity: " + text);
            }
        }
        return Long.parseLong(text);
    }

    /**
     * A field of a block or log bound to plain Java values (a String, or one of Jackson's number types).
     *
     * @throws UnreadableFieldException when it is missing or is no quantity
     */
    public static long of(Object value, String field, long block) {
        if (value instanceof String text) {
            try {
                return parse(text);
            } catch (NumberFormatException e) {
                throw new UnreadableFieldException(field, "\"" + text + "\"", block);
            }
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return checked(((Number) value).longValue(), value, field, block);
        }
        if (value instanceof BigInteger big && big.signum() >= 0 && big.compareTo(LONG_MAX) <= 0) {
            return big.longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            try {
                BigDecimal exact = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
                return checked(exact.longValueExact(), value, field, block); // 26.0 is 26; 26.5 is refused
            } catch (ArithmeticException | NumberFormatException e) {
                throw new UnreadableFieldException(field, String.valueOf(value), block);
            }
        }
        throw new UnreadableFieldException(field, value == null ? null : String.valueOf(value), block);
    }

    /** A field of a JSON tree; see {@link #of(Object, String, long)}. */
    public static long of(JsonNode node, String field, long block) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new UnreadableFieldException(field, null, block);
        }
        if (node.isTextual()) {
            return of(node.textValue(), field, block);
        }
        if (node.isNumber()) {
            return of(node.numberValue(), field, block);
        }
        throw new UnreadableFieldException(field, node.toString(), block);
    }

    private static long checked(long value, Object shown, String field, long block) {
        if (value < 0) {
            throw new UnreadableFieldException(field, String.valueOf(shown), block);
        }
        return value;
    }
}
