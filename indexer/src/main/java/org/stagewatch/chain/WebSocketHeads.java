package org.stagewatch.chain;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.reactivex.disposables.Disposable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.config.RpcUrls;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.websocket.WebSocketService;

/**
 * New-head notifications over a WebSocket {@code eth_subscribe("newHeads")}. When the connection
 * drops it reconnects and resubscribes with backoff, and signals once so the follower fills the gap
 * by asking for the head (notifications missed while away are not needed: the follower always syncs
 * to the current head). The polling interval stays as a fallback wake-up.
 */
public final class WebSocketHeads implements HeadSource {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketHeads.class);

    private final String url;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean closed;
    private WebSocketService service;
    private Web3j web3j;
    private Disposable subscription;
    private int failures;

    public WebSocketHeads(String url) {
        this.url = url;
        connect();
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        try {
            service = new WebSocketService(url, false);
            service.connect();
            web3j = Web3j.build(service);
            subscription = web3j.newHeadsNotifications().subscribe(head -> signal.release(), this::dropped, () -> dropped(null));
            failures = 0;
            signal.release(); // fill whatever gap the reconnect left
        } catch (Exception e) {
            dropped(e);
        }
    }

    private void dropped(Throwable cause) {
        if (closed) {
            return;
        }
        long wait = Math.min(30_000, 500L << Math.min(failures++, 6));
        // the library's own loggers are off (logback.xml): they print the whole URL, key included, at every attempt
        LOG.warn("newHeads subscription at {} dropped ({}); reconnecting in {} ms", RpcUrls.redact(url),
                cause == null ? "closed" : RpcUrls.redactAll(reason(cause)), wait);
        shutdownQuietly();
        Thread reconnect = new Thread(() -> {
            try {
                Thread.sleep(wait);
                connect();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stagewatch-ws-reconnect");
        reconnect.setDaemon(true);
        reconnect.start();
    }

    /** The failure and its root cause in one phrase, e.g. "Failed to connect to WebSocket: Connection refused". */
    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return root == cause || root.getMessage() == null ? message : message + ": " + root.getMessage();
    }

    @Override
    public void await(Duration max) throws InterruptedException {
        if (signal.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS)) {
            signal.drainPermits(); // several heads while we worked: one sync to the latest covers them all
        }
    }

    private synchronized void shutdownQuietly() {
        try {
            if (subscription != null) {
                subscription.dispose();
            }
            if (web3j != null) {
                web3j.shutdown();
            }
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        shutdownQuietly();
    }
}
