package org.stagewatch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JSON-RPC provider on loopback in front of a real node, limited the way hosted providers are:
 * <ul>
 *   <li>every answer takes {@code latency} more than the node took;</li>
 *   <li>a token bucket of {@code rps} tokens a second (holding at most one second's worth) takes one token per HTTP
 *       request, a batch included; a request finding it empty is answered HTTP 429 with Retry-After (whole seconds
 *       until a token is back, at least 1);</li>
 *   <li>eth_getLogs wider than {@code maxRange} blocks is refused as Infura refuses it ("range N exceeds limit of
 *       M"), and one holding more than {@code maxLogs} logs as Infura does, with the block range that would fit
 *       ("query returned more than 10000 results. Try with this block range [0x…, 0x…]."; a single block is answered
 *       whole); 0 = no cap;</li>
 *   <li>a batch of more than {@code maxBatch} calls is refused with one error object.</li>
 * </ul>
 * It counts what it was asked (by kind) and when each request arrived, so a test can check the rate it saw.
 */
public final class SimulatedProvider implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The limits played. */
    public record Limits(Duration latency, double rps, long maxRange, long maxLogs, int maxBatch) {
    }

    /** What the provider was asked, by kind, and how many requests it refused with 429 or a range error. */
    public record Counts(long getLogs, long batches, long other, long rateLimited, long rangeRefused) {
        public long total() {
            return getLogs + batches + other;
        }
    }

    /**
     * One request as the provider handled it: when it arrived and when its answer was sent (System.nanoTime), what
     * it asked ({@code eth_getLogs}, {@code batch} or the method) and whether the token bucket refused it.
     */
    public record Served(long arrived, long answered, String kind, boolean rateLimited) {
    }

    private final List<Served> served = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("simulated-provider-", 1).factory());
    private final HttpClient upstreamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final Limits limits;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<Long> arrivals = new ArrayList<>();
    private final List<long[]> getLogsAsked = new CopyOnWriteArrayList<>();
    private final List<String> refusedRanges = new CopyOnWriteArrayList<>();
    private double tokens;
    private long refilledAt = System.nanoTime();

    public SimulatedProvider(String upstreamUrl, Limits limits) throws IOException {
        this.upstream = URI.create(upstreamUrl);
        this.limits = limits;
        this.tokens = Math.max(1, limits.rps());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3/bench-key";
    }

    public Counts counts() {
        return new Counts(count("getLogs"), count("batches"), count("other"), count("429"), count("range"));
    }

    /** The eth_getLogs ranges asked, as [from, to], in the order they arrived (those the rate limit refused left out). */
    public List<long[]> getLogsAsked() {
        return List.copyOf(getLogsAsked);
    }

    /** The eth_getLogs ranges refused as too wide or too many results, as "from-to", once per refusal. */
    public List<String> refusedRanges() {
        return List.copyOf(refusedRanges);
    }

    /** Every request handled so far, in the order their answers were sent. */
    public List<Served> served() {
        return List.copyOf(served);
    }

    /** The most requests that arrived within any one second (the token bucket's refusals included). */
    public synchronized long mostInAnySecond() {
        long most = 0;
        int start = 0;
        for (int end = 0; end < arrivals.size(); end++) {
            while (arrivals.get(end) - arrivals.get(start) >= 1_000_000_000L) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    private long count(String kind) {
        AtomicLong counter = counts.get(kind);
        return counter == null ? 0 : counter.get();
    }

    private void add(String kind) {
        counts.computeIfAbsent(kind, unused -> new AtomicLong()).incrementAndGet();
    }

    /** Takes a token; returns 0, or the seconds until one is back. */
    private synchronized long take() {
        arrivals.add(System.nanoTime());
        if (limits.rps() <= 0) {
            return 0;
        }
        long now = System.nanoTime();
        tokens = Math.min(Math.max(1, limits.rps()), tokens + (now - refilledAt) / 1e9 * limits.rps());
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / limits.rps()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String kind = "unread";
        boolean refused = false;
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long wait = take();
            Thread.sleep(limits.latency());
            if (wait > 0) {
                refused = true;
                add("429");
                answer(exchange, 429, Map.of("Retry-After", Long.toString(wait)),
                        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32005,\"message\":\"project ID request rate exceeded\"}}");
                return;
            }
            JsonNode request = JSON.readTree(body);
            kind = request.isArray() ? "batch" : request.path("method").asText();
            if (request.isArray()) {
                add("batches");
                if (limits.maxBatch() > 0 && request.size() > limits.maxBatch()) {
                    answer(exchange, 200, Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":"
                            + "\"batch size too large, max " + limits.maxBatch() + "\"}}");
                    return;
                }
                answer(exchange, 200, Map.of(), forward(body));
                return;
            }
            if (!request.path("method").asText().equals("eth_getLogs")) {
                add("other");
                answer(exchange, 200, Map.of(), forward(body));
                return;
            }
            add("getLogs");
            answer(exchange, 200, Map.of(), logs(request, body));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client gave up before the answer
        } finally {
            served.add(new Served(arrived, System.nanoTime(), kind, refused));
        }
    }

    /** eth_getLogs within the caps, or the provider's refusal. */
    private String logs(JsonNode request, byte[] body) throws IOException, InterruptedException {
        JsonNode filter = request.path("params").path(0);
        long from = Long.decode(filter.path("fromBlock").asText("0x0"));
        long to = Long.decode(filter.path("toBlock").asText("0x0"));
        getLogsAsked.add(new long[] {from, to});
        if (limits.maxRange() > 0 && to - from + 1 > limits.maxRange()) {
            add("range");
            refusedRanges.add(from + "-" + to);
            return error(request, "range " + (to - from + 1) + " exceeds limit of " + limits.maxRange());
        }
        String answer = forward(body);
        if (limits.maxLogs() <= 0 || from == to) {
            return answer; // a block is never split: one alone is answered whole, however many logs it holds
        }
        String firstOver = blockOfLog(answer, limits.maxLogs());
        if (firstOver == null) {
            return answer;
        }
        add("range");
        refusedRanges.add(from + "-" + to);
        // the widest range from the same start that holds at most maxLogs logs (a block alone may hold more)
        long fits = Long.decode(firstOver) - 1;
        return error(request, "query returned more than %d results. Try with this block range [0x%x, 0x%x]."
                .formatted(limits.maxLogs(), from, Math.max(from, fits)));
    }

    /**
     * The blockNumber of the log at {@code index} in an eth_getLogs answer, or null if it holds no more logs: read as
     * a stream, not a tree — an answer of thousands of logs as a tree would take tens of MB of the heap the measured
     * backfill shares with this provider.
     */
    private static String blockOfLog(String answer, long index) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("result") || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                for (long log = 0; parser.nextToken() == JsonToken.START_OBJECT; log++) {
                    if (log < index) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        if (name.equals("blockNumber")) {
                            return parser.getText();
                        }
                        parser.skipChildren();
                    }
                    return null;
                }
                return null;
            }
            return null;
        }
    }

    private static String error(JsonNode request, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id") + ",\"error\":{\"code\":-32005,\"message\":"
                + JSON.getNodeFactory().textNode(message) + "}}";
    }

    private String forward(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return upstreamClient.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
