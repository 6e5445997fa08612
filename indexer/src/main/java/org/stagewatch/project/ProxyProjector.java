package org.stagewatch.project;

import org.stagewatch.chain.RawLog;
import org.stagewatch.config.ContractKind;
import org.stagewatch.decode.event.AdminChanged;
import org.stagewatch.decode.event.BeaconUpgraded;
import org.stagewatch.decode.event.DecodedEvent;
import org.stagewatch.decode.event.Upgraded;

/**
 * Projects EIP-1967 proxy events (implementation, admin, beacon history). Proxies that emit nothing
 * on upgrade are covered by the slot readings the sync stores in state_reads; the analysis takes
 * whichever fact is later.
 */
public final class ProxyProjector implements Projector {
    @Override
    public ContractKind kind() {
        return ContractKind.PROXY;
    }

    @Override
    public void project(DecodedEvent event, ContractOptions options, ProjectedBatch out) {
        switch (event) {
            case Upgraded upgraded -> add(out, upgraded.log(), "upgraded", null, upgraded.implementation());
            case AdminChanged changed -> add(out, changed.log(), "admin_changed", changed.previousAdmin(), changed.newAdmin());
            case BeaconUpgraded beacon -> add(out, beacon.log(), "beacon_upgraded", null, beacon.beacon());
            default -> {
                // the proxy ABI has no other event
            }
        }
    }

    private static void add(ProjectedBatch out, RawLog log, String change, String previous, String value) {
        out.control.proxyChanges.add(new ControlRows.ProxyChange(log.chainId(), log.address(), change, previous, value,
                log.blockNumber(), log.logIndex(), log.txHash()));
    }
}
