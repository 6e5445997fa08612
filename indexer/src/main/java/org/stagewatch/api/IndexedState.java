package org.stagewatch.api;

import java.util.function.Supplier;

import org.stagewatch.store.Store;

/**
 * The indexed state an answer about the head is computed on: every chain's checkpoint (block and hash), as one
 * string. It changes with every indexed range and with every reorg's rollback. Read at most every
 * {@value #REFRESH_MILLIS} ms: at thousands of requests a second one small query per interval instead of one per
 * request, and a state read late only makes {@link AnswerCache} ask the store again.
 */
class IndexedState implements Supplier<String> {
    static final long REFRESH_MILLIS = 100;

    private final Store store;
    private volatile String last;
    private volatile long readAt;

    IndexedState(Store store) {
        this.store = store;
    }

    @Override
    public String get() {
        long now = System.nanoTime();
        String state = last;
        if (state == null || now - readAt > REFRESH_MILLIS * 1_000_000) {
            state = store.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT chain_id || ':' || block_number || ':' || block_hash FROM sync_checkpoints ORDER BY chain_id")
                    .mapTo(String.class).list()).toString();
            last = state;
            readAt = now;
        }
        return state;
    }
}
