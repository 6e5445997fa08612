package org.stagewatch.analyze.control;

import java.math.BigInteger;
import java.util.Locale;

/**
 * An address on a chain: a vertex of the control graph. The address is lower-case 0x-hex, the form
 * every table stores; equal nodes are the same account.
 */
public record Node(long chainId, String address) {
    public static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final BigInteger OFFSET = new BigInteger("1111000000000000000000000000000000001111", 16);
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(160);

    public Node {
        address = address.toLowerCase(Locale.ROOT);
    }

    public boolean isZero() {
        return address.equals(ZERO);
    }

    /** The address an L1 contract acts as on its L2: address + 0x1111…1111 mod 2^160 (Arbitrum and Optimism alike). */
    public static String alias(String l1Address) {
        return hex(new BigInteger(l1Address.substring(2), 16).add(OFFSET).mod(MODULUS));
    }

    /** The L1 address whose alias {@code l2Address} is. */
    public static String unalias(String l2Address) {
        return hex(new BigInteger(l2Address.substring(2), 16).subtract(OFFSET).mod(MODULUS));
    }

    private static String hex(BigInteger value) {
        return "0x" + "%40s".formatted(value.toString(16)).replace(' ', '0');
    }

    @Override
    public String toString() {
        return chainId + ":" + address;
    }
}
