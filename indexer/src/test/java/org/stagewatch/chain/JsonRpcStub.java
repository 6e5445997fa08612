package org.stagewatch.chain;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scriptable JSON-RPC server on loopback: each request body is handed to a function that decides
 * the HTTP answer, so tests can play a provider's 429s, 5xx, stalls, truncated bodies and error payloads.
 */
final class JsonRpcStub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One HTTP answer. {@code stallMillis} > 0 sleeps before answering (past the client's timeout, typically). */
    record Answer(int status, Map<String, String> headers, String body, long stallMillis) {
        static Answer ok(String body) {
            return new Answer(200, Map.of(), body, 0);
        }

        static Answer status(int status, String body) {
            return new Answer(status, Map.of(), body, 0);
        }
    }

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    JsonRpcStub(Function<JsonNode, Answer> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> handle(exchange, script));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private void handle(HttpExchange exchange, Function<JsonNode, Answer> script) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(request);
        Answer answer = script.apply(request);
        if (answer.stallMillis() > 0) {
            try {
                Thread.sleep(answer.stallMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to answer
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/rpc/SECRET-KEY";
    }

    List<JsonNode> requests() {
        return requests;
    }

    long count(String method) {
        return requests.stream().filter(request -> request.path("method").asText().equals(method)).count();
    }

    static String result(JsonNode request, String resultJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id") + ",\"result\":" + resultJson + "}";
    }

    static String error(JsonNode request, int code, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id") + ",\"error\":{\"code\":" + code + ",\"message\":"
                + JSON.valueToTree(message) + "}}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
