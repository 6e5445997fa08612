package org.stagewatch.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.stagewatch.store.BlockHeader;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * JSON-RPC access to one chain over web3j: chain id, head and finalized block, logs, block headers
 * (with Arbitrum's {@code l1BlockNumber}), eth_call, storage and code. Each endpoint retries transient failures on
 * its own (see {@link Endpoint}); when one gives up, the next configured endpoint takes over, and
 * stays preferred until it fails in turn. A JSON-RPC error is not retried, except that a "range too
 * large" answer becomes a {@link RangeTooLargeException} for the fetcher to act on.
 */
public final class RpcClient implements AutoCloseable {
    private static final int HEADER_BATCH = 100;

    private final List<Endpoint> endpoints;
    private volatile int current;

    public RpcClient(String url) {
        this(List.of(url), RpcSettings.DEFAULT);
    }

    public RpcClient(List<String> urls, RpcSettings settings) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no RPC URL");
        }
        this.endpoints = urls.stream().map(url -> new Endpoint(url, settings)).toList();
    }

    /** The endpoint in use, redacted for messages. */
    public String url() {
        return endpoints.get(current).shownUrl();
    }

    public long chainId() {
        return call("eth_chainId", endpoint -> endpoint.web3j().ethChainId().send(), false).getChainId().longValueExact();
    }

    public long headBlock() {
        return call("eth_blockNumber", endpoint -> endpoint.web3j().ethBlockNumber().send(), false)
                .getBlockNumber().longValueExact();
    }

    /** The node's finalized block, or empty when it does not know the tag. */
    public java.util.OptionalLong finalizedBlock() {
        try {
            var block = call("eth_getBlockByNumber(finalized)", endpoint -> endpoint.web3j()
                    .ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false).send(), false);
            return block.getBlock() == null ? java.util.OptionalLong.empty()
                    : java.util.OptionalLong.of(block.getBlock().getNumber().longValueExact());
        } catch (RpcException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** Logs of {@code addresses} with one of {@code topic0s} in [from, to], in chain order. */
    public List<RawLog> logs(long chainId, long from, long to, Collection<String> addresses, Collection<String> topic0s) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), List.copyOf(addresses));
        if (!topic0s.isEmpty()) {
            filter.addOptionalTopics(topic0s.toArray(String[]::new));
        }
        LogsResponse response = call("eth_getLogs", endpoint -> new Request<>("eth_getLogs", List.of(filter),
                endpoint.service(), LogsResponse.class).send(), true);
        if (response.getResult() == null) {
            throw new RpcException(url() + ": eth_getLogs [" + from + ", " + to + "] answered without a result");
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

    /** Headers of the given blocks, fetched in JSON-RPC batches and matched by request id, not by position. */
    public Map<Long, BlockHeader> headers(long chainId, Collection<Long> numbers) {
        Map<Long, BlockHeader> headers = new HashMap<>();
        List<Long> all = List.copyOf(numbers);
        for (int start = 0; start < all.size(); start += HEADER_BATCH) {
            List<Long> slice = all.subList(start, Math.min(all.size(), start + HEADER_BATCH));
            headers.putAll(withFailover("eth_getBlockByNumber (batch of " + slice.size() + ")",
                    endpoint -> headerBatch(endpoint, chainId, slice), false));
        }
        return headers;
    }

    private Map<Long, BlockHeader> headerBatch(Endpoint endpoint, long chainId, List<Long> numbers) throws Exception {
        var batch = endpoint.web3j().newBatch();
        Map<Long, Long> numberById = new HashMap<>();
        for (long number : numbers) {
            Request<?, BlockResponse> request = new Request<>("eth_getBlockByNumber",
                    List.of("0x" + Long.toHexString(number), false), endpoint.service(), BlockResponse.class);
            numberById.put(request.getId(), number);
            batch.add(request);
        }
        BatchResponse response = batch.send();
        Map<Long, BlockHeader> headers = new HashMap<>();
        for (Response<?> item : response.getResponses()) {
            Long number = numberById.get(item.getId());
            if (number == null) {
                throw new Endpoint.MalformedAnswerException("batch answer with unknown id " + item.getId());
            }
            if (item.hasError()) {
                throw new RpcException(endpoint.shownUrl() + ": eth_getBlockByNumber(" + number + ") failed: "
                        + item.getError().getMessage());
            }
            if (item.getResult() == null) {
                throw new Endpoint.MalformedAnswerException("no block " + number + " in the answer");
            }
            headers.put(number, toHeader(chainId, number, ((BlockResponse) item).getResult()));
        }
        if (headers.size() != numbers.size()) {
            throw new Endpoint.MalformedAnswerException("batch answer covers " + headers.size() + " of " + numbers.size() + " blocks");
        }
        return headers;
    }

    public BlockHeader header(long chainId, long number) {
        return headers(chainId, List.of(number)).get(number);
    }

    /** eth_call at {@code block} (or latest when null); returns the 0x-hex result. */
    public String ethCall(String to, String data, Long block) {
        DefaultBlockParameter at = block == null ? DefaultBlockParameterName.LATEST
                : DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
        return call("eth_call", endpoint -> endpoint.web3j().ethCall(
                Transaction.createEthCallTransaction(null, to, data), at).send(), false).getValue();
    }

    /**
     * eth_getCode of {@code address} at {@code block}: the 0x-hex runtime code, "0x" where there is none.
     *
     * @throws StateUnavailableException when the node answers that it no longer holds that block's state
     */
    public String code(String address, long block) {
        return withFailover("eth_getCode", endpoint -> {
            var response = endpoint.web3j().ethGetCode(address, DefaultBlockParameter.valueOf(BigInteger.valueOf(block))).send();
            if (response == null) {
                throw new Endpoint.MalformedAnswerException("empty answer");
            }
            if (response.hasError()) {
                // classified on the node's own words: the endpoint's host name ("…-archive.…") must not count
                String message = response.getError().getMessage();
                String described = "%s: eth_getCode(%s) at block %d failed: %s (code %d)".formatted(endpoint.shownUrl(),
                        address, block, message, response.getError().getCode());
                throw StateUnavailableException.isStatePruned(message)
                        ? new StateUnavailableException(described, block) : new RpcException(described);
            }
            if (response.getCode() == null) {
                throw new Endpoint.MalformedAnswerException("eth_getCode answered without a result");
            }
            return response.getCode();
        }, false);
    }

    /** eth_getStorageAt at {@code block}: the 32-byte word in {@code slot}, as 0x-hex. */
    public String storageAt(String address, String slot, long block) {
        return call("eth_getStorageAt", endpoint -> endpoint.web3j().ethGetStorageAt(address, new BigInteger(slot.substring(2), 16),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(block))).send(), false).getData();
    }

    /** The web3j of the endpoint in use, for callers that need a raw request. */
    public Web3j web3j() {
        return endpoints.get(current).web3j();
    }

    private BlockHeader toHeader(long chainId, long number, Map<String, Object> block) {
        Object l1 = block.get("l1BlockNumber");
        Object hash = block.get("hash");
        Object parent = block.get("parentHash");
        Object timestamp = block.get("timestamp");
        if (!(hash instanceof String) || !(parent instanceof String) || !(timestamp instanceof String)) {
            throw new Endpoint.MalformedAnswerException("block " + number + " lacks hash, parentHash or timestamp");
        }
        return new BlockHeader(chainId, number, lower((String) hash), lower((String) parent),
                Long.decode((String) timestamp), l1 == null ? null : Long.decode((String) l1));
    }

    /** Runs a JSON-RPC request and turns an error answer into an exception (a range error into its own). */
    private <T extends Response<?>> T call(String method, EndpointRequest<T> request, boolean rangeAware) {
        return withFailover(method, endpoint -> {
            T response = request.send(endpoint);
            if (response == null) {
                throw new Endpoint.MalformedAnswerException("empty answer");
            }
            if (response.hasError()) {
                String message = response.getError().getMessage();
                if (rangeAware) {
                    raiseIfRangeError(message);
                }
                throw new RpcException("%s: %s failed: %s (code %d)".formatted(endpoint.shownUrl(), method, message,
                        response.getError().getCode()));
            }
            return response;
        }, rangeAware);
    }

    /**
     * Runs one request on the preferred endpoint; when it fails for good, tries the others in order.
     * JSON-RPC errors are answers, not failures of the endpoint: they are raised at once.
     */
    private <T> T withFailover(String method, EndpointRequest<T> request, boolean rangeAware) {
        List<String> failures = new ArrayList<>();
        for (int attempt = 0; attempt < endpoints.size(); attempt++) {
            Endpoint endpoint = endpoints.get(current);
            try {
                return endpoint.execute(() -> request.send(endpoint));
            } catch (RpcException e) {
                throw e;
            } catch (HttpStatusException e) {
                if (rangeAware) {
                    raiseIfRangeError(e.body());
                }
                failures.add(endpoint.shownUrl() + ": " + e.getMessage());
            } catch (Exception e) {
                failures.add(endpoint.shownUrl() + ": " + describe(e));
            }
            current = (current + 1) % endpoints.size();
        }
        throw new RpcException(method + " failed on every endpoint after retries: " + String.join("; ", failures));
    }

    /** A provider's "range too large" answer becomes a {@link RangeTooLargeException} with the range it suggests. */
    private static void raiseIfRangeError(String message) {
        RangeErrors.classify(message).ifPresent(verdict -> {
            throw new RangeTooLargeException(message, verdict.suggestedBlocks());
        });
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

    /** eth_getBlockByNumber answered as a plain map, so fields web3j does not model (l1BlockNumber) survive. */
    public static final class BlockResponse extends Response<Map<String, Object>> {
    }
}
