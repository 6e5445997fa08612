package org.stagewatch.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.FailsafeException;
import org.stagewatch.store.BlockHeader;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.exceptions.ClientConnectionException;

/**
 * JSON-RPC access to one chain: chain id, head and finalized block, logs, block headers (with Arbitrum's
 * {@code l1BlockNumber}), eth_call, storage and code. Each endpoint retries transient failures on its own
 * (see {@link Endpoint}); when one gives up, the next configured endpoint takes over, and stays preferred
 * until it fails in turn. Answers are read whatever shape their quantities take (see {@link Quantity}).
 *
 * <p>What is not the network's fault is not treated as such: a JSON-RPC error answer is raised at once (a
 * "range too large" one as a {@link RangeTooLargeException} for the fetcher), and so is an answer that cannot
 * be read ({@link UnreadableFieldException}) — neither is retried nor sent to another endpoint. Rate-limit
 * answers and blocks a lagging node does not serve yet are retried like a 429. Headers go out in batches
 * (see {@link Batches}), and the head is only trusted once a block at that height can be fetched.
 */
public final class RpcClient implements AutoCloseable {
    /** A {@code --to} at most this many blocks past the head is waited for (a lagging node); farther is refused at once. */
    public static final long HEAD_WAIT_BLOCKS = ServedHead.WAIT_BLOCKS;
    /** How long a {@code --to} past the head is waited for. */
    public static final Duration HEAD_WAIT = ServedHead.WAIT;

    /** The most requests in flight an endpoint's adaptive limit grows to. */
    public static final int MAX_CONCURRENCY = ConcurrencyLimit.CEILING;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Endpoint> endpoints;
    private volatile int current;
    /** Sends the batches of one request for headers or state in parallel; idle threads end after a minute. */
    private final ExecutorService batchWorkers = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("stagewatch-batches-", 1).factory());
    /** A head the start-up request found served, for the first {@link #headBlock} to take instead of asking. */
    private final AtomicReference<Long> startHead = new AtomicReference<>();

    public RpcClient(String url) {
        this(List.of(url), RpcSettings.DEFAULT);
    }

    public RpcClient(List<String> urls, RpcSettings settings) {
        this(urls, settings, "");
    }

    /** @param chain the chain's name, as the request counters are tagged ({@link RpcMeters}) */
    public RpcClient(List<String> urls, RpcSettings settings, String chain) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no RPC URL");
        }
        this.endpoints = urls.stream().map(url -> new Endpoint(url, settings, chain)).toList();
    }

    /** Requests in flight on the endpoint in use. */
    public int inFlight() {
        return endpoints.get(current).inFlight();
    }

    /** The most requests the endpoint in use takes in flight now (see {@link ConcurrencyLimit}). */
    public int concurrencyLimit() {
        return endpoints.get(current).concurrencyLimit();
    }

    /** HTTP requests sent so far, over every endpoint (retries and batches count one each). */
    public long requestsSent() {
        return endpoints.stream().mapToLong(Endpoint::requestsSent).sum();
    }

    /** JSON-RPC calls sent so far, over every endpoint, as the request rate counts them (a batch's calls and the batch). */
    public long callsSent() {
        return endpoints.stream().mapToLong(Endpoint::callsSent).sum();
    }

    /** The endpoint in use as scheme, host and port: the key what is learned of an endpoint is kept under. */
    public String host() {
        return endpoints.get(current).host();
    }

    /** The batch size each endpoint takes, by host. */
    Map<String, Integer> batchSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        endpoints.forEach(endpoint -> sizes.put(endpoint.host(), endpoint.batchSize()));
        return sizes;
    }

    /** Starts the endpoint at {@code host} from a batch size an earlier run learned it takes. */
    void restoreBatchSize(String host, int size) {
        endpoints.stream().filter(endpoint -> endpoint.host().equals(host)).forEach(endpoint -> endpoint.restoreBatchSize(size));
    }

    /** Items per JSON-RPC batch on the endpoint in use (see {@link Endpoint#sendSize()}). */
    public int batchSize() {
        return endpoints.get(current).sendSize();
    }

    /** The endpoint in use, redacted for messages. */
    public String url() {
        return endpoints.get(current).shownUrl();
    }

    public long chainId() {
        return single("eth_chainId", "eth_chainId", List.of(), null, result -> Quantity.of(result, "chain id", -1));
    }

    /**
     * What a run asks an endpoint first, in one JSON-RPC batch (one request where the provider takes batches): its chain
     * id, the head it reports and its newest block.
     *
     * @param servedHead the reported head when the newest block a node answered with is at or above it (a node serves
     *                   it, see {@link ServedHead}); empty when it is not, or either call failed
     */
    public record StartUp(long chainId, OptionalLong servedHead) {
    }

    /** The chain id, the head and the newest block in one batch (see {@link StartUp}); only a failing chain id fails it. */
    public StartUp startUp() {
        Map<String, Batches.Call> calls = new LinkedHashMap<>();
        calls.put("chainId", new Batches.Call("eth_chainId", List.of(), "eth_chainId"));
        calls.put("head", new Batches.Call("eth_blockNumber", List.of(), "eth_blockNumber"));
        calls.put("latest", new Batches.Call("eth_getBlockByNumber", List.of("latest", false), "eth_getBlockByNumber(latest)"));
        Map<String, Long> answers = new HashMap<>();
        withFailover("eth_chainId", endpoint -> {
            Batches.run(endpoint, calls, true, (key, result) -> switch (key) {
                case "chainId" -> Quantity.of(result, "chain id", -1);
                case "head" -> Quantity.of(result, "block number", -1);
                default -> result.isNull() ? -1L : Quantity.of(result.get("number"), "number of the latest block", -1);
            }, (key, described) -> {
                if (key.equals("chainId")) {
                    throw new RpcException(described);
                }
                return -1L; // no head from this request: the first headBlock() asks for it
            }, answers);
            return answers;
        });
        long reported = answers.getOrDefault("head", -1L);
        long newest = answers.getOrDefault("latest", -1L);
        return new StartUp(answers.get("chainId"), reported >= 0 && newest >= reported
                ? OptionalLong.of(reported) : OptionalLong.empty());
    }

    /** The first {@link #headBlock} (or {@link #awaitHead}) takes the head {@code startUp} found served, instead of asking again. */
    public void startFrom(StartUp startUp) {
        startUp.servedHead().ifPresent(startHead::set);
    }

    /** The head a start-up request found served, once. */
    OptionalLong takeStartHead() {
        Long head = startHead.getAndSet(null);
        return head == null ? OptionalLong.empty() : OptionalLong.of(head);
    }

    /** The head as eth_blockNumber reports it, unchecked: the node that answers may be ahead of the one that serves the next request. */
    long reportedHead() {
        return single("eth_blockNumber", "eth_blockNumber", List.of(), null, result -> Quantity.of(result, "block number", -1));
    }

    /**
     * The head: eth_blockNumber, trusted once a block at that height can be fetched (see {@link ServedHead}).
     */
    public long headBlock() {
        return new ServedHead(this).head();
    }

    /**
     * The head once it reaches {@code block}: waits a while for a {@code block} a few blocks past the head (see
     * {@link ServedHead#await}); returns the head then, or the last head seen.
     */
    public long awaitHead(long block) {
        return new ServedHead(this).await(block);
    }

    /** Whether a node answers eth_getBlockByNumber({@code number}) with a block. */
    boolean served(long number) {
        return single("eth_getBlockByNumber(" + number + ")", "eth_getBlockByNumber", List.of(hex(number), false), null,
                block -> !block.isNull());
    }

    /** The node's finalized block, or empty when it does not know the tag. */
    public OptionalLong finalizedBlock() {
        try {
            return single("eth_getBlockByNumber(finalized)", "eth_getBlockByNumber", List.of("finalized", false), null,
                    block -> block.isNull() ? OptionalLong.empty()
                            : OptionalLong.of(Quantity.of(block.get("number"), "number of the finalized block", -1)));
        } catch (UnreadableFieldException e) {
            throw e;
        } catch (RpcException e) {
            return OptionalLong.empty();
        }
    }

    /** Logs of {@code addresses} with one of {@code topic0s} in [from, to], in chain order. */
    public List<RawLog> logs(long chainId, long from, long to, Collection<String> addresses, Collection<String> topic0s) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), List.copyOf(addresses));
        if (!topic0s.isEmpty()) {
            filter.addOptionalTopics(topic0s.toArray(String[]::new));
        }
        String label = "eth_getLogs [%d, %d]".formatted(from, to);
        LogsResponse response = withFailover(label, endpoint -> {
            try {
                return endpoint.execute(() -> checked(endpoint, label, new Request<>("eth_getLogs", List.of(filter),
                        endpoint.service(), LogsResponse.class).send(), true));
            } catch (HttpStatusException e) {
                raiseIfRangeError(e.body()); // QuickNode sends its range errors with an error status
                throw e;
            }
        });
        if (response.getResult() == null) {
            throw new RpcException(url() + ": " + label + " answered without a result");
        }
        List<RawLog> logs = new ArrayList<>(response.getResult().size());
        for (LogsResponse.Entry log : response.getResult()) {
            if (!log.removed()) {
                logs.add(log.toRawLog(chainId));
            }
        }
        logs.sort(RawLog.CHAIN_ORDER);
        return logs;
    }

    /**
     * Headers of the given blocks, fetched in JSON-RPC batches of the endpoint's batch size (see {@link Batches}), the
     * batches in parallel (the endpoint's concurrency limit decides how many go out at once): a null answer for one of
     * them is a block the answering node does not serve yet, asked again after a wait.
     */
    public Map<Long, BlockHeader> headers(long chainId, Collection<Long> numbers) {
        List<Long> sorted = new ArrayList<>(new TreeSet<>(numbers));
        return inBatches(sorted, chunk -> batchOfHeaders(chainId, chunk), "eth_getBlockByNumber of " + sorted.size() + " blocks");
    }

    /**
     * {@code keys} cut into batches of the endpoint's batch size, each answered by {@code batch}; the batches sent in
     * parallel (the endpoint's concurrency limit decides how many go out at once), each waiting its turn as the
     * caller's own requests would ({@link RequestPriority}). At most {@link ConcurrencyLimit#CEILING} threads take
     * them, each its share in order: under a low rate the headers go one call a batch, and a range of 2,000 blocks
     * with events would otherwise hold 2,000 threads waiting for their turn.
     */
    private <K, V> Map<K, V> inBatches(List<K> keys, Function<List<K>, Map<K, V>> batch, String what) {
        int size = Math.max(1, batchSize());
        if (keys.size() <= size) {
            return batch.apply(keys);
        }
        List<List<K>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += size) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + size)));
        }
        int threads = Math.min(chunks.size(), ConcurrencyLimit.CEILING);
        List<Future<Map<K, V>>> parts = new ArrayList<>();
        long priority = RequestPriority.current();
        try {
            for (int thread = 0; thread < threads; thread++) {
                int first = thread;
                parts.add(batchWorkers.submit(() -> RequestPriority.with(priority, () -> {
                    Map<K, V> answered = new HashMap<>();
                    for (int chunk = first; chunk < chunks.size(); chunk += threads) {
                        answered.putAll(batch.apply(chunks.get(chunk)));
                    }
                    return answered;
                })));
            }
            Map<K, V> answers = new HashMap<>();
            for (var part : parts) {
                answers.putAll(part.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(what + " interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new RpcException(what + " failed: " + e.getCause(), e.getCause());
        } finally {
            parts.forEach(part -> part.cancel(true));
        }
    }

    private Map<Long, BlockHeader> batchOfHeaders(long chainId, List<Long> numbers) {
        Map<Long, Batches.Call> calls = new LinkedHashMap<>();
        for (long number : numbers) {
            calls.put(number, new Batches.Call("eth_getBlockByNumber", List.of(hex(number), false),
                    "eth_getBlockByNumber(" + number + ")"));
        }
        Map<Long, BlockHeader> headers = new HashMap<>();
        withFailover("eth_getBlockByNumber of " + calls.size() + " block" + (calls.size() == 1 ? "" : "s"), endpoint -> {
            Batches.run(endpoint, calls, false, (number, block) -> toHeader(chainId, number, block), headers);
            return headers;
        });
        return headers;
    }

    public BlockHeader header(long chainId, long number) {
        return headers(chainId, List.of(number)).get(number);
    }

    /** eth_call at {@code block} (or latest when null); returns the 0x-hex result. */
    public String ethCall(String to, String data, Long block) {
        Map<String, String> call = new LinkedHashMap<>();
        call.put("to", to);
        call.put("data", data);
        return single("eth_call" + (block == null ? "" : " at block " + block), "eth_call",
                List.of(call, block == null ? "latest" : hex(block)), null, result -> text(result, "eth_call", block == null ? -1 : block));
    }

    /**
     * eth_getCode of {@code address} at {@code block}: the 0x-hex runtime code, "0x" where there is none.
     *
     * @throws StateUnavailableException when the node answers that it no longer holds that block's state
     */
    public String code(String address, long block) {
        return single("eth_getCode(" + address + ") at block " + block, "eth_getCode", List.of(address, hex(block)), block,
                result -> text(result, "eth_getCode", block));
    }

    /** eth_getStorageAt at {@code block}: the 32-byte word in {@code slot}, as 0x-hex. */
    public String storageAt(String address, String slot, long block) {
        return single("eth_getStorageAt at block " + block, "eth_getStorageAt",
                List.of(address, "0x" + new BigInteger(slot.substring(2), 16).toString(16), hex(block)), null,
                result -> text(result, "eth_getStorageAt", block));
    }

    /** A state read to send in a batch: an eth_call or eth_getStorageAt at a block (null = latest). */
    public record Query(String method, List<Object> params, String label) {
        public static Query call(String to, String data, Long block) {
            Map<String, String> call = new LinkedHashMap<>();
            call.put("to", to);
            call.put("data", data);
            return new Query("eth_call", List.of(call, block == null ? "latest" : hex(block)),
                    "eth_call to " + to + (block == null ? "" : " at block " + block));
        }

        public static Query storage(String address, String slot, long block) {
            return new Query("eth_getStorageAt", List.of(address, "0x" + new BigInteger(slot.substring(2), 16).toString(16), hex(block)),
                    "eth_getStorageAt(" + address + ") at block " + block);
        }
    }

    /** One query's answer: its 0x-hex result, or the node's error answer, described with the call and the endpoint. */
    public record Answer(String result, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /**
     * State reads in JSON-RPC batches (see {@link Batches}), the batches in parallel: the reads due at one block cost
     * one round trip, not one each. An error answer to a read (a revert, state the node no longer holds) is that read's
     * answer; rate limits and blocks not served yet are asked again as for any batch; a batch that fails on every
     * endpoint throws.
     *
     * @return the answers, in the order of {@code queries}
     */
    public List<Answer> answers(List<Query> queries) {
        List<Integer> keys = IntStream.range(0, queries.size()).boxed().toList();
        Map<Integer, Answer> answers = inBatches(keys, chunk -> {
            Map<Integer, Batches.Call> calls = new LinkedHashMap<>();
            chunk.forEach(key -> calls.put(key, new Batches.Call(queries.get(key).method(), queries.get(key).params(),
                    queries.get(key).label())));
            Map<Integer, Answer> answered = new HashMap<>();
            withFailover(queries.get(chunk.get(0)).label() + (chunk.size() == 1 ? "" : " and " + (chunk.size() - 1) + " more"),
                    endpoint -> {
                        Batches.run(endpoint, calls, true, (key, result) -> new Answer(text(result, queries.get(key).method(), -1), null),
                                (key, described) -> new Answer(null, described), answered);
                        return answered;
                    });
            return answered;
        }, queries.size() + " state reads");
        return keys.stream().map(answers::get).toList();
    }

    /** The web3j of the endpoint in use, for callers that need a raw request. */
    public Web3j web3j() {
        return endpoints.get(current).web3j();
    }

    /** A header from an eth_getBlockByNumber result; every quantity in any shape, every missing field named. */
    private static BlockHeader toHeader(long chainId, long number, JsonNode block) {
        if (!block.isObject()) {
            throw new UnreadableFieldException("result", block.toString(), number, "a block object");
        }
        long answered = Quantity.of(block.get("number"), "number", number);
        if (answered != number) {
            throw new UnreadableFieldException("number", Long.toString(answered), number, "the block asked for");
        }
        JsonNode l1 = block.get("l1BlockNumber");
        return new BlockHeader(chainId, number, hash(block, "hash", number), hash(block, "parentHash", number),
                Quantity.of(block.get("timestamp"), "timestamp", number),
                l1 == null || l1.isNull() ? null : Quantity.of(l1, "l1BlockNumber", number));
    }

    private static String hash(JsonNode block, String field, long number) {
        JsonNode value = block.get(field);
        if (value == null || value.isNull()) {
            throw new UnreadableFieldException(field, null, number);
        }
        if (!value.isTextual() || value.textValue().length() != 66 || !value.textValue().startsWith("0x")) {
            throw new UnreadableFieldException(field, value.toString(), number, "a 32-byte 0x-hex hash");
        }
        return lower(value.textValue());
    }

    /** A string result (0x-hex data). */
    private static String text(JsonNode result, String method, long block) {
        if (!result.isTextual()) {
            throw new UnreadableFieldException(method + " result", result.toString(), block, "a 0x-hex string");
        }
        return result.textValue();
    }

    /**
     * One plain JSON-RPC request; returns what {@code read} makes of its result (a NullNode for null), so that a
     * field it cannot read is named with this request and endpoint. An error answer is raised: a rate
     * limit or a block not yet served as a transient failure (retried), pruned state (when {@code prunable} names the
     * block) as a {@link StateUnavailableException}, anything else as an {@link RpcException} at once.
     */
    private <T> T single(String label, String method, List<Object> params, Long prunable, Function<JsonNode, T> read) {
        return withFailover(label, endpoint -> endpoint.execute(() -> {
            JsonNode answer = endpoint.post(Batches.request(Batches.nextId(), new Batches.Call(method, params, label)));
            if (!answer.isObject()) {
                throw new Endpoint.MalformedAnswerException(label + ": the answer is not a JSON-RPC object");
            }
            JsonNode error = answer.get("error");
            if (error != null && !error.isNull()) {
                raise(endpoint, label, error, false, prunable);
            }
            JsonNode result = answer.get("result");
            if (result == null) {
                throw new Endpoint.MalformedAnswerException(label + " answered without a result");
            }
            return read.apply(result);
        }));
    }

    /** A web3j response, checked for an error answer (see {@link #single}). */
    private static <T extends Response<?>> T checked(Endpoint endpoint, String label, T response, boolean rangeAware) throws RetryableAnswerException {
        if (response == null) {
            throw new Endpoint.MalformedAnswerException("empty answer");
        }
        if (response.hasError()) {
            Response.Error error = response.getError();
            ObjectNode tree = JsonNodeFactory.instance.objectNode().put("code", error.getCode()).put("message", error.getMessage());
            if (error.getData() != null) {
                try {
                    tree.set("data", JSON.readTree(error.getData()));
                } catch (IOException notJson) {
                    tree.put("data", error.getData());
                }
            }
            raise(endpoint, label, tree, rangeAware, null);
        }
        return response;
    }

    private static void raise(Endpoint endpoint, String label, JsonNode error, boolean rangeAware, Long prunable)
            throws RetryableAnswerException {
        String message = error.path("message").asText("");
        String described = "%s: %s failed: %s".formatted(endpoint.shownUrl(), label, AnswerErrors.describe(error));
        if (rangeAware) {
            raiseIfRangeError(message);
        }
        if (prunable != null && StateUnavailableException.isStatePruned(message)) {
            // classified on the node's own words: the endpoint's host name ("…-archive.…") must not count
            throw new StateUnavailableException(described, prunable);
        }
        switch (AnswerErrors.classify(error)) {
            case RATE_LIMITED -> throw new RetryableAnswerException(described, AnswerErrors.retryAfter(error), true);
            case NOT_YET_SERVED -> throw new RetryableAnswerException(described, AnswerErrors.retryAfter(error));
            default -> throw new RpcException(described);
        }
    }

    /**
     * Runs one request on the preferred endpoint; when the endpoint gives up (transport trouble, after its retries),
     * tries the others in order. Answers are not failures of the endpoint: a JSON-RPC error, an unreadable field or
     * an answer of unexpected shape is raised at once, naming the method and the endpoint.
     */
    private <T> T withFailover(String method, EndpointRequest<T> request) {
        List<String> failures = new ArrayList<>();
        for (int attempt = 0; attempt < endpoints.size(); attempt++) {
            Endpoint endpoint = endpoints.get(current);
            try {
                return request.send(endpoint);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RpcException(method + " interrupted");
            } catch (Exception e) {
                UnreadableFieldException unreadable = UnreadableFieldException.in(e);
                if (unreadable != null) {
                    throw unreadable.named(method, endpoint.shownUrl());
                }
                if (e instanceof RpcException answer) {
                    throw answer;
                }
                if (!isEndpointTrouble(e)) {
                    throw new RpcException("%s: %s: unexpected answer (%s)".formatted(endpoint.shownUrl(), method, describe(e)), e);
                }
                failures.add(e instanceof RetryableAnswerException ? e.getMessage() // names the endpoint already
                        : endpoint.shownUrl() + ": " + (e instanceof HttpStatusException ? e.getMessage() : describe(e)));
            }
            current = (current + 1) % endpoints.size();
        }
        throw new RpcException(method + " failed on every endpoint after retries: " + String.join("; ", failures));
    }

    /** Failures that say nothing about the answer, only about this endpoint: the next one may do better. */
    private static boolean isEndpointTrouble(Exception e) {
        return e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof Endpoint.MalformedAnswerException || e instanceof ClientConnectionException
                || e instanceof FailsafeException;
    }

    /** A provider's "range too large" answer becomes a {@link RangeTooLargeException} with the range it suggests. */
    private static void raiseIfRangeError(String message) {
        RangeErrors.classify(message).ifPresent(verdict -> {
            throw new RangeTooLargeException(message, verdict.suggestedBlocks(), verdict.limit(), verdict.resultCap());
        });
    }

    private static String hex(long number) {
        return "0x" + Long.toHexString(number);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static String lower(String hex) {
        return hex == null ? null : LogsResponse.lower(hex);
    }

    @Override
    public void close() {
        batchWorkers.shutdownNow();
        endpoints.forEach(Endpoint::close);
    }

    @FunctionalInterface
    interface CheckedSupplier<T> {
        T get() throws Exception;
    }

    @FunctionalInterface
    private interface EndpointRequest<T> {
        T send(Endpoint endpoint) throws Exception;
    }
}
