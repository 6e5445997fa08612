package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.StageDeclaration;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;

/**
 * Reads the probes a chain's DAOs declare ({@code stage.probes}) as the sync goes: at the top of a
 * written range when the probe has never been read, or its last reading is at least
 * {@value #INTERVAL_BLOCKS} blocks older, and stores each result in state_reads under
 * {@code probe:<call>} with that block. A call that answers {@code 0x} (no contract there yet) is stored
 * as {@value #NO_CODE}; a revert or an RPC failure as {@code unavailable: …}, so the stage rating can
 * say why a probe decided nothing, and the next due read tries again.
 */
final class ProbeReader {
    static final long INTERVAL_BLOCKS = 1_000;
    static final String NO_CODE = "no code";
    static final String UNAVAILABLE = "unavailable: ";
    private static final Logger LOG = LoggerFactory.getLogger(ProbeReader.class);

    private ProbeReader() {
    }

    static void readDue(Store store, RpcClient client, ChainPlan plan, BlockHeader top) {
        if (plan.probes().isEmpty()) {
            return;
        }
        long chainId = plan.chain().chainId();
        StateReadDao stored = store.jdbi().onDemand(StateReadDao.class);
        List<StateRead> reads = new ArrayList<>();
        for (ChainPlan.Probe probe : plan.probes()) {
            String name = StageDeclaration.probeReading(probe.call());
            Optional<Long> last = stored.latest(chainId, probe.address(), name, "", top.number()).map(StateRead::blockNumber);
            if (last.isPresent() && top.number() - last.get() < INTERVAL_BLOCKS) {
                continue;
            }
            reads.add(new StateRead(chainId, probe.address(), name, "", read(client, chainId, probe, top.number()), top.number()));
        }
        if (!reads.isEmpty()) {
            stored.insert(reads);
        }
    }

    private static String read(RpcClient client, long chainId, ChainPlan.Probe probe, long block) {
        String function = probe.call().substring(0, probe.call().indexOf('('));
        try {
            return new ViewCalls(client, block).probe(probe.address(), function, probe.returns()).orElse(NO_CODE);
        } catch (RuntimeException e) { // an RpcException, or a result that does not decode as declared
            LOG.warn("probe {} on {} (chain {}) at block {} failed: {}", probe.call(), probe.address(), chainId, block, e.getMessage());
            return UNAVAILABLE + e.getMessage();
        }
    }
}
