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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JSON-RPC proxy on loopback in front of a real node that misbehaves at random (seeded): HTTP 429
 * with Retry-After, 500s, stalls past the client's timeout, bodies cut short, and "too many results"
 * answers to multi-block eth_getLogs. Everything else is forwarded unchanged. Counts what it injected.
 */
final class FaultyRpcProxy implements AutoCloseable {
    enum Fault { RATE_LIMITED, SERVER_ERROR, STALL, TRUNCATED, TOO_MANY_RESULTS }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HttpClient upstreamClient = HttpClient.newHttpClient();
    private final URI upstream;
    private final Random random;
    private final double faultRate;
    private final Duration stall;
    private final Map<Fault, AtomicLong> injected = new ConcurrentHashMap<>();
    private final AtomicLong forwarded = new AtomicLong();

    FaultyRpcProxy(String upstreamUrl, long seed, double faultRate, Duration stall) throws IOException {
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
                    answer(exchange, 200, Map.of(), forward(body));
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
