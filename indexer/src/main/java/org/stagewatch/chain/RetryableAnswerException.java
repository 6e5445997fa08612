package org.stagewatch.chain;

import java.io.IOException;
import java.time.Duration;

/**
 * A JSON-RPC error answer that another try may turn into a result: the provider's rate limit (HTTP 200 with
 * code 429 or -32005, per request or per item of a batch) or a block the answering node does not serve yet
 * (a load-balanced provider's node a few blocks behind another). An {@link IOException}, so an endpoint
 * retries it like a 429 status, with the same backoff and the wait the provider asked for, if any.
 */
final class RetryableAnswerException extends IOException {
    private final Duration retryAfter;
    private final boolean rateLimited;

    RetryableAnswerException(String message, Duration retryAfter) {
        this(message, retryAfter, false);
    }

    RetryableAnswerException(String message, Duration retryAfter, boolean rateLimited) {
        super(message);
        this.retryAfter = retryAfter;
        this.rateLimited = rateLimited;
    }

    /** Whether the provider's rate limit refused it (not a block it does not serve yet). */
    boolean rateLimited() {
        return rateLimited;
    }

    /** The wait the provider asked for, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
