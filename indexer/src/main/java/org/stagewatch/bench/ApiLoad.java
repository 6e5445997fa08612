package org.stagewatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

/**
 * Closed-loop HTTP load: {@code clients} threads, each sending one GET after another (the next as soon as the last
 * answered) for {@code duration}, on one {@link HttpClient} with keep-alive connections. Each client draws its
 * paths from its own seeded {@link Random}. A request started before the deadline is waited for and counted, so a
 * slow tail is not cut off. Latencies (send to last byte read) go into one HdrHistogram per client, merged at the
 * end; any status but 200 is an error, counted by status.
 */
public final class ApiLoad {
    private static final long HIGHEST_MICROS = Duration.ofMinutes(10).toNanos() / 1_000;

    /** What a load run measured; latencies in milliseconds. */
    public record Result(long requests, long errors, Map<Integer, Long> errorsByStatus, double seconds, double requestsPerSecond,
                  double p50Millis, double p99Millis, double maxMillis) {
    }

    private final HttpClient http;
    private final String base;
    private final boolean fresh;

    /** @param fresh send {@code Cache-Control: no-cache}: every answer computed, none served from the server's memory */
    ApiLoad(String base, boolean fresh) {
        this.base = base;
        this.fresh = fresh;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** One GET, not measured. */
    HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    Result run(int clients, Duration duration, long seed, Function<Random, String> paths) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Client>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(new Random(seed * 1_000 + i));
            running.add(pool.submit(() -> client.loop(deadline, paths)));
        }
        Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        Map<Integer, Long> errors = new TreeMap<>();
        long requests = 0;
        try {
            for (Future<Client> future : running) {
                Client client = future.get();
                latencies.add(client.latencies);
                client.errors.forEach((status, count) -> errors.merge(status, count, Long::sum));
                requests += client.latencies.getTotalCount();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long failed = errors.values().stream().mapToLong(Long::longValue).sum();
        return new Result(requests, failed, errors, seconds, (requests - failed) / seconds,
                latencies.getValueAtPercentile(50) / 1e3, latencies.getValueAtPercentile(99) / 1e3, latencies.getMaxValue() / 1e3);
    }

    private HttpRequest request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json");
        if (fresh) {
            request.header("Cache-Control", "no-cache");
        }
        return request.GET().build();
    }

    /** One closed-loop client: its own histogram and error counts, read once its loop ended. */
    private final class Client {
        final Random random;
        final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        final Map<Integer, Long> errors = new TreeMap<>();

        Client(Random random) {
            this.random = random;
        }

        Client loop(long deadline, Function<Random, String> paths) throws IOException, InterruptedException {
            while (System.nanoTime() < deadline) {
                HttpRequest request = request(paths.apply(random));
                long sent = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                latencies.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - sent) / 1_000));
                if (response.statusCode() != 200) {
                    errors.merge(response.statusCode(), 1L, Long::sum);
                }
            }
            return this;
        }
    }
}
