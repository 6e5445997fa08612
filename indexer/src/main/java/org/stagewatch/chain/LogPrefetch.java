package org.stagewatch.chain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The consecutive ranges of a block interval, fetched with several eth_getLogs requests in flight and handed out in
 * block order, each taken one step further on the worker that fetched it ({@code then}: the sync fetches the
 * range's headers there, so header batches go out beside the next eth_getLogs). One request at a time leaves the
 * provider idle while Stagewatch reads an answer, and at 100 ms a request two in flight can never pass 20 requests/s.
 *
 * <p>Each range's requests carry its place in block order ({@link RequestPriority}): its eth_getLogs ahead of any header
 * batch, its header batches ahead of later ranges'. How many are in flight follows {@code depth} (the endpoint's adaptive concurrency limit, see
 * {@link ConcurrencyLimit}), and what is held is bounded in bytes, not in ranges: a new request goes out only while
 * the answers waiting to be taken plus those expected from the requests out (at the logs per block seen so far) stay
 * under {@code byteBudget}; one request is always allowed.
 *
 * <p>Range sizes come from the shared, adaptive {@link LogRangeFetcher}. A request that comes back covering less than
 * it was sent for (the node called the range too large and the fetcher narrowed it) leaves a gap before the next
 * request in flight; the gap is fetched next, ahead of it, in ranges of the narrowed size as many at once as places
 * and bytes allow, so ranges still come out contiguous. It is asked as soon as the narrowed answer is in, not once that
 * range has been taken a step further: its header batches take seconds under a request rate, and the gap asked only
 * then made the run's last range wait for them. A failure is thrown
 * where its range would have come out; what is in flight behind it is dropped by {@link #close}.
 *
 * @param <T> what a range becomes on its worker
 */
public final class LogPrefetch<T> implements AutoCloseable {
    /** Bytes of heap one log takes as a {@link RawLog}, besides its hex strings (shared block and transaction hashes). */
    private static final long LOG_OVERHEAD_BYTES = 120;
    /** Most workers, whatever the concurrency limit says. */
    private static final int MAX_WORKERS = ConcurrencyLimit.CEILING;
    /**
     * The first ranges of a prefetch that start smaller: an eighth, a quarter, then half of the fetcher's range. A node
     * takes time in proportion to the range it reads (anvil 150–300 ms for 2,000 blocks of a sparse chain, hosted
     * providers seconds), and nothing else can be asked for a range until its logs are in: its headers wait for them,
     * and the writer for its headers. A small first range starts the header batches and the writer a fraction of that
     * time after the start, while the wider ones behind it are read.
     */
    static final int RAMP = 3;

    private final LogRangeFetcher fetcher;
    private final long limit;
    private final Collection<String> addresses;
    private final Collection<String> topic0s;
    private final IntSupplier depth;
    private final long byteBudget;
    private final Function<LogRangeFetcher.Fetched, T> then;
    private final ExecutorService workers;
    /** The ranges sent for, in block order; only the thread calling {@link #next} touches it. */
    private final List<Pending<T>> inFlight = new ArrayList<>();
    /** A permit each time a worker has a range's logs in, and each time it is done with a range. */
    private final Semaphore progress = new Semaphore(0);
    private final int ramp;
    private int submitted;
    private long next;
    private volatile double bytesPerBlock;

    /** One range sent for, and what it becomes. */
    private static final class Pending<T> {
        final long from;
        final long to;
        Future<Step<T>> result;
        /** The logs, once in (set by the worker before it takes them a step further). */
        volatile LogRangeFetcher.Fetched logs;
        volatile long logsBytes;
        /** Whether a gap its narrowed answer left has been asked (only the thread calling {@link #next} reads and sets it). */
        boolean gapAsked;

        Pending(long from, long to) {
            this.from = from;
            this.to = to;
        }
    }

    private record Step<T>(LogRangeFetcher.Fetched fetched, long bytes, T value) {
    }

    /**
     * The logs alone, with a fixed number of requests in flight and no byte bound.
     *
     * @param depth      requests in flight at most (1 = one after another)
     * @param threadName prefix of the worker threads' names
     */
    public static LogPrefetch<LogRangeFetcher.Fetched> of(LogRangeFetcher fetcher, long from, long limit, Collection<String> addresses,
                                                         Collection<String> topic0s, int depth, String threadName) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1: " + depth);
        }
        return new LogPrefetch<>(fetcher, from, limit, addresses, topic0s, () -> depth, Long.MAX_VALUE, Function.identity(), threadName, 0);
    }

    /**
     * Ranges taken to the next step on their worker, the first {@value #RAMP} of them smaller (see {@link #RAMP}).
     *
     * @param depth      requests in flight wanted now (read before each new request; at least 1 is kept)
     * @param byteBudget bytes of logs held at most, in answers waiting and expected from requests out
     * @param then       what a fetched range becomes, on the worker that fetched it
     * @param threadName prefix of the worker threads' names
     */
    public LogPrefetch(LogRangeFetcher fetcher, long from, long limit, Collection<String> addresses, Collection<String> topic0s,
                       IntSupplier depth, long byteBudget, Function<LogRangeFetcher.Fetched, T> then, String threadName) {
        this(fetcher, from, limit, addresses, topic0s, depth, byteBudget, then, threadName, RAMP);
    }

    private LogPrefetch(LogRangeFetcher fetcher, long from, long limit, Collection<String> addresses, Collection<String> topic0s,
                        IntSupplier depth, long byteBudget, Function<LogRangeFetcher.Fetched, T> then, String threadName, int ramp) {
        this.ramp = ramp;
        this.fetcher = fetcher;
        this.limit = limit;
        this.addresses = List.copyOf(addresses);
        this.topic0s = List.copyOf(topic0s);
        this.depth = depth;
        this.byteBudget = byteBudget;
        this.then = then;
        this.next = from;
        this.workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name(threadName + "-", 1).factory());
    }

    /** The next range in block order, as {@code then} made it; empty once the interval is covered. */
    public Optional<T> next() throws InterruptedException {
        fill();
        if (inFlight.isEmpty()) {
            return Optional.empty();
        }
        Pending<T> head = inFlight.get(0);
        while (!head.result.isDone()) {
            askGaps();
            progress.acquire(); // a worker has logs in or is done with a range
        }
        inFlight.remove(0);
        Step<T> step;
        try {
            step = head.result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new RpcException("eth_getLogs [%d, %d] failed: %s".formatted(head.from, head.to, e.getCause()), e.getCause());
        }
        askGap(head, step.fetched(), 0);
        askGaps();
        fill(); // the next request goes out before the caller works on this one
        return Optional.of(step.value());
    }

    /** For each range in flight whose answer came back narrowed, asks the gap it left, right behind it. */
    private void askGaps() {
        for (int i = 0; i < inFlight.size(); i++) {
            askGap(inFlight.get(i), inFlight.get(i).logs, i + 1);
        }
    }

    /**
     * Once {@code pending}'s logs are in, asks the gap they left if they came back narrowed (once), putting its requests
     * at {@code at} in the line.
     */
    private void askGap(Pending<T> pending, LogRangeFetcher.Fetched logs, int at) {
        if (logs != null && !pending.gapAsked) {
            pending.gapAsked = true;
            if (logs.to() < pending.to) {
                inFlight.addAll(at, refill(logs.to() + 1, pending.to));
            }
        }
    }

    private void fill() {
        while (next <= limit && inFlight.size() < Math.min(MAX_WORKERS, Math.max(1, depth.getAsInt()))
                && (inFlight.isEmpty() || heldBytes() + expectedBytes(fetcher.currentRange()) <= byteBudget)) {
            long to = Math.min(limit, next + rangeNow() - 1);
            inFlight.add(submit(next, to));
            submitted++;
            next = to + 1;
        }
    }

    /**
     * Asks the gap [{@code from}, {@code to}] a narrowed answer left before the requests in flight, ahead of them: in
     * ranges of the fetcher's size now, as many at once as places and bytes allow, the last of them asking the rest.
     * Asked whole, the gap went one narrowed request after another: when the first ranges covered the whole interval
     * (a million events in 126 blocks, the first range asked for all of them), a single request was in flight for
     * the whole run.
     */
    private List<Pending<T>> refill(long from, long to) {
        int places = Math.max(1, Math.min(MAX_WORKERS, Math.max(1, depth.getAsInt())) - inFlight.size());
        long range = fetcher.currentRange();
        long held = heldBytes();
        List<Pending<T>> pieces = new ArrayList<>();
        for (long start = from; start <= to; ) {
            boolean last = pieces.size() + 1 >= places || held + expectedBytes(range) * (pieces.size() + 1) > byteBudget;
            long end = last ? to : Math.min(to, start + range - 1);
            pieces.add(submit(start, end));
            start = end + 1;
        }
        return pieces;
    }

    /** Blocks the next range spans: the fetcher's range, or a part of it while the prefetch ramps up. */
    private long rangeNow() {
        long range = fetcher.currentRange();
        return submitted < ramp ? Math.max(1, range >> (ramp - submitted)) : range;
    }

    /** Bytes of the answers in hand and those expected from the requests still out. */
    private long heldBytes() {
        long bytes = 0;
        for (Pending<T> pending : inFlight) {
            bytes += pending.logs != null ? pending.logsBytes : expectedBytes(pending.to - pending.from + 1);
        }
        return bytes;
    }

    private long expectedBytes(long blocks) {
        return (long) (bytesPerBlock * blocks);
    }

    private Pending<T> submit(long from, long to) {
        Pending<T> pending = new Pending<>(from, to);
        FutureTask<Step<T>> task = new FutureTask<>(() -> {
            LogRangeFetcher.Fetched fetched = RequestPriority.with(RequestPriority.logs(from),
                    () -> fetcher.next(from, to, addresses, topic0s));
            long bytes = bytes(fetched.logs());
            double density = (double) bytes / (fetched.to() - fetched.from() + 1);
            bytesPerBlock = bytesPerBlock == 0 ? density : 0.7 * bytesPerBlock + 0.3 * density;
            pending.logsBytes = bytes;
            pending.logs = fetched;
            progress.release();
            return new Step<>(fetched, bytes, RequestPriority.with(RequestPriority.range(from), () -> then.apply(fetched)));
        }) {
            @Override
            protected void done() { // once the result (or failure) is set: the thread waiting in next() sees it done
                progress.release();
            }
        };
        pending.result = task;
        workers.execute(task);
        return pending;
    }

    /** Heap a list of logs takes, roughly: a byte a hex character (compact Latin-1 strings) and a fixed overhead a log. */
    static long bytes(List<RawLog> logs) {
        long bytes = 0;
        for (RawLog log : logs) {
            long chars = log.data().length();
            for (String topic : log.topics()) {
                chars += topic.length();
            }
            bytes += LOG_OVERHEAD_BYTES + chars;
        }
        return bytes;
    }

    /** Drops what is in flight and stops the workers. */
    @Override
    public void close() {
        inFlight.forEach(pending -> pending.result.cancel(true));
        inFlight.clear();
        workers.shutdownNow();
    }
}
