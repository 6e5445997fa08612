package org.stagewatch.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import okhttp3.OkHttpClient;
import org.stagewatch.config.RpcUrls;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * One JSON-RPC endpoint with its own policies: retries with exponential backoff and jitter for transient failures
 * (honouring Retry-After), a request-rate limit (shared by every endpoint of the process at the same URL, see
 * {@link RequestPacer#shared}), and an adaptive limit on requests in flight ({@link ConcurrencyLimit}: grows while
 * the provider keeps up, cut on 429s and timeouts). A Retry-After holds
 * every request to the endpoint until it has passed, not only the one that got it. Other failures (a JSON-RPC error,
 * HTTP 401, an answer that cannot be read) pass through at once. Every request sent is counted by how it came back
 * ({@link RpcMeters}). It also keeps what was learned of the provider's limits: the batch size only ever shrinks, to
 * the cap a refusal names or else half of the batch refused, so later batches start at a size it takes.
 */
final class Endpoint implements AutoCloseable {
    /** Items per JSON-RPC batch until the provider refuses one. */
    static final int FIRST_BATCH_SIZE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final StreamingHttpService service;
    private final Web3j web3j;
    private final FailsafeExecutor<Object> executor;
    private final int maxRetries;
    private final AtomicInteger batchSize = new AtomicInteger(FIRST_BATCH_SIZE);
    private final ConcurrencyLimit concurrency;
    private final RequestPacer rate;
    private final String host;
    private final String chain;
    private volatile long pausedUntil = System.nanoTime();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong callsSent = new AtomicLong();
    /** The configured rate of calls, 0 = none. */
    private final double requestsPerSecond;

    Endpoint(String url, RpcSettings settings) {
        this(url, settings, "");
    }

    /** @param chain the chain's name, for the request counters */
    Endpoint(String url, RpcSettings settings, String chain) {
        this.url = url;
        this.host = RpcMeters.host(url);
        this.chain = chain;
        this.maxRetries = settings.maxRetries();
        this.concurrency = new ConcurrencyLimit(settings.maxConcurrency(), settings.requestsPerSecond());
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
        this.rate = settings.requestsPerSecond() > 0 ? RequestPacer.shared(url, settings.requestsPerSecond()) : null;
        this.requestsPerSecond = settings.requestsPerSecond();
        this.executor = Failsafe.with(retry.build());
    }

    /**
     * The wait before retry {@code attempt}: what the server asked for (Retry-After, never shortened),
     * else exponential backoff from 100 ms to 10 s with ±25% jitter so many clients do not retry in step.
     */
    static Duration delay(Throwable failure, int attempt) {
        if (failure instanceof HttpStatusException status && status.retryAfter() != null) {
            return status.retryAfter();
        }
        if (failure instanceof RetryableAnswerException answer && answer.retryAfter() != null) {
            return answer.retryAfter();
        }
        long backoff = Math.min(10_000, 100L << Math.min(attempt, 10));
        double jitter = 0.75 + 0.5 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(backoff * jitter));
    }

    /**
     * Trouble worth another try: timeouts, resets, unparsable (cut short) bodies, 429 and 5xx, rate-limit and
     * "not yet served" answers. Not a well-formed answer with a field that cannot be read: it would come back the same.
     */
    static boolean isTransient(Throwable failure) {
        if (UnreadableFieldException.in(failure) != null) {
            return false;
        }
        if (failure instanceof HttpStatusException status) {
            return status.isTransient();
        }
        return failure instanceof IOException || failure instanceof UncheckedIOException
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

    /** Retries of a transient failure before the endpoint gives up. */
    int maxRetries() {
        return maxRetries;
    }

    /** Items the provider takes in one JSON-RPC batch: the first size, or less once it refused a batch (what is stored). */
    int batchSize() {
        return batchSize.get();
    }

    /**
     * Items to put in one JSON-RPC batch: {@link #batchSize()}, and under a request rate no more than
     * {@link #rateBatch} allows — a batch is metered call by call, so a larger one buys no rate, only fewer round trips.
     */
    int sendSize() {
        int size = batchSize.get();
        return requestsPerSecond > 0 ? rateBatch(size, requestsPerSecond) : size;
    }

    /**
     * The largest batch, of at most {@code largest} calls, that a rate of {@code rps} calls a second takes without
     * breaking a second: what it counts ({@link #metered}) is at most a tenth of the rate, and whole batches paced back
     * to back ({@link RequestPacer}: one every counted × 1.05/rps) fit the rate in any second — {@code ⌈rps ÷ (1.05 ×
     * counted)⌉ × counted ≤ rps}, else the pacer's check of the last second would hold every few batches back (at 25
     * calls/s, batches counting 7 went at 84 % of the rate). A tenth, because a range's last batch is a partial one, and
     * a full batch after it waits for the last second to have room for all of it (batches counting 100 at 300 calls/s
     * left a sixth of a second unused after each range: 0.82 of the bound where batches of 10 reached 0.89); and a batch
     * counts one more than its calls, so smaller is dearer. 29 at 300 calls/s, 3 at 40/s, single calls at 25/s.
     */
    static int rateBatch(int largest, double rps) {
        for (int size = (int) Math.min(largest, Math.floor(rps / 10) - 1); size > 1; size--) {
            int counted = metered(size);
            if (Math.ceil(rps / ((1 + RequestPacer.MARGIN) * counted)) * counted <= rps) {
                return size;
            }
        }
        return 1;
    }

    /**
     * The provider refused a batch of {@code size} items as too large: later batches take at most the cap its answer
     * names ({@code refusal}, e.g. "batch size too large, max 10"), else half as many.
     */
    void batchRefused(int size, String refusal) {
        int named = AnswerErrors.namedBatchCap(refusal);
        batchSize.accumulateAndGet(Math.max(1, named > 0 && named < size ? named : size / 2), Math::min);
    }

    /**
     * Posts a JSON-RPC request or batch as it is and reads the answer as a tree, without this endpoint's
     * policies (call it inside {@link #execute}). A body cut short fails as an {@link IOException}.
     */
    JsonNode post(JsonNode payload) throws IOException {
        try (InputStream answer = service.performIO(JSON.writeValueAsString(payload))) {
            if (answer == null) {
                throw new MalformedAnswerException("empty answer");
            }
            JsonNode tree = JSON.readTree(answer);
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedAnswerException("empty answer");
            }
            return tree;
        }
    }

    Web3j web3j() {
        return web3j;
    }

    /** Runs {@code request} under this endpoint's policies; the cause of a final failure is rethrown unwrapped. */
    <T> T execute(RpcClient.CheckedSupplier<T> request) throws Exception {
        return execute(request, () -> true, 1);
    }

    /**
     * {@link #execute(RpcClient.CheckedSupplier)}, asking {@code stillToSend} once the request's turn has come (a place
     * among those in flight, any Retry-After passed, and again at its turn at the request rate, which for a batch can
     * be a tenth of a second or more away): when it says no, nothing is sent and {@link NotSent} is thrown.
     * {@code calls} is the number of JSON-RPC calls the request holds (a batch's size), counted against the request
     * rate as {@link #metered} says.
     */
    <T> T execute(RpcClient.CheckedSupplier<T> request, BooleanSupplier stillToSend, int calls) throws Exception {
        try {
            return executor.get(() -> attempt(request, stillToSend, calls));
        } catch (FailsafeException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * One try of {@code request}: a place among the requests in flight, then any Retry-After still running, then a
     * turn at the request rate for its {@code calls}; the answer is counted and tells the concurrency limit how the
     * provider is doing.
     */
    private <T> T attempt(RpcClient.CheckedSupplier<T> request, BooleanSupplier stillToSend, int calls) throws Exception {
        long letOut = concurrency.acquire();
        long sent = letOut;
        Throwable failure = null;
        try {
            awaitPause();
            if (!stillToSend.getAsBoolean()) {
                throw new NotSent();
            }
            if (rate != null && !rate.await(metered(calls), stillToSend)) {
                throw new NotSent(); // cut while it waited for its turn at the rate (a batch cap learned meanwhile)
            }
            sent = System.nanoTime();
            this.sent.incrementAndGet();
            callsSent.addAndGet(metered(calls));
            return request.get();
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        } finally {
            if (failure instanceof NotSent) {
                concurrency.release(letOut, ConcurrencyLimit.Outcome.IGNORED, 0); // nothing went out: nothing to count
            } else {
                RpcMeters.Outcome outcome = RpcMeters.Outcome.of(failure);
                RpcMeters.count(host, chain, outcome);
                if (outcome == RpcMeters.Outcome.RATE_LIMITED) {
                    pause(retryAfter(failure));
                }
                concurrency.release(letOut, switch (outcome) {
                    case OK -> ConcurrencyLimit.Outcome.OK;
                    case RATE_LIMITED, TIMEOUT -> ConcurrencyLimit.Outcome.DROPPED;
                    case SERVER_ERROR -> failure instanceof HttpStatusException status && status.status() == 503
                            ? ConcurrencyLimit.Outcome.DROPPED : ConcurrencyLimit.Outcome.IGNORED;
                    default -> ConcurrencyLimit.Outcome.IGNORED;
                }, System.nanoTime() - sent);
            }
        }
    }

    private static Duration retryAfter(Throwable failure) {
        if (failure instanceof HttpStatusException status) {
            return status.retryAfter();
        }
        return failure instanceof RetryableAnswerException answer ? answer.retryAfter() : null;
    }

    /** Holds every request to this endpoint until a wait the provider asked for has passed. */
    private void pause(Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isZero()) {
            long until = System.nanoTime() + retryAfter.toNanos();
            synchronized (this) {
                pausedUntil = Math.max(pausedUntil, until);
            }
        }
    }

    private void awaitPause() throws InterruptedException {
        for (long left = pausedUntil - System.nanoTime(); left > 0; left = pausedUntil - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    /**
     * Items of a batch came back rate-limited (the request itself was answered): the provider is asked too fast, as
     * with a 429, so requests in flight are cut and a wait it asked for holds every request.
     */
    void itemsRateLimited(long sent, Duration retryAfter) {
        concurrency.dropped(sent);
        pause(retryAfter);
    }

    /** Requests in flight now, and the most allowed. */
    int inFlight() {
        return concurrency.inFlight();
    }

    /** HTTP requests sent so far. */
    long requestsSent() {
        return sent.get();
    }

    /**
     * What a provider counts against its rate for a request of {@code calls} calls: each call, and a batch itself as
     * one more. Infura counts both (a batch of 30 is 31 requests); Alchemy and QuickNode count the calls alone, so
     * there a batch costs one call's worth of rate more than it needs (1/29 at 300 calls/s, where {@link #rateBatch}
     * makes batches of 29) — where counting the calls alone would overdraw Infura's budget by as much.
     */
    static int metered(int calls) {
        return calls > 1 ? calls + 1 : calls;
    }

    /** JSON-RPC calls sent so far as providers meter them (see {@link #metered}). */
    long callsSent() {
        return callsSent.get();
    }

    int concurrencyLimit() {
        return concurrency.limit();
    }

    /** Scheme, host and port: the key what was learned of this endpoint is kept under. */
    String host() {
        return host;
    }

    /** Starts from the batch size an earlier run learned the provider takes. */
    void restoreBatchSize(int size) {
        if (size > 0) {
            batchSize.accumulateAndGet(size, Math::min);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    /** A request not sent after all: when its turn came, the caller no longer wanted it sent as it was. */
    static final class NotSent extends RuntimeException {
        NotSent() {
            super("not sent", null, false, false);
        }
    }

    /** A 200 answer whose body is not a usable JSON-RPC response (empty result, cut short …). */
    static final class MalformedAnswerException extends RuntimeException {
        MalformedAnswerException(String message) {
            super(message);
        }
    }
}
