package org.stagewatch.chain;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * 0x-hex to bytes and back, a table lookup per digit ({@code HexFormat.parseHex} copies the string first:
 * a million logs felt it). Strict: whole bytes, digits only, a {@code 0x} prefix.
 */
public final class Hex {
    private static final byte[] NIBBLE = new byte[128];
    private static final HexFormat FORMAT = HexFormat.of();

    static {
        Arrays.fill(NIBBLE, (byte) -1);
        for (int i = 0; i < 10; i++) {
            NIBBLE['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            NIBBLE['a' + i] = (byte) (10 + i);
            NIBBLE['A' + i] = (byte) (10 + i);
        }
    }

    private Hex() {
    }

    /** The bytes {@code hex} spells. @throws IllegalArgumentException when it is not 0x-hex of whole bytes */
    public static byte[] bytes(String hex) {
        byte[] bytes = new byte[byteLength(hex)];
        decode(hex, bytes, 0);
        return bytes;
    }

    /** How many bytes {@code hex} spells. @throws IllegalArgumentException when it is not 0x and an even number of digits */
    public static int byteLength(String hex) {
        int length = hex.length();
        if (length < 2 || hex.charAt(0) != '0' || hex.charAt(1) != 'x' || (length & 1) != 0) {
            throw new IllegalArgumentException("not 0x-hex of whole bytes: " + hex);
        }
        return (length - 2) / 2;
    }

    /** Writes the bytes {@code hex} spells into {@code target} from {@code offset}. @throws IllegalArgumentException when it is not hex */
    public static void decode(String hex, byte[] target, int offset) {
        int count = byteLength(hex);
        for (int i = 0, at = 2; i < count; i++, at += 2) {
            char high = hex.charAt(at);
            char low = hex.charAt(at + 1);
            int h = high < 128 ? NIBBLE[high] : -1;
            int l = low < 128 ? NIBBLE[low] : -1;
            if ((h | l) < 0) {
                throw new IllegalArgumentException("not 0x-hex: " + hex);
            }
            target[offset + i] = (byte) (h << 4 | l);
        }
    }

    /** {@code 0x} and the lower-case hex of {@code bytes[from, to)}. */
    public static String of(byte[] bytes, int from, int to) {
        return "0x" + FORMAT.formatHex(bytes, from, to);
    }
}
