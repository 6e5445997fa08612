package org.stagewatch.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.stagewatch.chain.HeadSource;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.chain.RpcException;
import org.stagewatch.chain.RpcSettings;
import org.stagewatch.chain.WebSocketHeads;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.RpcUrls;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.project.Projectors;
import org.stagewatch.store.Store;

/**
 * Runs a backfill of every chain in a config: checks that the database was built for the same
 * contracts, that each RPC serves the configured chain, finds the deployment block of each contract
 * the config gives no start block (once: the contracts table keeps it), then indexes each chain up to
 * its target.
 */
public final class Indexer {
    private final Store store;
    private final EventDecoder decoder;
    private final SyncProgress progress;

    public Indexer(Store store, EventDecoder decoder, SyncProgress progress) {
        this.store = store;
        this.decoder = decoder;
        this.progress = progress;
    }

    public List<BackfillResult> backfill(StagewatchConfig config, OptionalLong toBlock) {
        return backfill(config, Set.of(), toBlock);
    }

    /**
     * Backfills the contracts on the named chains only (every chain when none is named): what one of several
     * indexers sharing a database does, each holding the writer lock of its chains. The declarations (councils,
     * stage, milestones) come from the whole config, so every indexer of a database records the same ones.
     */
    public List<BackfillResult> backfill(StagewatchConfig whole, Set<String> chains, OptionalLong toBlock) {
        StagewatchConfig config = onChains(whole, chains);
        ContractRegistry registry = new ContractRegistry(store, scope(whole, chains));
        // the endpoints are asked for their chain id and head while the database is read
        Map<String, CompletableFuture<RpcClient>> connecting = connectAll(config);
        Backfill.Started first = null;
        try {
            // start blocks a config leaves out: the deployment blocks an earlier run found, else found below
            StagewatchConfig known = registry.withRecordedStartBlocks(config);
            registry.check(known);
            // every endpoint is checked before anything is written, so a wrong chain id leaves the database as it was
            Map<String, RpcClient> clients = new LinkedHashMap<>();
            connecting.forEach((chain, client) -> clients.put(chain, joined(client)));
            StagewatchConfig resolved = new DeploymentBlocks(progress).resolve(known, clients);
            List<ChainPlan> plans = ChainPlan.of(resolved);
            Backfill backfill = new Backfill(store, decoder, Projectors.standard(), progress);
            // the first chain's first ranges are asked for before the declarations are recorded, not after
            if (!plans.isEmpty()) {
                first = backfill.start(plans.get(0), clients.get(plans.get(0).chain().name()), toBlock);
            }
            registry.record(resolved);
            ControlDeclarations.record(store, whole);
            List<BackfillResult> results = new ArrayList<>();
            for (ChainPlan plan : plans) {
                if (results.isEmpty()) {
                    results.add(first.finish());
                } else {
                    results.add(backfill.run(plan, clients.get(plan.chain().name()), toBlock));
                }
            }
            return results;
        } finally {
            if (first != null) {
                first.close();
            }
            // closed once connected, also those still connecting when a check failed
            connecting.values().forEach(client -> client.thenAccept(RpcClient::close));
        }
    }

    /** {@link #connect} to every chain with contracts, each on a thread of its own. */
    private static Map<String, CompletableFuture<RpcClient>> connectAll(StagewatchConfig config) {
        Map<String, CompletableFuture<RpcClient>> connecting = new LinkedHashMap<>();
        ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("stagewatch-connect-", 1).factory());
        for (ChainConfig chain : chainsWithContracts(config)) {
            connecting.put(chain.name(), CompletableFuture.supplyAsync(() -> connect(config, chain), threads));
        }
        threads.shutdown(); // each thread ends with its probe
        return connecting;
    }

    private static RpcClient joined(CompletableFuture<RpcClient> client) {
        try {
            return client.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /**
     * {@code config} with only the contracts on the named chains (all of them when none is named); its chains and
     * DAOs stay. A name that is not a chain of the config, or a chain without contracts, is refused.
     */
    public static StagewatchConfig onChains(StagewatchConfig config, Set<String> chains) {
        if (chains.isEmpty()) {
            return config;
        }
        List<String> withContracts = chainsWithContracts(config).stream().map(ChainConfig::name).toList();
        for (String chain : chains) {
            if (!withContracts.contains(chain)) {
                throw new SyncException("--chain %s: %s has %s; its chains with contracts are %s"
                        .formatted(chain, config.source(), config.chains().containsKey(chain) ? "no contracts on that chain"
                                : "no such chain", String.join(", ", withContracts)));
            }
        }
        return config.withDaos(config.daos().stream().map(dao -> dao.withContracts(dao.contracts().stream()
                .filter(contract -> chains.contains(contract.chain())).toList())).toList());
    }

    /** The ids of the chains an indexer of {@code config} writes (those with contracts, of the named ones if any): what it locks. */
    public static List<Long> chainIds(StagewatchConfig config, Set<String> chains) {
        return chainsWithContracts(onChains(config, chains)).stream().map(ChainConfig::chainId).toList();
    }

    /** The chain ids whose recorded contracts a run compares with its config: the named chains, else all the config's chains. */
    private static Set<Long> scope(StagewatchConfig config, Set<String> chains) {
        return config.chains().values().stream().filter(chain -> chains.isEmpty() || chains.contains(chain.name()))
                .map(ChainConfig::chainId).collect(Collectors.toSet());
    }

    private static List<ChainConfig> chainsWithContracts(StagewatchConfig config) {
        return config.chains().values().stream().filter(chain -> config.daos().stream()
                .anyMatch(dao -> dao.contracts().stream().anyMatch(contract -> contract.chain().equals(chain.name())))).toList();
    }

    /**
     * Backfills every chain, then follows each chain's head on its own thread until {@code stop} says so
     * (or the thread is interrupted). A chain whose follower fails for good ends the whole run with its error.
     */
    public void follow(StagewatchConfig config, BooleanSupplier stop) throws InterruptedException {
        follow(config, Set.of(), stop);
    }

    /** {@link #follow(StagewatchConfig, java.util.function.BooleanSupplier)} for the named chains only (see {@link #backfill}). */
    public void follow(StagewatchConfig whole, Set<String> chains, BooleanSupplier stop)
            throws InterruptedException {
        backfill(whole, chains, OptionalLong.empty());
        StagewatchConfig config = onChains(whole, chains);
        // the backfill recorded every contract's start block, found ones included
        List<ChainPlan> plans = ChainPlan.of(new ContractRegistry(store).withRecordedStartBlocks(config));
        ExecutorService threads = Executors.newFixedThreadPool(plans.size());
        ExecutorCompletionService<Void> followers = new ExecutorCompletionService<>(threads);
        try {
            for (ChainPlan plan : plans) {
                followers.submit(() -> {
                    try (RpcClient client = connect(config, plan.chain()); HeadSource heads = headSource(plan.chain())) {
                        new LiveSync(store, decoder, progress).follow(plan, client, heads, stop);
                    }
                    return null;
                });
            }
            for (int done = 0; done < plans.size(); done++) {
                try {
                    followers.take().get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** newHeads over the chain's first ws:// URL when it has one, else polling. */
    static HeadSource headSource(ChainConfig chain) {
        return chain.rpcUrls().stream().filter(Indexer::isWebSocket).findFirst()
                .<HeadSource>map(WebSocketHeads::new).orElseGet(HeadSource::polling);
    }

    static boolean isWebSocket(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("ws://") || lower.startsWith("wss://");
    }

    /** The RPC settings a chain's config asks for. */
    public static RpcSettings settings(ChainConfig chain) {
        return new RpcSettings(Duration.ofSeconds(chain.timeoutSeconds()), chain.maxRetries(), chain.requestsPerSecond(),
                chain.maxConcurrency());
    }

    /**
     * A client over the chain's endpoints, after a short probe of each (one batch: chain id and head, see
     * {@link RpcClient#startUp}): one that reports another chain id is a configuration error; one that does not
     * answer stays in the list for failover, behind those that do. At least one endpoint must answer with the
     * configured chain id. The head the preferred endpoint served is the client's first head.
     */
    public static RpcClient connect(StagewatchConfig config, ChainConfig chain) {
        RpcSettings settings = settings(chain);
        List<String> answering = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        RpcClient.StartUp startUp = null;
        List<String> httpUrls = chain.rpcUrls().stream().filter(url -> !isWebSocket(url)).toList();
        if (httpUrls.isEmpty()) {
            throw new SyncException("chain '%s' in %s: give at least one http(s):// RPC URL; ws:// URLs are used for new-head notifications only"
                    .formatted(chain.name(), config.source()));
        }
        for (String url : httpUrls) {
            // a short probe, so an endpoint that is down is reported in seconds, not after the full retry budget
            try (RpcClient probe = new RpcClient(List.of(url), settings.withMaxRetries(1).withTimeout(Duration.ofSeconds(10)))) {
                RpcClient.StartUp answered = probe.startUp();
                if (answered.chainId() != chain.chainId()) {
                    throw new SyncException("chain '%s' (chainId %d in %s): %s reports chain id %d. Nothing was written."
                            .formatted(chain.name(), chain.chainId(), config.source(), RpcUrls.redact(url), answered.chainId()));
                }
                if (answering.isEmpty()) {
                    startUp = answered; // the endpoint the client prefers
                }
                answering.add(url);
            } catch (RpcException e) {
                silent.add(url);
                problems.add(e.getMessage());
            }
        }
        if (answering.isEmpty()) {
            throw new SyncException("chain '%s' (chainId %d in %s): no RPC endpoint serves it: %s. Nothing was written."
                    .formatted(chain.name(), chain.chainId(), config.source(), String.join("; ", problems)));
        }
        List<String> ordered = new ArrayList<>(answering);
        ordered.addAll(silent);
        RpcClient client = new RpcClient(ordered, settings, chain.name());
        client.startFrom(startUp);
        return client;
    }
}
