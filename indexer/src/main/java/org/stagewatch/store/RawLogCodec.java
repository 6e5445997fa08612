package org.stagewatch.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.stagewatch.chain.Hex;
import org.stagewatch.chain.RawLog;

/**
 * The byte layout of one block's raw logs (V8 {@code raw_log_blocks.logs}): every field of every log as the
 * node gave it except the block hash, which is the block's header in {@code blocks}. A block of a busy token
 * holds hundreds of logs of a few transactions, one emitter and two or three event kinds, so those are
 * written once per block and named by their slot; words lose their leading zero bytes (an address in a topic
 * is 20 of 32 bytes, a vote count 9). A delegation event takes about 24 bytes instead of 245 as a row of its
 * own, and the writer inserts one row per block instead of one per log.
 * <pre>
 * block:     FORMAT · varint n · txs · emitters · topic0s · n logs
 * txs:       varint count · (varint tx index · varint length · hash) each, in order of first use
 * emitters:  varint count · (varint length · address) each
 * topic0s:   varint count · 32 bytes each
 * log:       varint (log index − previous log index − 1; the first: the log index) · varint tx slot
 *            · varint emitter slot · byte topic count · [varint topic0 slot · topics 1…3 as words] · data
 * data:      varint length in bytes · (the words when the length is a multiple of 32, else the bytes)
 * word:      byte z (its leading zero bytes, 0…32) · its other 32 − z bytes
 * </pre>
 * Decoding gives back equal {@link RawLog}s, in log-index order; packing the same logs gives the same bytes.
 */
public final class RawLogCodec {
    static final byte FORMAT = 1;

    private RawLogCodec() {
    }

    /**
     * Packs {@code logs[from, to)}, the logs of one block in log-index order.
     *
     * @throws IllegalArgumentException when a hash, topic or data is not 0x-hex, a topic is not 32 bytes, or
     *                                  the logs are not of one block in increasing log-index order (a node that lies)
     */
    public static byte[] pack(List<RawLog> logs, int from, int to) {
        int count = to - from;
        int[] txSlots = new int[count];
        int[] emitterSlots = new int[count];
        int[] topic0Slots = new int[count];
        List<RawLog> txs = new ArrayList<>();
        List<String> emitters = new ArrayList<>();
        List<String> topic0s = new ArrayList<>();
        Map<String, Integer> txSlot = new HashMap<>();
        Map<String, Integer> emitterSlot = new HashMap<>();
        Map<String, Integer> topic0Slot = new HashMap<>();
        List<String> txKeys = new ArrayList<>();
        RawLog first = logs.get(from);
        for (int i = 0; i < count; i++) {
            RawLog log = logs.get(from + i);
            if (log.blockNumber() != first.blockNumber() || log.chainId() != first.chainId()) {
                throw new IllegalArgumentException("log %d/%d packed with block %d".formatted(log.blockNumber(), log.logIndex(), first.blockNumber()));
            }
            if (i > 0 && log.logIndex() <= logs.get(from + i - 1).logIndex()) {
                throw new IllegalArgumentException("block %d: log index %d after %d".formatted(
                        log.blockNumber(), log.logIndex(), logs.get(from + i - 1).logIndex()));
            }
            RawLog previous = i > 0 ? logs.get(from + i - 1) : null;
            // neighbours usually share the transaction, the emitter and the event kind (and their Strings)
            txSlots[i] = previous != null && previous.txHash() == log.txHash() && previous.txIndex() == log.txIndex()
                    ? txSlots[i - 1] : slot(txSlot, txKeys, txs, log.txHash() + "/" + log.txIndex(), log);
            emitterSlots[i] = previous != null && previous.address() == log.address()
                    ? emitterSlots[i - 1] : slot(emitterSlot, emitters, emitters, log.address(), log.address());
            if (!log.topics().isEmpty()) {
                String topic0 = log.topics().get(0);
                topic0Slots[i] = previous != null && !previous.topics().isEmpty() && previous.topics().get(0) == topic0
                        ? topic0Slots[i - 1] : slot(topic0Slot, topic0s, topic0s, topic0, topic0);
            }
        }
        PackedBytes.Writer out = new PackedBytes.Writer(FORMAT, 64 * count + 128);
        byte[] scratch = new byte[32];
        out.varint(count);
        out.varint(txs.size());
        for (RawLog tx : txs) {
            out.varint(tx.txIndex());
            bytes(out, tx.txHash());
        }
        out.varint(emitters.size());
        for (String emitter : emitters) {
            bytes(out, emitter);
        }
        out.varint(topic0s.size());
        for (String topic0 : topic0s) {
            word(topic0, scratch);
            out.write(scratch, 0, 32);
        }
        int lastIndex = -1;
        for (int i = 0; i < count; i++) {
            RawLog log = logs.get(from + i);
            out.varint(log.logIndex() - lastIndex - 1L);
            lastIndex = log.logIndex();
            out.varint(txSlots[i]);
            out.varint(emitterSlots[i]);
            List<String> topics = log.topics();
            out.write(topics.size());
            if (!topics.isEmpty()) {
                out.varint(topic0Slots[i]);
                for (int t = 1; t < topics.size(); t++) {
                    word(topics.get(t), scratch);
                    strippedWord(out, scratch, 0);
                }
            }
            data(out, log.data());
        }
        return out.toBytes();
    }

    /**
     * The logs of {@code blob}, the block {@code blockNumber} of {@code chainId} whose hash is {@code blockHash}.
     *
     * @throws StoreException when the blob is not in this format or ends early
     */
    public static List<RawLog> unpack(long chainId, long blockNumber, String blockHash, byte[] blob) {
        String what = "raw_log_blocks of block %d of chain %d".formatted(blockNumber, chainId);
        PackedBytes.Reader in = new PackedBytes.Reader(blob, FORMAT, what);
        try {
            int count = (int) in.varint();
            int txCount = (int) in.varint();
            int[] txIndexes = new int[txCount];
            String[] txHashes = new String[txCount];
            for (int i = 0; i < txCount; i++) {
                txIndexes[i] = (int) in.varint();
                txHashes[i] = hexBytes(in);
            }
            String[] emitters = new String[(int) in.varint()];
            for (int i = 0; i < emitters.length; i++) {
                emitters[i] = hexBytes(in);
            }
            String[] topic0s = new String[(int) in.varint()];
            for (int i = 0; i < topic0s.length; i++) {
                topic0s[i] = hexBytes(in, 32);
            }
            List<RawLog> logs = new ArrayList<>(count);
            byte[] word = new byte[32];
            int logIndex = -1;
            for (int i = 0; i < count; i++) {
                logIndex += (int) in.varint() + 1;
                int tx = (int) in.varint();
                String emitter = emitters[(int) in.varint()];
                int topicCount = in.read();
                List<String> topics = new ArrayList<>(topicCount);
                if (topicCount > 0) {
                    topics.add(topic0s[(int) in.varint()]);
                    for (int t = 1; t < topicCount; t++) {
                        readWord(in, word);
                        topics.add(Hex.of(word, 0, 32));
                    }
                }
                logs.add(new RawLog(chainId, blockNumber, blockHash, txHashes[tx], txIndexes[tx], logIndex, emitter, topics,
                        readData(in)));
            }
            if (in.hasMore()) {
                throw new StoreException(what + ": " + (blob.length - in.position) + " bytes after the last log");
            }
            return logs;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new StoreException(what + ": packed data is cut short or names a slot it does not have", e);
        }
    }

    /**
     * The slot of {@code key} in {@code table}, added when new. A block names a handful of transactions, emitters
     * and event kinds: a scan over the table (identity first: neighbouring logs share their Strings) beats
     * hashing 66 characters per log; past {@value #SCAN} entries the map takes over. {@code keys} and
     * {@code table} may be one list.
     */
    private static <T> int slot(Map<String, Integer> slots, List<String> keys, List<T> table, String key, T value) {
        if (keys.size() <= SCAN) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) == key) {
                    return i;
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).equals(key)) {
                    return i;
                }
            }
        } else {
            Integer known = slots.get(key);
            if (known != null) {
                return known;
            }
        }
        keys.add(key);
        if ((Object) table != keys) {
            table.add(value);
        }
        if (keys.size() > SCAN) {
            if (slots.isEmpty()) {
                for (int i = 0; i < keys.size(); i++) {
                    slots.put(keys.get(i), i);
                }
            } else {
                slots.put(key, keys.size() - 1);
            }
        }
        return table.size() - 1;
    }

    private static final int SCAN = 8;

    /** The bytes {@code hex} spells, after their length. */
    private static void bytes(PackedBytes.Writer out, String hex) {
        int length = Hex.byteLength(hex);
        out.varint(length);
        out.ensure(length);
        Hex.decode(hex, out.bytes, out.size);
        out.size += length;
    }

    /** What {@link #bytes} wrote, as 0x-hex. */
    private static String hexBytes(PackedBytes.Reader in) {
        return hexBytes(in, (int) in.varint());
    }

    /** The next {@code length} bytes as 0x-hex. */
    private static String hexBytes(PackedBytes.Reader in, int length) {
        in.need(length);
        String hex = Hex.of(in.bytes, in.position, in.position + length);
        in.position += length;
        return hex;
    }

    /** A 32-byte topic into {@code scratch}. */
    private static void word(String topic, byte[] scratch) {
        if (topic.length() != 66) {
            throw new IllegalArgumentException("a topic is not 32 bytes: " + topic);
        }
        Hex.decode(topic, scratch, 0);
    }

    private static void strippedWord(PackedBytes.Writer out, byte[] source, int offset) {
        int zeros = 0;
        while (zeros < 32 && source[offset + zeros] == 0) {
            zeros++;
        }
        out.write(zeros);
        out.write(source, offset + zeros, 32 - zeros);
    }

    private static void readWord(PackedBytes.Reader in, byte[] word) {
        int zeros = in.read();
        if (zeros > 32) {
            throw new StoreException(in.what + ": a word with " + zeros + " leading zero bytes");
        }
        in.need(32 - zeros);
        Arrays.fill(word, 0, zeros, (byte) 0);
        System.arraycopy(in.bytes, in.position, word, zeros, 32 - zeros);
        in.position += 32 - zeros;
    }

    private static void data(PackedBytes.Writer out, String hex) {
        int length = Hex.byteLength(hex);
        if (length % 32 != 0) {
            bytes(out, hex);
            return;
        }
        out.varint(length);
        byte[] data = Hex.bytes(hex);
        for (int offset = 0; offset < length; offset += 32) {
            strippedWord(out, data, offset);
        }
    }

    private static String readData(PackedBytes.Reader in) {
        int length = (int) in.varint();
        if (length % 32 != 0) {
            return hexBytes(in, length);
        }
        byte[] data = new byte[length];
        byte[] word = new byte[32];
        for (int offset = 0; offset < length; offset += 32) {
            readWord(in, word);
            System.arraycopy(word, 0, data, offset, 32);
        }
        return Hex.of(data, 0, length);
    }
}
