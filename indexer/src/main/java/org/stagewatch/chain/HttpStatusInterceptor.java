package org.stagewatch.chain;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Turns non-2xx HTTP answers into {@link HttpStatusException} carrying status, Retry-After and body,
 * so retry decisions are made on the status rather than on web3j's message text.
 */
final class HttpStatusInterceptor implements Interceptor {
    private static final long MAX_BODY = 64 * 1024;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.isSuccessful()) {
            return response;
        }
        try (response) {
            String body = response.body() == null ? "" : response.peekBody(MAX_BODY).string();
            throw new HttpStatusException(response.code(), retryAfter(response.header("Retry-After")), body);
        }
    }

    /** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
