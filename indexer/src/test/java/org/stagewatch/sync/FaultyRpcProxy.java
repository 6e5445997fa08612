package org.stagewatch.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JSON-RPC proxy on loopback in front of a real node that misbehaves at random (seeded): HTTP 429
 * with Retry-After, 500s, stalls past the client's timeout, bodies cut short, and "too many results"
 * answers to multi-block eth_getLogs. Everything else is forwarded unchanged. Counts what it injected.
 *
 * <p>It can also play what real providers do (each switched on for a run, see {@link Quirks}): rate-limit
 * single items of a batch (Alchemy's and Infura's per-item errors), cap the size of a batch (answered in one
 * of the {@link BatchRefusal} formats), and route requests at random to a second node that lags the real
 * head by a few blocks (as a load balancer does; the first eth_blockNumber always goes there), which reports
 * the lower head and has none of the blocks
 * above it: null blocks, "block range extends beyond current head block" for eth_getLogs, anvil's
 * BlockOutOfRangeError or geth's "header not found" for state at those blocks.
 */
final class FaultyRpcProxy implements AutoCloseable {
    enum Fault { RATE_LIMITED, SERVER_ERROR, STALL, TRUNCATED, TOO_MANY_RESULTS }

    /** How a provider answers a batch over its cap. */
    enum BatchRefusal { ONE_ERROR_OBJECT, HTTP_413, HTTP_400, GETH_ARRAY, PER_ITEM }

    /**
     * Real providers' behaviours beyond the classic faults.
     *
     * @param itemRateLimit share of the calls (in a batch or alone) answered with a per-item rate-limit error
     * @param batchCap      largest batch taken (0 = any)
     * @param refusal       how a larger batch is refused
     * @param lag           blocks the second node lags the head by (0 = no second node)
     * @param laggingShare  share of the requests the second node answers
     */
    record Quirks(double itemRateLimit, int batchCap, BatchRefusal refusal, int lag, double laggingShare) {
        static final Quirks NONE = new Quirks(0, 0, null, 0, 0);

        static Quirks itemRateLimits(double share) {
            return new Quirks(share, 0, null, 0, 0);
        }

        static Quirks batchCap(int cap, BatchRefusal refusal) {
            return new Quirks(0, cap, refusal, 0, 0);
        }

        static Quirks laggingNode(int lag, double share) {
            return new Quirks(0, 0, null, lag, share);
        }
    }

    /** What the quirks did, for the test to check they happened. */
    record QuirkCounts(long itemsRateLimited, long batchesRefused, long batchesTaken, long laggingAnswers, long headsBehind,
                       long notServed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HttpClient upstreamClient = HttpClient.newHttpClient();
    private final URI upstream;
    private final Random random;
    private final double faultRate;
    private final Duration stall;
    private final Map<Fault, AtomicLong> injected = new ConcurrentHashMap<>();
    private final AtomicLong forwarded = new AtomicLong();
    private final Quirks quirks;
    private final AtomicLong itemsRateLimited = new AtomicLong();
    private final AtomicLong batchesRefused = new AtomicLong();
    private final AtomicLong batchesTaken = new AtomicLong();
    private final AtomicLong laggingAnswers = new AtomicLong();
    private final AtomicLong headsBehind = new AtomicLong();
    private final AtomicLong notServed = new AtomicLong();

    FaultyRpcProxy(String upstreamUrl, long seed, double faultRate, Duration stall) throws IOException {
        this(upstreamUrl, seed, faultRate, stall, Quirks.NONE);
    }

    FaultyRpcProxy(String upstreamUrl, long seed, double faultRate, Duration stall, Quirks quirks) throws IOException {
        this.quirks = quirks;
        this.upstream = URI.create(upstreamUrl);
        this.random = new Random(seed);
        this.faultRate = faultRate;
        this.stall = stall;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long injected() {
        return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<Fault, AtomicLong> injectedByKind() {
        return injected;
    }

    long forwarded() {
        return forwarded.get();
    }

    QuirkCounts quirkCounts() {
        return new QuirkCounts(itemsRateLimited.get(), batchesRefused.get(), batchesTaken.get(), laggingAnswers.get(), headsBehind.get(),
                notServed.get());
    }

    private synchronized boolean chance(double share) {
        return share > 0 && random.nextDouble() < share;
    }

    private synchronized Fault draw(JsonNode request) {
        if (random.nextDouble() >= faultRate) {
            return null;
        }
        Fault[] faults = Fault.values();
        Fault fault = faults[random.nextInt(faults.length)];
        if (fault == Fault.TOO_MANY_RESULTS && !isMultiBlockGetLogs(request)) {
            fault = Fault.SERVER_ERROR;
        }
        return fault;
    }

    private static boolean isMultiBlockGetLogs(JsonNode request) {
        if (!request.path("method").asText().equals("eth_getLogs")) {
            return false;
        }
        JsonNode filter = request.path("params").get(0);
        return Long.decode(filter.path("toBlock").asText("0x0")) > Long.decode(filter.path("fromBlock").asText("0x0"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode request = JSON.readTree(body);
        Fault fault = draw(request);
        if (fault != null) {
            injected.computeIfAbsent(fault, kind -> new AtomicLong()).incrementAndGet();
        }
        try {
            switch (fault == null ? "forward" : fault.name()) {
                case "RATE_LIMITED" -> answer(exchange, 429, Map.of("Retry-After", "0"), "{\"error\":\"rate limited\"}");
                case "SERVER_ERROR" -> answer(exchange, 500, Map.of(), "internal error");
                case "TOO_MANY_RESULTS" -> answer(exchange, 200, Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id")
                        + ",\"error\":{\"code\":-32005,\"message\":\"query returned more than 10000 results\"}}");
                case "STALL" -> {
                    Thread.sleep(stall.toMillis());
                    answer(exchange, 200, Map.of(), forward(body));
                }
                case "TRUNCATED" -> {
                    String full = forward(body);
                    answer(exchange, 200, Map.of(), full.substring(0, full.length() / 2));
                }
                default -> {
                    forwarded.incrementAndGet();
                    quirky(exchange, request, body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client gave up (timeout) before the answer: nothing to do
        } finally {
            exchange.close();
        }
    }

    /** Answers a request the classic faults left alone, as the quirks say. */
    private void quirky(HttpExchange exchange, JsonNode request, byte[] body) throws IOException, InterruptedException {
        if (request.isArray() && quirks.batchCap() > 0 && request.size() > quirks.batchCap()) {
            batchesRefused.incrementAndGet();
            refuse(exchange, request);
            return;
        }
        if (request.isArray() && request.size() > 1) {
            batchesTaken.incrementAndGet();
        }
        // the first head asked for (alone or in a batch) comes from the lagging node, so a --to at the real head is always
        // past it once
        boolean firstHead = quirks.lag() > 0 && asksHead(request) && headsBehind.get() == 0;
        boolean lagging = firstHead || (quirks.lag() > 0 && chance(quirks.laggingShare()));
        if (!lagging && quirks.itemRateLimit() == 0) {
            answer(exchange, 200, Map.of(), forward(body));
            return;
        }
        long laggingHead = lagging ? trueHead() - quirks.lag() : Long.MAX_VALUE;
        if (lagging) {
            laggingAnswers.incrementAndGet();
        }
        if (!request.isArray()) {
            answer(exchange, 200, Map.of(), call(request, laggingHead).toString());
            return;
        }
        ArrayNode answers = JSON.createArrayNode();
        for (JsonNode call : request) {
            answers.add(call(call, laggingHead));
        }
        answer(exchange, 200, Map.of(), answers.toString());
    }

    private static boolean asksHead(JsonNode request) {
        if (request.isArray()) {
            for (JsonNode call : request) {
                if (call.path("method").asText().equals("eth_blockNumber")) {
                    return true;
                }
            }
            return false;
        }
        return request.path("method").asText().equals("eth_blockNumber");
    }

    /** One call as a node with head {@code laggingHead} answers it (MAX_VALUE: the real node), maybe rate-limited. */
    private JsonNode call(JsonNode call, long laggingHead) throws IOException, InterruptedException {
        if (chance(quirks.itemRateLimit())) {
            itemsRateLimited.incrementAndGet();
            return chance(0.5)
                    ? error(call, 429, "Your app has exceeded its compute units per second capacity. If you have retries enabled, "
                            + "you can safely ignore this message. If not, check out https://docs.alchemy.com/reference/throughput")
                    : error(call, -32005, "project ID request rate exceeded");
        }
        if (laggingHead != Long.MAX_VALUE) {
            JsonNode behind = behind(call, laggingHead);
            if (behind != null) {
                return behind;
            }
        }
        return JSON.readTree(forward(JSON.writeValueAsBytes(call)));
    }

    /** What a node at {@code head} answers instead of the real node, or null when it answers the same. */
    private JsonNode behind(JsonNode call, long head) throws IOException, InterruptedException {
        JsonNode params = call.path("params");
        switch (call.path("method").asText()) {
            case "eth_blockNumber" -> {
                headsBehind.incrementAndGet();
                return result(call, JSON.getNodeFactory().textNode("0x" + Long.toHexString(head)));
            }
            case "eth_getBlockByNumber" -> {
                if (params.path(0).asText().equals("latest")) { // its own newest block
                    ObjectNode own = call.deepCopy();
                    ((ArrayNode) own.get("params")).set(0, JSON.getNodeFactory().textNode("0x" + Long.toHexString(head)));
                    return JSON.readTree(forward(JSON.writeValueAsBytes(own)));
                }
                if (block(params.path(0)) > head) {
                    notServed.incrementAndGet();
                    return result(call, JSON.getNodeFactory().nullNode());
                }
            }
            case "eth_getLogs" -> {
                if (block(params.path(0).path("toBlock")) > head) {
                    notServed.incrementAndGet();
                    return error(call, -32602, "block range extends beyond current head block");
                }
            }
            case "eth_getCode", "eth_call", "eth_getStorageAt" -> {
                long block = block(params.path(params.size() - 1));
                if (block > head) {
                    notServed.incrementAndGet();
                    return block % 2 == 0 ? error(call, -32602, "BlockOutOfRangeError: block height is " + head + " but requested was " + block)
                            : error(call, -32000, "header not found");
                }
            }
            default -> {
            }
        }
        return null;
    }

    /** A block parameter's number; tags (latest, finalized …) count as below any head. */
    private static long block(JsonNode parameter) {
        String text = parameter.asText("");
        return text.startsWith("0x") ? Long.decode(text) : -1;
    }

    private long trueHead() throws IOException, InterruptedException {
        return Long.decode(JSON.readTree(forward("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}"
                .getBytes(StandardCharsets.UTF_8))).path("result").asText());
    }

    private void refuse(HttpExchange exchange, JsonNode batch) throws IOException {
        String tooLarge = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"batch size too large, max "
                + quirks.batchCap() + "\"}}";
        switch (quirks.refusal()) {
            case ONE_ERROR_OBJECT -> answer(exchange, 200, Map.of(), tooLarge);
            case HTTP_413 -> answer(exchange, 413, Map.of(), tooLarge);
            case HTTP_400 -> answer(exchange, 400, Map.of(), "{\"error\":\"Batch limit exceeded\"}");
            case GETH_ARRAY -> answer(exchange, 200, Map.of(), "[" + error(batch.get(0), -32600, "batch too large") + "]");
            case PER_ITEM -> {
                ArrayNode answers = JSON.createArrayNode();
                batch.forEach(call -> answers.add(error(call, -32000, "too many requests in batch, max " + quirks.batchCap())));
                answer(exchange, 200, Map.of(), answers.toString());
            }
        }
    }

    private static ObjectNode result(JsonNode call, JsonNode result) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", call.path("id"));
        answer.set("result", result);
        return answer;
    }

    private static ObjectNode error(JsonNode call, int code, String message) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", call.path("id"));
        answer.putObject("error").put("code", code).put("message", message);
        return answer;
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
    }
}
