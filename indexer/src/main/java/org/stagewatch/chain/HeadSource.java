package org.stagewatch.chain;

import java.time.Duration;

/**
 * Tells live following when to look for new blocks: a WebSocket {@code newHeads} subscription where
 * the chain has a ws:// URL, a fixed polling interval otherwise.
 */
public interface HeadSource extends AutoCloseable {
    /** Returns when a new head may be there: at a notification, or after {@code max} at the latest. */
    void await(Duration max) throws InterruptedException;

    @Override
    void close();

    /** Polling: every wait lasts the whole interval. */
    static HeadSource polling() {
        return new HeadSource() {
            @Override
            public void await(Duration max) throws InterruptedException {
                Thread.sleep(max.toMillis());
            }

            @Override
            public void close() {
            }
        };
    }
}
