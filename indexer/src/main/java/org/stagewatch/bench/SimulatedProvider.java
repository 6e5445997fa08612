package org.stagewatch.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JSON-RPC provider on loopback in front of a real node, limited the way hosted providers are:
 * <ul>
 *   <li>every answer takes {@code latency} more than the node took;</li>
 *   <li>a token bucket of {@code rps} tokens a second (holding at most one second's worth) takes a token per call and
 *       one more per batch, as Infura meters them (a batch of 30 calls is 31 requests; Alchemy and QuickNode count each
 *       call's units, without the batch); a request finding too few tokens for its calls is answered
 *       HTTP 429 with Retry-After (whole seconds until they are back, at least 1). A batch larger than the bucket goes
 *       when the bucket is full and leaves it owing the rest;</li>
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
    /** Reads the node's answers as streams, log by log, and writes the provider's. */
    private static final JsonFactory STREAMS = JSON.getFactory();

    /** The limits played. */
    public record Limits(Duration latency, double rps, long maxRange, long maxLogs, int maxBatch) {
    }

    /** What the provider was asked, by kind, and how many requests it refused with 429 or a range error. */
    public record Counts(long getLogs, long batches, long headers, long other, long rateLimited, long rangeRefused) {
        public long total() {
            return getLogs + batches + headers + other;
        }
    }

    /**
     * One request as the provider handled it: when it arrived and when its answer was sent (System.nanoTime), what
     * it asked ({@code eth_getLogs}, {@code batch} for a batch of blocks, {@code batch of} and the methods for another
     * batch, or the method) and whether the token bucket refused it.
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
    /** Logs per block in the last eth_getLogs answered or refused for its results; 0 before the first. */
    private volatile double logsPerBlock;
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
        return new Counts(count("getLogs"), count("batches"), count("headers"), count("other"), count("429"), count("range"));
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

    /** The most calls (as metered: each call of a batch, and the batch) that arrived within any one second, the token bucket's refusals included. */
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

    /** Takes {@code calls} tokens; returns 0, or the seconds until enough are back. */
    private synchronized long take(int calls) {
        long now = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            arrivals.add(now);
        }
        if (limits.rps() <= 0) {
            return 0;
        }
        double capacity = Math.max(1, limits.rps());
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * limits.rps());
        refilledAt = now;
        double needed = Math.min(calls, capacity);
        if (tokens >= needed) {
            tokens -= calls;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((needed - tokens) / limits.rps()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String kind = "unread";
        boolean refused = false;
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode request = JSON.readTree(body);
            long wait = take(request.isArray() ? request.size() + 1 : 1);
            Thread.sleep(limits.latency());
            if (wait > 0) {
                refused = true;
                add("429");
                answer(exchange, 429, Map.of("Retry-After", Long.toString(wait)),
                        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32005,\"message\":\"project ID request rate exceeded\"}}");
                return;
            }
            kind = request.isArray() ? batchKind(request) : request.path("method").asText();
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
            if (request.path("method").asText().equals("eth_getBlockByNumber")) {
                kind = "header"; // a header asked alone, as a backfill under a low rate asks them
                add("headers");
                answer(exchange, 200, Map.of(), forward(body));
                return;
            }
            if (!request.path("method").asText().equals("eth_getLogs")) {
                add("other");
                answer(exchange, 200, Map.of(), forward(body));
                return;
            }
            add("getLogs");
            logs(exchange, request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client gave up before the answer
        } finally {
            served.add(new Served(arrived, System.nanoTime(), kind, refused));
        }
    }

    /** Blocks that hold about {@code logs} logs at {@code density} logs a block: at least 1, at most {@code left}. */
    private static long pieceFor(double density, long logs, long left) {
        return density > 0 ? Math.max(1, Math.min(left, (long) (logs / density))) : 1;
    }

    /** "batch" for a batch of blocks (headers), else "batch of" and the methods it holds, e.g. "batch of eth_call". */
    private static String batchKind(JsonNode batch) {
        Set<String> methods = new TreeSet<>();
        batch.forEach(call -> methods.add(call.path("method").asText()));
        return methods.equals(Set.of("eth_getBlockByNumber")) ? "batch" : "batch of " + String.join(",", methods);
    }

    /**
     * Answers eth_getLogs within the caps, or with the provider's refusal, never holding the node's whole answer: a
     * node's answer to a wide range of a busy chain is hundreds of MB (and seconds of its time), which the measured
     * backfill's heap shares with this provider. Without a result cap, or for a single block, the node's answer is
     * passed on as it arrives. With one, the node is asked for the range piece by piece — the first piece as many
     * blocks as the cap's worth of logs at the density the last answer had (one block before any), each next one the
     * rest of the cap's worth at the density seen so far, and at least twice the last — and the logs are copied into the
     * answer until one more than the cap is met: then the range that fits (up to the block before that log) is
     * suggested, and the rest of the range is never asked, as a provider that counts as it reads does.
     */
    private void logs(HttpExchange exchange, JsonNode request, byte[] body) throws IOException, InterruptedException {
        JsonNode filter = request.path("params").path(0);
        long from = Long.decode(filter.path("fromBlock").asText("0x0"));
        long to = Long.decode(filter.path("toBlock").asText("0x0"));
        getLogsAsked.add(new long[] {from, to});
        if (limits.maxRange() > 0 && to - from + 1 > limits.maxRange()) {
            add("range");
            refusedRanges.add(from + "-" + to);
            answer(exchange, 200, Map.of(), error(request, "range " + (to - from + 1) + " exceeds limit of " + limits.maxRange()));
            return;
        }
        if (limits.maxLogs() <= 0 || from == to) {
            // a block is never split: one alone is answered whole, however many logs it holds
            try (InputStream upstreamAnswer = forwardAsStream(body)) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    upstreamAnswer.transferTo(out);
                }
            }
            return;
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long count = 0;
        try (JsonGenerator fitting = STREAMS.createGenerator(kept)) {
            fitting.writeStartObject();
            fitting.writeStringField("jsonrpc", "2.0");
            fitting.writeFieldName("id");
            fitting.writeTree(request.path("id"));
            fitting.writeArrayFieldStart("result");
            long piece = pieceFor(logsPerBlock, limits.maxLogs(), to - from + 1);
            for (long at = from; at <= to; at += piece, piece = Math.max(2 * piece, pieceFor((double) count / (at - from),
                    limits.maxLogs() - count, to - at + 1))) {
                ObjectNode part = request.deepCopy();
                ObjectNode partFilter = (ObjectNode) part.path("params").path(0);
                partFilter.put("fromBlock", "0x" + Long.toHexString(at));
                partFilter.put("toBlock", "0x" + Long.toHexString(Math.min(to, at + piece - 1)));
                try (InputStream upstreamAnswer = forwardAsStream(JSON.writeValueAsBytes(part));
                     JsonParser parser = STREAMS.createParser(upstreamAnswer)) {
                    JsonNode refusal = null;
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        throw new IOException("the node's eth_getLogs answer is not a JSON object");
                    }
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        JsonToken value = parser.nextToken();
                        if (field.equals("error") && value == JsonToken.START_OBJECT) {
                            refusal = parser.readValueAsTree();
                        } else if (field.equals("result") && value == JsonToken.START_ARRAY) {
                            while (parser.nextToken() == JsonToken.START_OBJECT) {
                                JsonNode log = parser.readValueAsTree();
                                if (count == limits.maxLogs()) {
                                    long blockOfLog = Long.decode(log.path("blockNumber").asText());
                                    logsPerBlock = (double) count / Math.max(1, blockOfLog - from + 1);
                                    add("range");
                                    refusedRanges.add(from + "-" + to);
                                    // the widest range from the same start that holds at most maxLogs logs (a block alone may hold more)
                                    long fits = blockOfLog - 1;
                                    answer(exchange, 200, Map.of(), error(request, "query returned more than %d results. Try with this block range [0x%x, 0x%x]."
                                            .formatted(limits.maxLogs(), from, Math.max(from, fits))));
                                    return;
                                }
                                fitting.writeTree(log);
                                count++;
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                    if (refusal != null) { // the node's own error, as it gave it
                        answer(exchange, 200, Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id") + ",\"error\":" + refusal + "}");
                        return;
                    }
                }
            }
            fitting.writeEndArray();
            fitting.writeEndObject();
            logsPerBlock = (double) count / (to - from + 1);
        }
        answer(exchange, 200, Map.of(), kept.toByteArray());
    }

    private static String error(JsonNode request, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id") + ",\"error\":{\"code\":-32005,\"message\":"
                + JSON.getNodeFactory().textNode(message) + "}}";
    }

    private String forward(byte[] body) throws IOException, InterruptedException {
        return upstreamClient.send(upstreamRequest(body), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The node's answer as it arrives; closing it before the end drops the rest. */
    private InputStream forwardAsStream(byte[] body) throws IOException, InterruptedException {
        return upstreamClient.send(upstreamRequest(body), HttpResponse.BodyHandlers.ofInputStream()).body();
    }

    private HttpRequest upstreamRequest(byte[] body) {
        return HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        answer(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers, byte[] bytes) throws IOException {
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
