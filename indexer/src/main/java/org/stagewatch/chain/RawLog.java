package org.stagewatch.chain;

import java.util.List;

/**
 * A log exactly as the node returned it: the record stored once in {@code raw_logs}, from which
 * every projected table can be rebuilt without refetching.
 *
 * <p>Hex strings are lower case with a {@code 0x} prefix; {@code address} is the emitter.
 *
 * @param topics topic0 first; 0 to 4 entries
 * @param data   the ABI-encoded non-indexed parameters ({@code 0x} when empty)
 */
public record RawLog(
        long chainId, long blockNumber, String blockHash, String txHash, int txIndex, int logIndex,
        String address, List<String> topics, String data) {

    public RawLog {
        topics = List.copyOf(topics);
    }

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    /** The transaction hash as its 32 bytes, the way {@code raw_logs} stores it. */
    public byte[] txHashBytes() {
        return bytes(txHash);
    }

    /** The topics concatenated, 32 bytes each, the way {@code raw_logs} stores them. */
    public byte[] topicBytes() {
        byte[] all = new byte[32 * topics.size()];
        for (int i = 0; i < topics.size(); i++) {
            byte[] topic = bytes(topics.get(i));
            if (topic.length != 32) {
                throw new IllegalArgumentException("topic " + i + " of log " + blockNumber + "/" + logIndex + " is not 32 bytes: " + topics.get(i));
            }
            System.arraycopy(topic, 0, all, 32 * i, 32);
        }
        return all;
    }

    /** The data as bytes, the way {@code raw_logs} stores it. */
    public byte[] dataBytes() {
        return bytes(data);
    }

    /** A log read back from {@code raw_logs}, whose block hash is its header's. */
    public static RawLog stored(long chainId, long blockNumber, int logIndex, int txIndex, byte[] txHash, String address,
                                byte[] topics, byte[] data, String blockHash) {
        if (topics.length % 32 != 0) {
            throw new IllegalArgumentException("stored topics of log " + blockNumber + "/" + logIndex + " are " + topics.length + " bytes");
        }
        List<String> topicList = new java.util.ArrayList<>(topics.length / 32);
        for (int offset = 0; offset < topics.length; offset += 32) {
            topicList.add("0x" + HEX.formatHex(topics, offset, offset + 32));
        }
        return new RawLog(chainId, blockNumber, blockHash, "0x" + HEX.formatHex(txHash), txIndex, logIndex, address,
                topicList, "0x" + HEX.formatHex(data));
    }

    private static final byte[] NIBBLE = new byte[128];

    static {
        java.util.Arrays.fill(NIBBLE, (byte) -1);
        for (int i = 0; i < 10; i++) {
            NIBBLE['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            NIBBLE['a' + i] = (byte) (10 + i);
            NIBBLE['A' + i] = (byte) (10 + i);
        }
    }

    /** 0x-hex to bytes; a table lookup per digit (HexFormat.parseHex copies the string first: a million logs felt it). */
    private static byte[] bytes(String hex) {
        int length = hex.length();
        if (length < 2 || hex.charAt(0) != '0' || hex.charAt(1) != 'x' || (length & 1) != 0) {
            throw new IllegalArgumentException("not 0x-hex of whole bytes: " + hex);
        }
        byte[] bytes = new byte[(length - 2) / 2];
        for (int i = 0, at = 2; i < bytes.length; i++, at += 2) {
            char high = hex.charAt(at);
            char low = hex.charAt(at + 1);
            int h = high < 128 ? NIBBLE[high] : -1;
            int l = low < 128 ? NIBBLE[low] : -1;
            if ((h | l) < 0) {
                throw new IllegalArgumentException("not 0x-hex: " + hex);
            }
            bytes[i] = (byte) (h << 4 | l);
        }
        return bytes;
    }

    public String topic0() {
        return topics.isEmpty() ? null : topics.get(0);
    }

    /** Orders logs the way the chain does: (block, logIndex). */
    public static final java.util.Comparator<RawLog> CHAIN_ORDER =
            java.util.Comparator.comparingLong(RawLog::blockNumber).thenComparingInt(RawLog::logIndex);
}
