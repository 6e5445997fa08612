package org.stagewatch.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import okhttp3.OkHttpClient;
import org.stagewatch.store.BlockHeader;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.http.HttpService;

/**
 * JSON-RPC access to one chain over web3j: chain id, head, logs, block headers (with Arbitrum's
 * {@code l1BlockNumber}) and eth_call. Transport failures (connection errors, HTTP 429/5xx, timeouts,
 * unparsable bodies) are retried with exponential backoff and jitter; JSON-RPC errors are not, except
 * that a "range too large" answer becomes a {@link RangeTooLargeException} for the fetcher to act on.
 */
public final class RpcClient implements AutoCloseable {
    private static final int HEADER_BATCH = 100;

    private final String url;
    private final HttpService service;
    private final Web3j web3j;
    private final RetryPolicy<Object> retry;

    public RpcClient(String url) {
        this(url, Duration.ofSeconds(30), 8);
    }

    public RpcClient(String url, Duration timeout, int maxRetries) {
        this.url = url;
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.service = new HttpService(url, http);
        this.web3j = Web3j.build(service);
        this.retry = RetryPolicy.builder()
                .handle(IOException.class, java.io.UncheckedIOException.class)
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .withJitter(0.25)
                .withMaxRetries(maxRetries)
                .build();
    }

    public String url() {
        return url;
    }

    public long chainId() {
        return call("eth_chainId", () -> web3j.ethChainId().send()).getChainId().longValueExact();
    }

    public long headBlock() {
        return call("eth_blockNumber", () -> web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
    }

    /** Logs of {@code addresses} with one of {@code topic0s} in [from, to], in chain order. */
    public List<RawLog> logs(long chainId, long from, long to, Collection<String> addresses, Collection<String> topic0s) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), List.copyOf(addresses));
        if (!topic0s.isEmpty()) {
            filter.addOptionalTopics(topic0s.toArray(String[]::new));
        }
        EthLog response = send("eth_getLogs", () -> web3j.ethGetLogs(filter).send(), true);
        List<RawLog> logs = new ArrayList<>(response.getLogs().size());
        for (EthLog.LogResult<?> result : response.getLogs()) {
            EthLog.LogObject log = (EthLog.LogObject) result.get();
            if (log.isRemoved()) {
                continue;
            }
            logs.add(new RawLog(chainId, log.getBlockNumber().longValueExact(), lower(log.getBlockHash()),
                    lower(log.getTransactionHash()), log.getTransactionIndex().intValueExact(),
                    log.getLogIndex().intValueExact(), lower(log.getAddress()),
                    log.getTopics().stream().map(RpcClient::lower).toList(), lower(log.getData())));
        }
        logs.sort(RawLog.CHAIN_ORDER);
        return logs;
    }

    /** Headers of the given blocks, fetched in JSON-RPC batches and matched by request id. */
    public Map<Long, BlockHeader> headers(long chainId, Collection<Long> numbers) {
        Map<Long, BlockHeader> headers = new HashMap<>();
        List<Long> all = List.copyOf(numbers);
        for (int start = 0; start < all.size(); start += HEADER_BATCH) {
            List<Long> slice = all.subList(start, Math.min(all.size(), start + HEADER_BATCH));
            var batch = web3j.newBatch();
            Map<Long, Long> numberById = new HashMap<>();
            for (long number : slice) {
                Request<?, BlockResponse> request = new Request<>("eth_getBlockByNumber",
                        List.of("0x" + Long.toHexString(number), false), service, BlockResponse.class);
                numberById.put(request.getId(), number);
                batch.add(request);
            }
            BatchResponse response = call("eth_getBlockByNumber (batch)", batch::send);
            for (Response<?> item : response.getResponses()) {
                Long number = numberById.get(item.getId());
                if (number == null) {
                    throw new RpcException(url + ": batch answer with unknown id " + item.getId());
                }
                if (item.hasError() || item.getResult() == null) {
                    throw new RpcException(url + ": eth_getBlockByNumber(" + number + ") failed: "
                            + (item.hasError() ? item.getError().getMessage() : "no such block"));
                }
                headers.put(number, toHeader(chainId, number, ((BlockResponse) item).getResult()));
            }
            if (!numberById.keySet().stream().allMatch(id -> response.getResponses().stream()
                    .anyMatch(item -> item.getId() == id))) {
                throw new RpcException(url + ": batch answer is missing blocks " + slice);
            }
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
        var response = send("eth_call", () -> web3j.ethCall(
                Transaction.createEthCallTransaction(null, to, data), at).send(), false);
        return response.getValue();
    }

    /** eth_getStorageAt at {@code block}: the 32-byte word in {@code slot}, as 0x-hex. */
    public String storageAt(String address, String slot, long block) {
        var response = send("eth_getStorageAt", () -> web3j.ethGetStorageAt(address, new BigInteger(slot.substring(2), 16),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(block))).send(), false);
        return response.getData();
    }

    public Web3j web3j() {
        return web3j;
    }

    private BlockHeader toHeader(long chainId, long number, Map<String, Object> block) {
        Object l1 = block.get("l1BlockNumber");
        return new BlockHeader(chainId, number, lower((String) block.get("hash")), lower((String) block.get("parentHash")),
                Long.decode((String) block.get("timestamp")), l1 == null ? null : Long.decode((String) l1));
    }

    private <T extends Response<?>> T send(String method, CheckedSupplier<T> request, boolean rangeAware) {
        T response = call(method, request);
        if (response.hasError()) {
            String message = response.getError().getMessage();
            if (rangeAware && RangeErrors.isRangeError(message)) {
                throw new RangeTooLargeException(message, RangeErrors.suggestedBlocks(message));
            }
            throw new RpcException("%s: %s failed: %s (code %d)".formatted(url, method, message, response.getError().getCode()));
        }
        return response;
    }

    private <T> T call(String method, CheckedSupplier<T> request) {
        try {
            return Failsafe.with(retry).get(request::get);
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RpcException("%s: %s failed after retries: %s".formatted(url, method, cause.getMessage()), cause);
        }
    }

    static String lower(String hex) {
        return hex == null ? null : hex.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    @FunctionalInterface
    private interface CheckedSupplier<T> {
        T get() throws Exception;
    }

    /** eth_getBlockByNumber answered as a plain map, so fields web3j does not model (l1BlockNumber) survive. */
    public static final class BlockResponse extends Response<Map<String, Object>> {
    }
}
