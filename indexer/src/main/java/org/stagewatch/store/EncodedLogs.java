package org.stagewatch.store;

import java.util.List;

import org.stagewatch.chain.RawLog;

/**
 * Raw logs reduced to the columns of {@code raw_logs}, with tx hash, topics and data already decoded from
 * hex. The sync builds it on the fetch thread, so the writer thread — the one a backfill waits on — only
 * binds and inserts; and it keeps no reference to the logs' hex strings, so a range waiting in the
 * pipeline holds half the memory and the strings die young.
 */
public final class EncodedLogs {
    private final long[] chainIds;
    private final long[] blockNumbers;
    private final int[] logIndexes;
    private final int[] txIndexes;
    private final String[] addresses;
    private final byte[][] txHashes;
    private final byte[][] topics;
    private final byte[][] data;

    private EncodedLogs(List<RawLog> logs) {
        int size = logs.size();
        chainIds = new long[size];
        blockNumbers = new long[size];
        logIndexes = new int[size];
        txIndexes = new int[size];
        addresses = new String[size];
        txHashes = new byte[size][];
        topics = new byte[size][];
        data = new byte[size][];
        for (int i = 0; i < size; i++) {
            RawLog log = logs.get(i);
            chainIds[i] = log.chainId();
            blockNumbers[i] = log.blockNumber();
            logIndexes[i] = log.logIndex();
            txIndexes[i] = log.txIndex();
            addresses[i] = log.address();
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

    public int size() {
        return blockNumbers.length;
    }

    long chainId(int i) {
        return chainIds[i];
    }

    long blockNumber(int i) {
        return blockNumbers[i];
    }

    int logIndex(int i) {
        return logIndexes[i];
    }

    int txIndex(int i) {
        return txIndexes[i];
    }

    String address(int i) {
        return addresses[i];
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
