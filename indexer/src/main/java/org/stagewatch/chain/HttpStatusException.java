package org.stagewatch.chain;

import java.io.IOException;
import java.time.Duration;

/**
 * A non-2xx HTTP answer from an endpoint. 429 and 5xx are transient (retried, honouring
 * Retry-After); other statuses are not (a wrong API key does not get better by retrying).
 */
public final class HttpStatusException extends IOException {
    private final int status;
    private final Duration retryAfter;
    private final String body;

    public HttpStatusException(int status, Duration retryAfter, String body) {
        super("HTTP " + status + (body.isBlank() ? "" : ": " + abbreviate(body)));
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The delay the server asked for, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public String body() {
        return body;
    }

    public boolean isTransient() {
        return status == 429 || status >= 500;
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
