package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.stagewatch.chain.RpcClient;
import org.stagewatch.chain.RpcException;
import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.project.Projectors;
import org.stagewatch.store.Store;

/**
 * Runs a backfill of every chain in a config: checks that the database was built for the same
 * contracts, that each RPC serves the configured chain, then indexes each chain up to its target.
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
        List<ChainPlan> plans = ChainPlan.of(config);
        Map<String, RpcClient> clients = new LinkedHashMap<>();
        try {
            // every endpoint is checked before anything is written, so a wrong chain id leaves the database as it was
            for (ChainPlan plan : plans) {
                clients.put(plan.chain().name(), connect(config, plan.chain()));
            }
            new ContractRegistry(store).reconcile(config);
            ControlDeclarations.record(store, config);
            List<BackfillResult> results = new ArrayList<>();
            for (ChainPlan plan : plans) {
                results.add(new Backfill(store, decoder, Projectors.standard(), progress)
                        .run(plan, clients.get(plan.chain().name()), toBlock));
            }
            return results;
        } finally {
            clients.values().forEach(RpcClient::close);
        }
    }

    /** The first endpoint that answers with the configured chain id. */
    static RpcClient connect(StagewatchConfig config, ChainConfig chain) {
        List<String> problems = new ArrayList<>();
        for (String url : chain.rpcUrls()) {
            // a short probe first, so an endpoint that is down is reported in seconds, not after the full retry budget
            try (RpcClient probe = new RpcClient(url, java.time.Duration.ofSeconds(10), 2)) {
                long reported = probe.chainId();
                if (reported == chain.chainId()) {
                    return new RpcClient(url);
                }
                problems.add("%s reports chain id %d".formatted(url, reported));
            } catch (RpcException e) {
                problems.add(e.getMessage());
            }
        }
        throw new SyncException("chain '%s' (chainId %d in %s): no RPC endpoint serves it: %s. Nothing was written."
                .formatted(chain.name(), chain.chainId(), config.source(), String.join("; ", problems)));
    }
}
