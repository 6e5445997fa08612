package org.stagewatch.devnet;

/** Something on the devnet went wrong: anvil, a missing artifact, a reverted transaction. The message says which. */
public class DevnetException extends RuntimeException {
    public DevnetException(String message) {
        super(message);
    }

    public DevnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
