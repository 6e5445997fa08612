package org.stagewatch.decode;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.stagewatch.chain.RawLog;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Array;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.BytesType;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Turns a log's topics and data into {@link LogValues} for a known {@link AbiEvent}: validates the
 * payload with {@link AbiLayout}, decodes it with web3j, converts web3j types to plain Java values.
 */
final class AbiCodec {
    private static final Map<String, TypeReference<Type>> REFERENCES = new ConcurrentHashMap<>();

    private AbiCodec() {
    }

    static LogValues decode(AbiEvent event, RawLog log) {
        if (StaticCodec.applies(event)) {
            return StaticCodec.decode(event, log);
        }
        try {
            byte[] data = bytes(log.data(), "data");
            List<AbiParam> dataParams = event.dataParams();
            AbiLayout.checkData(dataParams, data);
            List<Type> dataValues = FunctionReturnDecoder.decode(log.data(),
                    dataParams.stream().map(p -> reference(p.type())).toList());
            if (dataValues.size() != dataParams.size()) {
                throw new IllegalArgumentException("web3j decoded " + dataValues.size() + " of " + dataParams.size()
                        + " data parameters");
            }
            List<Object> values = new ArrayList<>(event.inputs().size());
            int topic = 1;
            int datum = 0;
            for (AbiParam param : event.inputs()) {
                if (param.indexed()) {
                    String hex = log.topics().get(topic++);
                    AbiLayout.checkTopic(param, bytes(hex, "topic " + (topic - 1)));
                    values.add(plain(FunctionReturnDecoder.decodeIndexedValue(hex, reference(param.type()))));
                } else {
                    values.add(plain(dataValues.get(datum++)));
                }
            }
            return new LogValues(event, log, values);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | UnsupportedOperationException e) {
            throw new DecodeException(log, event, e.getMessage());
        }
    }

    /** 0x followed by an even number of hex digits; a loop, because a regex over megabytes of log data is slow. */
    static boolean isWholeBytesHex(String hex) {
        if (hex == null || !hex.startsWith("0x") || (hex.length() & 1) != 0) {
            return false;
        }
        for (int i = 2; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String hex, String what) {
        if (!isWholeBytesHex(hex)) {
            throw new IllegalArgumentException(what + " is not 0x-prefixed hex of whole bytes");
        }
        return HexFormat.of().parseHex(hex.substring(2));
    }

    private static TypeReference<Type> reference(String type) {
        return REFERENCES.computeIfAbsent(type, t -> {
            try {
                @SuppressWarnings("unchecked")
                TypeReference<Type> reference = TypeReference.makeTypeReference(t);
                return reference;
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("web3j has no type for " + t, e);
            }
        });
    }

    /** web3j value → the plain Java value the records carry. */
    private static Object plain(Type<?> value) {
        return switch (value) {
            case Address address -> address.getValue().toLowerCase(Locale.ROOT);
            case NumericType number -> number.getValue();
            case Bool bool -> bool.getValue();
            case Utf8String string -> string.getValue();
            case BytesType bytes -> "0x" + HexFormat.of().formatHex(bytes.getValue());
            case Array<?> array -> array.getValue().stream().map(AbiCodec::plain).toList();
            default -> throw new UnsupportedOperationException("unexpected web3j type " + value.getTypeAsString());
        };
    }
}
