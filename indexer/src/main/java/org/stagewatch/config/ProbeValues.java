package org.stagewatch.config;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/**
 * The result types a probe may declare and the one text form each is stored and compared in: bool
 * as {@code true}/{@code false}, uint256 in decimal, address in lower-case hex — the same form the
 * indexer stores eth_call results in (state_reads).
 */
public final class ProbeValues {
    public static final Set<String> TYPES = Set.of("bool", "uint256", "address");

    private ProbeValues() {
    }

    /** {@code value} in the stored form of {@code type}; a value that does not fit is a bad config value. */
    static String normalize(String type, String value) {
        return switch (type) {
            case "bool" -> String.valueOf(Values.flag(com.fasterxml.jackson.databind.node.TextNode.valueOf(value)));
            case "uint256" -> {
                try {
                    BigInteger number = value.startsWith("0x") ? new BigInteger(value.substring(2), 16) : new BigInteger(value.replace("_", ""));
                    if (number.signum() < 0 || number.bitLength() > 256) {
                        throw new NumberFormatException();
                    }
                    yield number.toString();
                } catch (NumberFormatException e) {
                    throw new Values.BadValue("not a uint256 '" + value + "'", "expected a whole number ≥ 0");
                }
            }
            case "address" -> Addresses.check(value).toLowerCase(Locale.ROOT);
            default -> throw new Values.BadValue("unknown result type '" + type + "'", "expected one of bool, uint256, address");
        };
    }
}
