package org.stagewatch.chain;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.failsafe.Bulkhead;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import okhttp3.OkHttpClient;
import org.stagewatch.config.RpcUrls;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * One JSON-RPC endpoint with its own policies: retries with exponential backoff and jitter for
 * transient failures (honouring Retry-After), a request-rate limit and a concurrency limit. Other
 * failures (a JSON-RPC error, HTTP 401) pass through at once.
 */
final class Endpoint implements AutoCloseable {
    private final String url;
    private final HttpService service;
    private final Web3j web3j;
    private final FailsafeExecutor<Object> executor;

    Endpoint(String url, RpcSettings settings) {
        this.url = url;
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(settings.timeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
                .addInterceptor(new HttpStatusInterceptor())
                .build();
        this.service = new StreamingHttpService(url, http);
        this.web3j = Web3j.build(service);
        RetryPolicyBuilder<Object> retry = RetryPolicy.builder()
                .handleIf(Endpoint::isTransient)
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(context -> delay(context.getLastException(), context.getAttemptCount()));
        Bulkhead<Object> bulkhead = Bulkhead.builder(settings.maxConcurrency()).withMaxWaitTime(Duration.ofMinutes(10)).build();
        FailsafeExecutor<Object> composed = settings.requestsPerSecond() > 0
                ? Failsafe.with(retry.build(), RateLimiter.smoothBuilder(
                        Math.max(1, Math.round(settings.requestsPerSecond())), Duration.ofSeconds(1))
                        .withMaxWaitTime(Duration.ofMinutes(10)).build(), bulkhead)
                : Failsafe.with(retry.build(), bulkhead);
        this.executor = composed;
    }

    /**
     * The wait before retry {@code attempt}: what the server asked for (Retry-After, never shortened),
     * else exponential backoff from 100 ms to 10 s with ±25% jitter so many clients do not retry in step.
     */
    static Duration delay(Throwable failure, int attempt) {
        if (failure instanceof HttpStatusException status && status.retryAfter() != null) {
            return status.retryAfter();
        }
        long backoff = Math.min(10_000, 100L << Math.min(attempt, 10));
        double jitter = 0.75 + 0.5 * java.util.concurrent.ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(backoff * jitter));
    }

    /** Transport trouble worth another try: timeouts, resets, unparsable bodies, 429 and 5xx. */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof HttpStatusException status) {
            return status.isTransient();
        }
        return failure instanceof IOException || failure instanceof java.io.UncheckedIOException
                || failure instanceof MalformedAnswerException;
    }

    String url() {
        return url;
    }

    String shownUrl() {
        return RpcUrls.redact(url);
    }

    HttpService service() {
        return service;
    }

    Web3j web3j() {
        return web3j;
    }

    /** Runs {@code request} under this endpoint's policies; the cause of a final failure is rethrown unwrapped. */
    <T> T execute(RpcClient.CheckedSupplier<T> request) throws Exception {
        try {
            return executor.get(request::get);
        } catch (FailsafeException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    /** A 200 answer whose body is not a usable JSON-RPC response (empty result, cut short …). */
    static final class MalformedAnswerException extends RuntimeException {
        MalformedAnswerException(String message) {
            super(message);
        }
    }
}
