package org.stagewatch.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.WebServerException;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.stagewatch.api.StagewatchServer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stagewatch serve}: starts the web application ({@link StagewatchServer}) on the given address and
 * port, and blocks until it is stopped (Ctrl-C, SIGTERM). A mistake in the options, the config or the database
 * is reported as one line before anything listens.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the JSON API (/api/v1), its OpenAPI document, feeds, health, Prometheus metrics and the dashboard; "
                + "--index also backfills and follows every chain in the same process.")
final class ServeCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    IndexCommand.Source source;

    @Mixin
    DatabaseOption database;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface)")
    String bind;

    @Option(names = "--index", description = "also backfill and follow every chain of the config (as index --follow) on a background thread")
    boolean index;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UserError("--port must be 0 to 65535, got " + port);
        }
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserError("--bind " + bind + " is not an address of this machine (e.g. 127.0.0.1 or 0.0.0.0)");
        }
        if (!index) {
            database.openExisting(); // a missing file is an error here, not a new empty database
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("server.address", bind);
        properties.put("stagewatch.serve.db", database.db);
        properties.put("stagewatch.serve.index", index);
        if (source.config != null) {
            properties.put("stagewatch.serve.config", source.config.toString());
        } else {
            properties.put("stagewatch.serve.preset", source.preset);
        }
        ConfigurableApplicationContext context = start(properties);
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        int listening = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        System.err.printf("stagewatch serve: http://%s:%d/ (API /api/v1, docs /api/v1/docs, metrics /actuator/prometheus); "
                + "database %s read-only%s; Ctrl-C stops%n", host, listening, database.db, index ? ", indexing every chain" : "");
        closed.await();
        return 0;
    }

    /** Starts the application; an error the user can act on (config, database, port) comes out as it is, unwrapped. */
    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        try {
            return StagewatchServer.start(properties);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (StagewatchCommand.isUserFacing(cause)) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof PortInUseException inUse) {
                    throw new UserError("port " + inUse.getPort() + " is in use on " + properties.get("server.address")
                            + ": stop what listens there or pick another with --port");
                }
            }
            if (e instanceof WebServerException) {
                throw new UserError("the web server could not start on " + properties.get("server.address") + ":"
                        + properties.get("server.port") + ": " + e.getMessage());
            }
            throw e;
        }
    }
}
