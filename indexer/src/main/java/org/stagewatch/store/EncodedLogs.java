package org.stagewatch.store;

import java.util.List;

import org.stagewatch.chain.RawLog;

/**
 * Raw logs with the byte columns of {@code raw_logs} (tx hash, topics, data) already decoded from hex.
 * The sync builds it on the fetch thread, so the writer thread — the one a backfill waits on — only
 * binds and inserts.
 */
public final class EncodedLogs {
    private final List<RawLog> logs;
    private final byte[][] txHashes;
    private final byte[][] topics;
    private final byte[][] data;

    private EncodedLogs(List<RawLog> logs) {
        this.logs = List.copyOf(logs);
        this.txHashes = new byte[logs.size()][];
        this.topics = new byte[logs.size()][];
        this.data = new byte[logs.size()][];
        for (int i = 0; i < logs.size(); i++) {
            RawLog log = logs.get(i);
            // logs of one transaction usually share one String (see LogsResponse): decode it once
            txHashes[i] = i > 0 && log.txHash() == logs.get(i - 1).txHash() ? txHashes[i - 1] : log.txHashBytes();
            topics[i] = log.topicBytes();
            data[i] = log.dataBytes();
        }
    }

    /** @throws IllegalArgumentException when a hash, topic or data is not 0x-hex (a node that lies) */
    public static EncodedLogs of(List<RawLog> logs) {
        return new EncodedLogs(logs);
    }

    public List<RawLog> logs() {
        return logs;
    }

    public int size() {
        return logs.size();
    }

    RawLog log(int i) {
        return logs.get(i);
    }

    byte[] txHash(int i) {
        return txHashes[i];
    }

    byte[] topics(int i) {
        return topics[i];
    }

    byte[] data(int i) {
        return data[i];
    }
}
