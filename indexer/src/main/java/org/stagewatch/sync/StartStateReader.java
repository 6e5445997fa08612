package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.chain.RpcException;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.Store;

/**
 * Reads, once per contract, the control state its events cannot give when indexing starts after it
 * was set up: a Safe's owners, threshold, modules and VERSION (a Safe set up before the start block,
 * or older than v1.3, has no SafeSetup to replay), an ownable's owner, a timelock's min delay. Read
 * with eth_call at the contract's start block as soon as the sync has passed it, and stored with that
 * block plus a {@link ControlReadings#START_STATE} marker ("ok", "no code", "unavailable: …") so it is
 * never read twice; a failed read (no archive state) is logged and marked, and the events carry on alone.
 */
final class StartStateReader {
    private static final Logger LOG = LoggerFactory.getLogger(StartStateReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StartStateReader() {
    }

    static void readDue(Store store, RpcClient client, ChainPlan plan, BlockHeader top) {
        long chainId = plan.chain().chainId();
        DueReads.collect(store, plan, top, EnumSet.of(ContractKind.SAFE, ContractKind.OWNABLE, ContractKind.TIMELOCK),
                (watched, stored, out) -> {
                    long start = watched.startBlock();
                    boolean read = stored.latest(chainId, watched.address(), ControlReadings.START_STATE,
                            watched.kind().configName(), start).filter(marker -> marker.blockNumber() == start).isPresent();
                    if (!read) {
                        out.addAll(read(new ViewCalls(client, start), chainId, watched));
                    }
                });
    }

    private static List<StateRead> read(ViewCalls calls, long chainId, ChainPlan.Watched watched) {
        List<StateRead> reads = new ArrayList<>();
        String address = watched.address();
        long start = watched.startBlock();
        String state;
        try {
            boolean found = switch (watched.kind()) {
                case SAFE -> calls.uint(address, "getThreshold").map(threshold -> {
                    reads.add(reading(chainId, address, ControlReadings.SAFE_THRESHOLD, threshold, start));
                    reads.add(reading(chainId, address, ControlReadings.SAFE_OWNERS, json(calls.addresses(address, "getOwners")), start));
                    reads.add(reading(chainId, address, ControlReadings.SAFE_MODULES, json(calls.safeModules(address)), start));
                    reads.add(reading(chainId, address, ControlReadings.SAFE_VERSION, calls.string(address, "VERSION").orElse(""), start));
                    return true;
                }).orElse(false);
                case OWNABLE -> calls.address(address, "owner")
                        .map(owner -> reads.add(reading(chainId, address, ControlReadings.OWNER, owner, start))).orElse(false);
                default -> timelock(calls, chainId, address, start, reads);
            };
            state = found ? ControlReadings.OK : ControlReadings.NO_CODE;
        } catch (RpcException e) {
            reads.clear();
            state = "unavailable: " + e.getMessage();
            LOG.warn("{} {} on chain {}: could not read its state at start block {} ({}); its state comes from its events only."
                    + " An archive endpoint, or a start block at its deployment, avoids this.", watched.kind(), address, chainId,
                    start, e.getMessage());
        }
        reads.add(new StateRead(chainId, address, ControlReadings.START_STATE, watched.kind().configName(), state, start));
        return reads;
    }

    /** OZ TimelockController's getMinDelay(); else Compound's delay() and admin(), which its constructor sets silently. */
    private static boolean timelock(ViewCalls calls, long chainId, String timelock, long start, List<StateRead> reads) {
        Optional<String> delay;
        try {
            delay = calls.uint(timelock, "getMinDelay");
        } catch (RpcException notOz) {
            delay = calls.uint(timelock, "delay");
            calls.address(timelock, "admin").ifPresent(admin -> reads.add(reading(chainId, timelock, ControlReadings.OWNER, admin, start)));
        }
        delay.ifPresent(value -> reads.add(reading(chainId, timelock, ControlReadings.MIN_DELAY, value, start)));
        return delay.isPresent();
    }

    private static StateRead reading(long chainId, String address, String name, String value, long block) {
        return new StateRead(chainId, address, name, "", value, block);
    }

    private static String json(Optional<List<String>> addresses) {
        try {
            return JSON.writeValueAsString(addresses.orElse(List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
