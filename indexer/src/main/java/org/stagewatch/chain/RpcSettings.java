package org.stagewatch.chain;

import java.time.Duration;

/**
 * How Stagewatch treats one chain's endpoints: the request timeout, how many times a transient
 * failure (HTTP 429/5xx, timeout, reset, malformed JSON) is retried before the next endpoint is
 * tried, and the per-endpoint request rate and concurrency limits (0 = unlimited rate).
 */
public record RpcSettings(Duration timeout, int maxRetries, double requestsPerSecond, int maxConcurrency) {
    public static final RpcSettings DEFAULT = new RpcSettings(Duration.ofSeconds(30), 6, 0, 4);

    public RpcSettings {
        if (timeout.isNegative() || timeout.isZero() || maxRetries < 0 || requestsPerSecond < 0 || maxConcurrency < 1) {
            throw new IllegalArgumentException("invalid RPC settings " + timeout + ", " + maxRetries + ", "
                    + requestsPerSecond + ", " + maxConcurrency);
        }
    }

    public RpcSettings withMaxRetries(int retries) {
        return new RpcSettings(timeout, retries, requestsPerSecond, maxConcurrency);
    }

    public RpcSettings withTimeout(Duration newTimeout) {
        return new RpcSettings(newTimeout, maxRetries, requestsPerSecond, maxConcurrency);
    }
}
