package org.stagewatch.decode;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Strict validation of ABI-encoded event data and topics before web3j decodes them.
 *
 * <p>Why: web3j fails on a truncated payload or a wild offset with a bare
 * StringIndexOutOfBoundsException that names no parameter, and it does not check padding (an
 * address word with dirty high bytes decodes to some address). A log that passes here has every
 * offset and length inside the data and clean padding in every static word, so what web3j returns
 * is what was emitted, and what fails says which parameter and why.
 */
final class AbiLayout {
    private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

    private AbiLayout() {
    }

    /** Checks the data of the non-indexed parameters; throws IllegalArgumentException naming the problem. */
    static void checkData(List<AbiParam> params, byte[] data) {
        long head = 32L * params.size();
        if (data.length < head) {
            throw new IllegalArgumentException("data is " + data.length + " bytes, its head of " + params.size()
                    + " words needs " + head);
        }
        for (int i = 0; i < params.size(); i++) {
            AbiParam param = params.get(i);
            if (param.dynamic()) {
                checkDynamic(param.type(), data, offset(data, 32 * i, 0, param.name()), param.name());
            } else {
                checkStatic(param.type(), data, 32 * i, param.name());
            }
        }
    }

    /** Checks one indexed parameter's topic (always a static type: see AbiJson). */
    static void checkTopic(AbiParam param, byte[] topic) {
        if (topic.length != 32) {
            throw new IllegalArgumentException("topic for " + param.name() + " is " + topic.length + " bytes, not 32");
        }
        checkStatic(param.type(), topic, 0, param.name());
    }

    private static void checkDynamic(String type, byte[] data, int start, String name) {
        int length = word(data, start, name + " length");
        if (type.equals("bytes") || type.equals("string")) {
            require(data, (long) start + 32 + length, name);
            return;
        }
        String element = type.substring(0, type.length() - 2);
        int body = start + 32;
        require(data, (long) body + 32L * length, name);
        for (int i = 0; i < length; i++) {
            if (AbiParam.isDynamic(element)) {
                checkDynamic(element, data, offset(data, body + 32 * i, body, name + "[" + i + "]"),
                        name + "[" + i + "]");
            } else {
                checkStatic(element, data, body + 32 * i, name + "[" + i + "]");
            }
        }
    }

    /** An offset word, relative to {@code base}, that must leave room for at least a length word. */
    private static int offset(byte[] data, int at, int base, String name) {
        int target = base + word(data, at, name + " offset");
        require(data, (long) target + 32, name + " (offset " + (target - base) + ")");
        return target;
    }

    private static int word(byte[] data, int at, String name) {
        require(data, (long) at + 32, name);
        BigInteger value = new BigInteger(1, Arrays.copyOfRange(data, at, at + 32));
        if (value.compareTo(MAX_INT) > 0) {
            throw new IllegalArgumentException(name + " is " + value + ", beyond any data");
        }
        return value.intValueExact();
    }

    private static void require(byte[] data, long end, String name) {
        if (end > data.length) {
            throw new IllegalArgumentException(name + " runs to byte " + end + " but the data is " + data.length
                    + " bytes");
        }
    }

    /** Padding rules: addresses and uintN are left-padded with zeros, bytesN right-padded, bool is 0 or 1. */
    private static void checkStatic(String type, byte[] data, int at, String name) {
        require(data, (long) at + 32, name);
        int from;
        int to;
        if (type.equals("address")) {
            from = 0;
            to = 12;
        } else if (type.equals("bool")) {
            from = 0;
            to = 31;
            if ((data[at + 31] & 0xff) > 1) {
                throw new IllegalArgumentException(name + " is not a bool");
            }
        } else if (type.startsWith("uint")) {
            from = 0;
            to = 32 - Integer.parseInt(type.substring(4)) / 8;
        } else { // bytesN
            from = Integer.parseInt(type.substring(5));
            to = 32;
        }
        for (int i = from; i < to; i++) {
            if (data[at + i] != 0) {
                throw new IllegalArgumentException(name + " (" + type + ") has non-zero padding");
            }
        }
    }
}
