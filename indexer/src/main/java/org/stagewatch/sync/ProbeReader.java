package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.chain.RpcException;
import org.stagewatch.chain.StateUnavailableException;
import org.stagewatch.project.ControlBatch;
import org.stagewatch.store.StageDeclaration;
import org.stagewatch.store.StateRead;

/**
 * Reads the probes a chain's DAOs declare ({@code stage.probes}) for one range, so that the stage at any
 * block of it has a reading at or before that block that no control fact of the DAO came after. A probe is
 * owed a reading, with eth_call at the block itself, at:
 * <ul>
 * <li>the first indexed block of its DAO on the chain;</li>
 * <li>every block where a control fact of the DAO's contracts changes (Safe, role, ownership, proxy,
 * timelock-delay and council changes, from the range's projected rows) and every block a control reading is
 * taken at (each contract's start block, a proxy's slot-read grid): the blocks {@code stage --history} rates;</li>
 * <li>the grid {@code firstBlock + k · probeInterval}, so no two readings are further apart than that.</li>
 * </ul>
 * The readings are returned to be written in the range's own transaction, with the headers of their blocks
 * (see {@link #scheduled}), so a crash never leaves a range without the readings it owes. Each is stored in
 * state_reads under {@code probe:<call>}: the decoded result; {@value #NO_CODE} when the call answers {@code 0x}
 * (no contract there yet); {@code unavailable: …} when the node answers with an error (a revert, a node that
 * pruned that block's state) or a result that does not decode as declared. A request that fails on every
 * endpoint is not an answer: it fails the range, which the next run fetches again.
 */
final class ProbeReader {
    static final String NO_CODE = "no code";
    static final String UNAVAILABLE = "unavailable: ";
    private static final Logger LOG = LoggerFactory.getLogger(ProbeReader.class);

    private ProbeReader() {
    }

    /**
     * The blocks of [{@code from}, {@code to}] where state is read whatever the range's events: each probe's first
     * block and grid, each watched contract's start block (start-state reads) and proxy slot grid. Their headers are
     * fetched and stored with the range's, so the time of every reading is known.
     */
    static SortedSet<Long> scheduled(ChainPlan plan, long from, long to) {
        SortedSet<Long> blocks = new TreeSet<>();
        for (ChainPlan.Probe probe : plan.probes()) {
            grid(probe.firstBlock(), probe.interval(), from, to, blocks);
        }
        for (String address : plan.addresses()) {
            for (ChainPlan.Watched watched : plan.watched(address)) {
                grid(watched.startBlock(), watched.slotReadInterval(), from, to, blocks);
            }
        }
        return blocks;
    }

    /** Every reading of every probe the range [{@code from}, {@code to}] owes, given its projected control rows. */
    static List<StateRead> readOwed(RpcClient client, ChainPlan plan, long from, long to, ControlBatch control) {
        List<StateRead> reads = new ArrayList<>();
        for (ChainPlan.Probe probe : plan.probes()) {
            for (long block : owed(probe, from, to, control)) {
                reads.add(new StateRead(plan.chain().chainId(), probe.address(), StageDeclaration.probeReading(probe.call()), "",
                        read(client, plan.chain().chainId(), probe, block), block));
            }
        }
        return reads;
    }

    /** The blocks of [{@code from}, {@code to}] at which {@code probe} is owed a reading. */
    static SortedSet<Long> owed(ChainPlan.Probe probe, long from, long to, ControlBatch control) {
        SortedSet<Long> blocks = new TreeSet<>();
        grid(probe.firstBlock(), probe.interval(), from, to, blocks);
        Set<String> addresses = new HashSet<>();
        for (ChainPlan.Watched watched : probe.controlled()) {
            addresses.add(watched.address());
            grid(watched.startBlock(), watched.slotReadInterval(), from, to, blocks);
        }
        control.safeChanges.stream().filter(row -> addresses.contains(row.safe())).forEach(row -> blocks.add(row.blockNumber()));
        control.roleChanges.stream().filter(row -> addresses.contains(row.contract())).forEach(row -> blocks.add(row.blockNumber()));
        control.ownershipChanges.stream().filter(row -> addresses.contains(row.contract())).forEach(row -> blocks.add(row.blockNumber()));
        control.proxyChanges.stream().filter(row -> addresses.contains(row.proxy())).forEach(row -> blocks.add(row.blockNumber()));
        control.timelockDelays.stream().filter(row -> addresses.contains(row.timelock())).forEach(row -> blocks.add(row.blockNumber()));
        control.councilChanges.stream().filter(row -> addresses.contains(row.manager())).forEach(row -> blocks.add(row.blockNumber()));
        return blocks.subSet(from, to + 1);
    }

    /** {@code start}, and {@code start + k · interval} when the interval is positive, within [from, to]. */
    private static void grid(long start, long interval, long from, long to, Set<Long> out) {
        if (start > to) {
            return;
        }
        if (start >= from) {
            out.add(start);
        }
        if (interval <= 0) {
            return;
        }
        long k = Math.max(1, Math.ceilDiv(from - start, interval));
        for (long block = start + k * interval; block <= to; block += interval) {
            out.add(block);
        }
    }

    private static String read(RpcClient client, long chainId, ChainPlan.Probe probe, long block) {
        String function = probe.call().substring(0, probe.call().indexOf('('));
        try {
            return new ViewCalls(client, block).probe(probe.address(), function, probe.returns()).orElse(NO_CODE);
        } catch (StateUnavailableException e) {
            return unavailable(probe, chainId, block, pruned(block, e.getMessage()));
        } catch (RpcException e) {
            if (e.getMessage() != null && e.getMessage().contains("on every endpoint")) {
                throw e; // no node answered: not a reading; the range fails and is fetched again
            }
            return unavailable(probe, chainId, block, StateUnavailableException.isStatePruned(e.getMessage())
                    ? pruned(block, e.getMessage()) : e.getMessage());
        } catch (RuntimeException e) { // an answer that does not decode as the declared type
            return unavailable(probe, chainId, block, "the answer does not decode as " + probe.returns() + ": " + e.getMessage());
        }
    }

    private static String pruned(long block, String message) {
        return "the node no longer holds the state of block " + block + " (an archive endpoint answers it): " + message;
    }

    private static String unavailable(ChainPlan.Probe probe, long chainId, long block, String why) {
        LOG.warn("probe {} on {} (chain {}) at block {}: {}", probe.call(), probe.address(), chainId, block, why);
        return UNAVAILABLE + why;
    }
}
