package org.stagewatch.chain;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The head of a chain as far as its provider serves it. Behind a load balancer, the node that answers
 * eth_blockNumber may be a few blocks ahead of the node that answers the next request, or behind it. A head
 * is trusted only once a block at that height can be fetched: the reported head is checked a few times with
 * backoff (asking eth_blockNumber again each time), then the highest block a node does serve below it is
 * taken. So a backfill never targets a block its provider cannot hand out yet.
 */
final class ServedHead {
    /** Looks at the reported head before settling for the highest block served below it. */
    static final int CHECKS = 3;
    /** A wanted block at most this many blocks past the head is waited for; farther is no lag but a wrong number. */
    static final long WAIT_BLOCKS = 64;
    /** How long a wanted block past the head is waited for. */
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final RpcClient client;

    ServedHead(RpcClient client) {
        this.client = client;
    }

    /**
     * The reported head once its block is served, else the highest block served below it; the first time, the head the
     * client's start-up request found served, if it did (see {@link RpcClient#startUp}).
     */
    long head() {
        OptionalLong started = client.takeStartHead();
        if (started.isPresent()) {
            return started.getAsLong();
        }
        long reported = client.reportedHead();
        for (int check = 1; !client.served(reported); check++) {
            if (check == CHECKS) {
                return highestServedBelow(reported);
            }
            pause(Endpoint.delay(null, check));
            reported = client.reportedHead();
        }
        return reported;
    }

    /**
     * The head once {@code block} is served: when it is at most {@value #WAIT_BLOCKS} blocks past the head, asks
     * again with backoff for up to {@link #WAIT}; returns {@code block} once a node serves it, else the last head seen.
     */
    long await(long block) {
        long head = head();
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (int attempt = 1; head < block && block - head <= WAIT_BLOCKS; attempt++) {
            if (client.served(block)) {
                return block;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            long backoff = Math.min(Endpoint.delay(null, attempt).toNanos(), LONGEST_PAUSE.toNanos());
            pause(Duration.ofNanos(Math.min(left, backoff)));
            head = Math.max(head, head());
        }
        return head;
    }

    /** The highest block below {@code reported} a node serves: steps down 1, 2, 4 … blocks, then bisects. */
    private long highestServedBelow(long reported) {
        long notServed = reported;
        long step = 1;
        long candidate = Math.max(0, reported - step);
        while (!client.served(candidate)) {
            if (candidate == 0) {
                throw new RpcException("%s: eth_blockNumber says %d, but no block at or below it is served"
                        .formatted(client.url(), reported));
            }
            notServed = candidate;
            step *= 2;
            candidate = Math.max(0, reported - step);
        }
        long served = candidate;
        while (notServed - served > 1) {
            long middle = served + (notServed - served) / 2;
            if (client.served(middle)) {
                served = middle;
            } else {
                notServed = middle;
            }
        }
        return served;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while waiting for the head");
        }
    }
}
