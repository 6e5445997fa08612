package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.Store;

/**
 * Reads a proxy's EIP-1967 implementation, admin and beacon slots with eth_getStorageAt at its start
 * block and then every {@code slotReadInterval} blocks, so proxies that emit nothing when upgraded
 * (Optimism's legacy L1ChugSplashProxy) and proxies set up before the start block still have a known
 * admin and implementation. Readings sit on a fixed grid (start + k·interval), whatever ranges the
 * sync was cut into; the next due block follows from the last stored reading, so a crash only
 * repeats reads. A slot that cannot be read (no archive state) is logged and skipped. The reads go out with the other
 * readers' calls ({@link DueCalls}).
 */
final class ProxySlotReader {
    static final String IMPLEMENTATION = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
    static final String ADMIN = "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103";
    static final String BEACON = "0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50";
    private static final Logger LOG = LoggerFactory.getLogger(ProxySlotReader.class);

    private ProxySlotReader() {
    }

    /**
     * Adds the slot reads due at {@code top} to {@code calls}, and the readings to {@code out} once answered: for each
     * proxy, those of the grid's blocks up to the first that could not be read.
     */
    static void due(Store store, ChainPlan plan, BlockHeader top, DueCalls calls, List<StateRead> out) {
        long chainId = plan.chain().chainId();
        DueReads.forEach(store, plan, top, EnumSet.of(ContractKind.PROXY), (watched, stored) -> {
            long last = stored.latest(chainId, watched.address(), ControlReadings.IMPLEMENTATION_SLOT, "", top.number())
                    .map(StateRead::blockNumber).filter(block -> block >= watched.startBlock()).orElse(-1L);
            long interval = watched.slotReadInterval();
            long next = last < 0 ? watched.startBlock() : interval > 0 ? last + interval : Long.MAX_VALUE;
            List<Long> blocks = new ArrayList<>();
            List<DueCalls.Pending[]> slots = new ArrayList<>();
            for (long block = next; block <= top.number(); block = interval > 0 ? block + interval : Long.MAX_VALUE) {
                blocks.add(block);
                slots.add(new DueCalls.Pending[] {calls.add(RpcClient.Query.storage(watched.address(), IMPLEMENTATION, block)),
                        calls.add(RpcClient.Query.storage(watched.address(), ADMIN, block)),
                        calls.add(RpcClient.Query.storage(watched.address(), BEACON, block))});
            }
            calls.then(() -> {
                for (int i = 0; i < blocks.size(); i++) {
                    if (!read(chainId, watched.address(), blocks.get(i), slots.get(i), out)) {
                        break;
                    }
                }
            });
        });
    }

    private static boolean read(long chainId, String proxy, long block, DueCalls.Pending[] slots, List<StateRead> out) {
        for (DueCalls.Pending slot : slots) {
            if (slot.answer().failed()) {
                LOG.warn("proxy {} on chain {}: could not read its EIP-1967 slots at block {} ({}); its events carry on alone",
                        proxy, chainId, block, slot.answer().error());
                return false;
            }
        }
        out.add(new StateRead(chainId, proxy, ControlReadings.IMPLEMENTATION_SLOT, "", address(slots[0].answer().result()), block));
        out.add(new StateRead(chainId, proxy, ControlReadings.ADMIN_SLOT, "", address(slots[1].answer().result()), block));
        out.add(new StateRead(chainId, proxy, ControlReadings.BEACON_SLOT, "", address(slots[2].answer().result()), block));
        return true;
    }

    /** The address right-aligned in a 32-byte word. */
    static String address(String word) {
        String digits = word.startsWith("0x") ? word.substring(2) : word;
        String padded = "0".repeat(Math.max(0, 64 - digits.length())) + digits;
        return "0x" + padded.substring(24).toLowerCase(Locale.ROOT);
    }
}
