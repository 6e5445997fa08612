package org.stagewatch.chain;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC batches on one endpoint, sent the way providers take them. Calls go out in batches of the
 * endpoint's batch size (one call alone goes as a plain request); answers are matched to calls by id,
 * never by position.
 *
 * <ul>
 *   <li>A batch the provider refuses as too large — one error object instead of an array, HTTP 413 or 400,
 *       or items answered "batch too large" / "response too large" — is sent again in batches of the cap the
 *       refusal names ("max 10"), else in halves, and the endpoint keeps the smaller size for every later batch
 *       (a batch built larger that waited for its turn meanwhile is cut before it is sent).</li>
 *   <li>An item answered with a rate limit (code 429, "compute units per second capacity", -32005 "limit
 *       exceeded" …), a block the answering node does not serve yet, a null block where a block is wanted,
 *       or no answer at all is asked again, alone with the others that failed, after the endpoint's backoff
 *       (or the wait the provider asked for); items already answered are kept. After the endpoint's retries
 *       the last such failure is thrown as a transient one, for the next endpoint to take over the rest.</li>
 *   <li>Any other error item is the answer: raised at once, as an {@link RpcException} naming the call — or, for
 *       callers that take an error as one call's answer (a reverted eth_call), handed to them with the rest.</li>
 * </ul>
 */
final class Batches {
    private static final AtomicLong IDS = new AtomicLong();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Batches() {
    }

    /** One JSON-RPC call; {@code label} names it in messages ("eth_getBlockByNumber(51)"). */
    record Call(String method, List<Object> params, String label) {
    }

    /** Turns one call's result into the value kept for it; may throw {@link UnreadableFieldException}. */
    @FunctionalInterface
    interface Reader<K, V> {
        V read(K key, JsonNode result);
    }

    /** Turns one call's error answer (described, naming the call and the endpoint) into the value kept for it. */
    @FunctionalInterface
    interface ErrorReader<K, V> {
        V read(K key, String described);
    }

    /**
     * Answers every call whose key {@code answers} does not hold yet, adding its value there as it comes
     * (so what one endpoint answered survives a failover to the next).
     *
     * @param nullIsAnswer whether a null result is a value (handed to {@code reader}) or "not served yet" (asked again)
     */
    static <K, V> void run(Endpoint endpoint, Map<K, Call> calls, boolean nullIsAnswer, Reader<K, V> reader, Map<K, V> answers)
            throws Exception {
        run(endpoint, calls, nullIsAnswer, reader, null, answers);
    }

    /**
     * {@link #run(Endpoint, Map, boolean, Reader, Map)}, with the error answers that are no rate limit, no block not yet
     * served and no refusal of the batch's size handed to {@code errors} as those calls' values (null: raised).
     */
    static <K, V> void run(Endpoint endpoint, Map<K, Call> calls, boolean nullIsAnswer, Reader<K, V> reader,
                           ErrorReader<K, V> errors, Map<K, V> answers) throws Exception {
        Deque<K> todo = new ArrayDeque<>();
        calls.keySet().stream().filter(key -> !answers.containsKey(key)).forEach(todo::add);
        for (int attempt = 1; !todo.isEmpty(); attempt++) {
            Round<K> round = new Round<>();
            while (!todo.isEmpty()) {
                List<K> chunk = new ArrayList<>();
                for (int size = endpoint.sendSize(); chunk.size() < size && !todo.isEmpty(); ) {
                    chunk.add(todo.pollFirst());
                }
                List<K> resend = send(endpoint, chunk, calls, nullIsAnswer, reader, errors, answers, round);
                for (int i = resend.size() - 1; i >= 0; i--) {
                    todo.addFirst(resend.get(i)); // at once, in smaller batches: a refusal is no failure
                }
            }
            if (round.again.isEmpty()) {
                return;
            }
            if (attempt > endpoint.maxRetries()) {
                throw round.problem;
            }
            Thread.sleep(Endpoint.delay(round.problem, attempt).toMillis());
            todo.addAll(round.again);
        }
    }

    /** The calls of one pass to ask again after a wait, and the last reason why. */
    private static final class Round<K> {
        final List<K> again = new ArrayList<>();
        RetryableAnswerException problem;

        void again(K key, String reason, Duration retryAfter) {
            again.add(key);
            Duration wait = retryAfter;
            if (problem != null && problem.retryAfter() != null && (wait == null || problem.retryAfter().compareTo(wait) > 0)) {
                wait = problem.retryAfter(); // the longest wait any item asked for
            }
            problem = new RetryableAnswerException(reason, wait);
        }
    }

    /** Sends one chunk; returns the calls to send again at once because the provider refused the batch's size. */
    private static <K, V> List<K> send(Endpoint endpoint, List<K> chunk, Map<K, Call> calls, boolean nullIsAnswer,
                                       Reader<K, V> reader, ErrorReader<K, V> errors, Map<K, V> answers, Round<K> round)
            throws Exception {
        Map<Long, K> keyById = new HashMap<>();
        ArrayNode batch = NODES.arrayNode();
        for (K key : chunk) {
            long id = IDS.incrementAndGet();
            keyById.put(id, key);
            batch.add(request(id, calls.get(key)));
        }
        boolean single = chunk.size() == 1;
        JsonNode answer;
        long sent = System.nanoTime();
        try {
            // another batch refused meanwhile for its size: this one, as large, is not sent but cut to the new size
            answer = endpoint.execute(() -> postNoting(endpoint, single ? batch.get(0) : batch, chunk.size()),
                    () -> single || chunk.size() <= endpoint.sendSize(), chunk.size());
        } catch (Endpoint.NotSent e) {
            return chunk;
        } catch (HttpStatusException e) {
            if (!single && (e.status() == 413 || e.status() == 400)) {
                return refused(endpoint, chunk, e.body());
            }
            throw e;
        }
        JsonNode batchError = null; // an error for the whole batch: one object instead of an array, or an item without an id
        Map<K, JsonNode> items = new HashMap<>();
        for (JsonNode item : answer.isArray() ? answer : List.of(answer)) {
            JsonNode id = item.path("id");
            K key = keyById.get(id.asLong(-1));
            if (key == null && (id.isNull() || id.isMissingNode())) {
                if (single) {
                    key = chunk.get(0);
                } else {
                    batchError = item.path("error");
                }
            }
            if (key != null) {
                items.putIfAbsent(key, item);
            }
        }
        if (!single && (!answer.isArray() || (batchError != null && items.isEmpty()))) {
            JsonNode error = batchError == null ? answer.path("error") : batchError;
            if (error.isObject() && AnswerErrors.classify(error) == AnswerErrors.Kind.RATE_LIMITED) {
                endpoint.itemsRateLimited(sent, AnswerErrors.retryAfter(error));
                chunk.forEach(key -> round.again(key, endpoint.shownUrl() + ": a batch of " + chunk.size() + " calls was refused: "
                        + AnswerErrors.describe(error), AnswerErrors.retryAfter(error)));
                return List.of();
            }
            // one answer for many calls: the provider does not take a batch this large
            return refused(endpoint, chunk, error.path("message").asText(""));
        }
        String tooLarge = null; // the refusal, when items were refused for the batch's size
        List<K> unanswered = new ArrayList<>();
        for (K key : chunk) {
            JsonNode item = items.get(key);
            Call call = calls.get(key);
            JsonNode error = item == null ? null : item.get("error");
            if (item == null) {
                unanswered.add(key);
            } else if (error != null && !error.isNull()) {
                String described = endpoint.shownUrl() + ": " + call.label() + " failed: " + AnswerErrors.describe(error);
                switch (AnswerErrors.classify(error)) {
                    case BATCH_TOO_LARGE -> {
                        if (single) {
                            throw new RpcException(described);
                        }
                        tooLarge = error.path("message").asText("");
                        unanswered.add(key);
                    }
                    case RATE_LIMITED -> {
                        endpoint.itemsRateLimited(sent, AnswerErrors.retryAfter(error));
                        round.again(key, described, AnswerErrors.retryAfter(error));
                    }
                    case NOT_YET_SERVED -> round.again(key, described, AnswerErrors.retryAfter(error));
                    case FINAL -> {
                        if (errors == null) {
                            throw new RpcException(described);
                        }
                        answers.put(key, errors.read(key, described));
                    }
                }
            } else if (!item.has("result")) {
                round.again(key, endpoint.shownUrl() + ": " + call.label() + " answered without a result", null);
            } else if (item.get("result").isNull() && !nullIsAnswer) {
                round.again(key, endpoint.shownUrl() + ": " + call.label() + " answered null: the node does not serve it yet", null);
            } else {
                answers.put(key, reader.read(key, item.get("result").isNull() ? NullNode.getInstance() : item.get("result")));
            }
        }
        if (tooLarge != null) {
            endpoint.batchRefused(chunk.size(), tooLarge);
            return unanswered; // with what the batch did answer kept
        }
        unanswered.forEach(key -> round.again(key, endpoint.shownUrl() + ": no answer to " + calls.get(key).label()
                + " in a batch of " + chunk.size(), null));
        return List.of();
    }

    /**
     * Posts a batch (or a single call) and, when the answer refuses the batch for its size, lowers the endpoint's batch
     * size at once — before the request's place among those in flight goes to the next, which is then cut to it.
     */
    private static JsonNode postNoting(Endpoint endpoint, JsonNode payload, int size) throws IOException {
        try {
            JsonNode answer = endpoint.post(payload);
            String refusal = size > 1 ? sizeRefusal(answer) : null;
            if (refusal != null) {
                endpoint.batchRefused(size, refusal);
            }
            return answer;
        } catch (HttpStatusException e) {
            if (size > 1 && (e.status() == 413 || e.status() == 400)) {
                endpoint.batchRefused(size, e.body());
            }
            throw e;
        }
    }

    /** The words of an answer that refuses a batch for its size — one error object that is no rate limit, or an item "batch too large" — else null. */
    private static String sizeRefusal(JsonNode answer) {
        if (!answer.isArray()) {
            JsonNode error = answer.path("error");
            return error.isObject() && AnswerErrors.classify(error) != AnswerErrors.Kind.RATE_LIMITED ? error.path("message").asText("") : null;
        }
        for (JsonNode item : answer) {
            JsonNode error = item.path("error");
            if (error.isObject() && AnswerErrors.classify(error) == AnswerErrors.Kind.BATCH_TOO_LARGE) {
                return error.path("message").asText("");
            }
        }
        return null;
    }

    private static <K> List<K> refused(Endpoint endpoint, List<K> chunk, String refusal) {
        endpoint.batchRefused(chunk.size(), refusal);
        return chunk;
    }

    static ObjectNode request(long id, Call call) {
        ObjectNode request = NODES.objectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", id);
        request.put("method", call.method());
        ArrayNode params = request.putArray("params");
        for (Object param : call.params()) {
            params.add(switch (param) {
                case JsonNode node -> node;
                case String text -> NODES.textNode(text);
                case Boolean flag -> NODES.booleanNode(flag);
                default -> NODES.pojoNode(param);
            });
        }
        return request;
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }
}
