package org.stagewatch.sync;

/** A sync that cannot go on; the message names the chain, the endpoint or the config key and what to do. */
public class SyncException extends RuntimeException {
    public SyncException(String message) {
        super(message);
    }
}
