package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.stagewatch.config.ChainConfig;
import org.stagewatch.config.ContractKind;
import org.stagewatch.config.DaoConfig;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;

/**
 * What to index on one chain: the chain and, per emitter address, the kinds it is configured as
 * (one address may be configured under several DAOs or kinds, and a contract behind an EIP-1967 proxy is
 * watched as its kind and as a proxy) with the earliest start block, and the probes the DAOs declare on it.
 */
public record ChainPlan(ChainConfig chain, Map<String, List<Watched>> byAddress, List<Probe> probes) {

    /**
     * A declared eth_call (a DAO's {@code stage.probes} or a milestone's probe check) on this chain, read and stored as the sync goes (see
     * {@link ProbeReader}): at {@code firstBlock}, at every block where a control fact of {@code controlled} changes,
     * and on the grid {@code firstBlock + k · interval}. A probe several DAOs declare is one probe with their
     * contracts together.
     *
     * @param firstBlock the first indexed block of the declaring DAOs on this chain
     * @param controlled the declaring DAOs' contracts on this chain, whose control facts the stage history rates
     */
    public record Probe(String address, String call, String returns, long firstBlock, long interval, List<Watched> controlled) {
        public Probe {
            controlled = List.copyOf(controlled);
        }

        /** The same reading (address and call): its readings are stored under one name. */
        boolean sameReading(Probe other) {
            return address.equals(other.address) && call.equals(other.call);
        }

        Probe merge(Probe other) {
            List<Watched> union = new ArrayList<>(controlled);
            other.controlled.stream().filter(watched -> !union.contains(watched)).forEach(union::add);
            return new Probe(address, call, returns, Math.min(firstBlock, other.firstBlock), interval, union);
        }
    }

    public ChainPlan {
        probes = List.copyOf(probes);
    }

    public ChainPlan(ChainConfig chain, Map<String, List<Watched>> byAddress) {
        this(chain, byAddress, List.of());
    }

    /**
     * One configured contract as the sync sees it.
     *
     * @param slotReadInterval proxies: blocks between EIP-1967 slot reads after the start block (0 = start block only)
     */
    public record Watched(String address, ContractKind kind, long startBlock, boolean transfers, long slotReadInterval) {
        public Watched(String address, ContractKind kind, long startBlock, boolean transfers) {
            this(address, kind, startBlock, transfers, 0);
        }
    }

    public static List<ChainPlan> of(StagewatchConfig config) {
        List<ChainPlan> plans = new ArrayList<>();
        for (ChainConfig chain : config.chains().values()) {
            Map<String, List<Watched>> byAddress = new LinkedHashMap<>();
            for (DaoConfig dao : config.daos()) {
                dao.contracts().stream().filter(contract -> contract.chain().equals(chain.name())).forEach(contract -> {
                    if (!contract.hasStartBlock()) {
                        throw new IllegalStateException("the start block of " + contract.address()
                                + " is not resolved yet: plan a config DeploymentBlocks resolved");
                    }
                    watch(byAddress, watched(contract.addressKey(), contract.kind(), contract.startBlock(), contract.transfers(),
                            contract.slotReadInterval(), contract.proxy()));
                });
            }
            List<Probe> probes = new ArrayList<>();
            for (DaoConfig dao : config.daos()) {
                List<Watched> controlled = dao.contracts().stream().filter(contract -> contract.chain().equals(chain.name()))
                        .flatMap(contract -> watched(contract.addressKey(), contract.kind(), contract.startBlock(), contract.transfers(),
                                contract.slotReadInterval(), contract.proxy()).stream()).toList();
                long first = controlled.stream().mapToLong(Watched::startBlock).min().orElse(Long.MAX_VALUE);
                dao.stage().probes().stream().filter(probe -> probe.chain().equals(chain.name()))
                        .map(probe -> new Probe(probe.address().toLowerCase(Locale.ROOT), probe.call(), probe.returns(),
                                first, chain.probeInterval(), controlled))
                        .forEach(probe -> add(probes, probe));
                // milestone probe checks are read the same way, under the same name
                dao.milestones().probes().stream().filter(probe -> probe.chain().equals(chain.name()))
                        .map(probe -> new Probe(probe.address().toLowerCase(Locale.ROOT), probe.call(), probe.returns(),
                                first, chain.probeInterval(), controlled))
                        .forEach(probe -> add(probes, probe));
            }
            if (!byAddress.isEmpty()) {
                plans.add(new ChainPlan(chain, byAddress, probes));
            }
        }
        return plans;
    }

    /**
     * How the sync watches one configured contract: as its kind and, for a contract declared behind an EIP-1967 proxy
     * ({@code proxy: true}), also as a {@code proxy} — its proxy events projected and its slots read like any proxy's,
     * at the slot-read interval it gives.
     */
    static List<Watched> watched(String address, ContractKind kind, long startBlock, boolean transfers, long slotReadInterval,
                                 boolean proxy) {
        if (!proxy || kind == ContractKind.PROXY) {
            return List.of(new Watched(address, kind, startBlock, transfers, slotReadInterval));
        }
        return List.of(new Watched(address, kind, startBlock, transfers, 0), new Watched(address, ContractKind.PROXY, startBlock,
                false, slotReadInterval));
    }

    /** Adds each of {@code watched} to its address's kinds, once. */
    static void watch(Map<String, List<Watched>> byAddress, List<Watched> watched) {
        for (Watched one : watched) {
            List<Watched> kinds = byAddress.computeIfAbsent(one.address(), key -> new ArrayList<>());
            if (!kinds.contains(one)) {
                kinds.add(one);
            }
        }
    }

    private static void add(List<Probe> probes, Probe probe) {
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i).sameReading(probe)) {
                probes.set(i, probes.get(i).merge(probe));
                return;
            }
        }
        probes.add(probe);
    }

    public long firstBlock() {
        return byAddress.values().stream().flatMap(Collection::stream).mapToLong(Watched::startBlock).min().orElse(0);
    }

    public Set<String> addresses() {
        return byAddress.keySet();
    }

    /** keccak256("Transfer(address,address,uint256)"): requested only for tokens configured with transfers: true. */
    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    /** The topic0s to request: every event of every watched kind, less Transfer where no token wants it. */
    public Set<String> topics(EventDecoder decoder) {
        Set<String> topics = new TreeSet<>();
        byAddress.values().forEach(list -> list.forEach(watched -> decoder.topic0s(watched.kind()).stream()
                .filter(topic -> watched.kind() != ContractKind.VOTES_TOKEN || watched.transfers() || !topic.equals(TRANSFER_TOPIC))
                .forEach(topics::add)));
        return topics;
    }

    public List<Watched> watched(String address) {
        return byAddress.getOrDefault(address, List.of());
    }
}
