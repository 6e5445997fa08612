package org.stagewatch.chain;

import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts the HTTP requests sent to each endpoint by how they came back, as the Micrometer counter
 * {@value #REQUESTS} with tags {@code host} (scheme, host and port: never a path or key), {@code chain} and
 * {@code outcome} (one of {@link Outcome}); in the global registry, which {@code serve} exposes at
 * /actuator/prometheus and the provider bench reads back.
 */
public final class RpcMeters {
    public static final String REQUESTS = "stagewatch.rpc.requests";

    /** How one request came back. */
    public enum Outcome {
        OK, RATE_LIMITED, SERVER_ERROR, TIMEOUT, RANGE_TOO_LARGE, OTHER;

        /** The tag value: ok, 429, 5xx, timeout, range_too_large, other. */
        public String tag() {
            return switch (this) {
                case OK -> "ok";
                case RATE_LIMITED -> "429";
                case SERVER_ERROR -> "5xx";
                case TIMEOUT -> "timeout";
                case RANGE_TOO_LARGE -> "range_too_large";
                case OTHER -> "other";
            };
        }

        /** The outcome of a request that failed with {@code failure} (null: it succeeded). */
        static Outcome of(Throwable failure) {
            if (failure == null) {
                return OK;
            }
            if (failure instanceof RangeTooLargeException) {
                return RANGE_TOO_LARGE;
            }
            if (failure instanceof HttpStatusException status) {
                if (status.status() == 429) {
                    return RATE_LIMITED;
                }
                if (RangeErrors.classify(status.body()).isPresent()) {
                    return RANGE_TOO_LARGE;
                }
                return status.status() >= 500 ? SERVER_ERROR : OTHER;
            }
            if (failure instanceof RetryableAnswerException answer) {
                return answer.rateLimited() ? RATE_LIMITED : OTHER;
            }
            if (failure instanceof InterruptedIOException) { // SocketTimeoutException, and OkHttp's call timeout
                return TIMEOUT;
            }
            return OTHER;
        }
    }

    private static final ConcurrentMap<String, Counter> COUNTERS = new ConcurrentHashMap<>();

    private RpcMeters() {
    }

    static void count(String host, String chain, Outcome outcome) {
        COUNTERS.computeIfAbsent(host + '\n' + chain + '\n' + outcome, key -> Counter.builder(REQUESTS)
                .tag("host", host).tag("chain", chain).tag("outcome", outcome.tag())
                .description("JSON-RPC HTTP requests sent, by how they came back").register(Metrics.globalRegistry))
                .increment();
    }

    /** Requests sent to {@code host} so far that came back as {@code outcome}, over every chain. */
    public static long count(MeterRegistry registry, String host, Outcome outcome) {
        return Math.round(registry.find(REQUESTS).tag("host", host).tag("outcome", outcome.tag()).counters().stream()
                .mapToDouble(Counter::count).sum());
    }

    /** The host tag of a URL: scheme, host and port, in lower case; no user info, path or query. */
    public static String host(String url) {
        try {
            URI uri = URI.create(url);
            return (uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "unparsable";
        }
    }
}
