package org.stagewatch.chain;

/** A JSON-RPC call that failed for good (after retries), with the endpoint and method named. */
public class RpcException extends RuntimeException {
    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
