package org.stagewatch.sync;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

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
 * Reads a proxy's EIP-1967 implementation, admin and beacon slots with eth_getStorageAt at its start
 * block and then every {@code slotReadInterval} blocks, so proxies that emit nothing when upgraded
 * (Optimism's legacy L1ChugSplashProxy) and proxies set up before the start block still have a known
 * admin and implementation. Readings sit on a fixed grid (start + k·interval), whatever ranges the
 * sync was cut into; the next due block follows from the last stored reading, so a crash only
 * repeats reads. A slot that cannot be read (no archive state) is logged and skipped.
 */
final class ProxySlotReader {
    static final String IMPLEMENTATION = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
    static final String ADMIN = "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103";
    static final String BEACON = "0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50";
    private static final Logger LOG = LoggerFactory.getLogger(ProxySlotReader.class);

    private ProxySlotReader() {
    }

    static void readDue(Store store, RpcClient client, ChainPlan plan, BlockHeader top) {
        long chainId = plan.chain().chainId();
        DueReads.collect(store, plan, top, EnumSet.of(ContractKind.PROXY), (watched, stored, out) -> {
            long last = stored.latest(chainId, watched.address(), ControlReadings.IMPLEMENTATION_SLOT, "", top.number())
                    .map(StateRead::blockNumber).filter(block -> block >= watched.startBlock()).orElse(-1L);
            long interval = watched.slotReadInterval();
            long next = last < 0 ? watched.startBlock() : interval > 0 ? last + interval : Long.MAX_VALUE;
            for (long block = next; block <= top.number(); block = interval > 0 ? block + interval : Long.MAX_VALUE) {
                if (!read(client, chainId, watched.address(), block, out)) {
                    break;
                }
            }
        });
    }

    private static boolean read(RpcClient client, long chainId, String proxy, long block, List<StateRead> out) {
        try {
            String implementation = client.storageAt(proxy, IMPLEMENTATION, block);
            String admin = client.storageAt(proxy, ADMIN, block);
            String beacon = client.storageAt(proxy, BEACON, block);
            out.add(new StateRead(chainId, proxy, ControlReadings.IMPLEMENTATION_SLOT, "", address(implementation), block));
            out.add(new StateRead(chainId, proxy, ControlReadings.ADMIN_SLOT, "", address(admin), block));
            out.add(new StateRead(chainId, proxy, ControlReadings.BEACON_SLOT, "", address(beacon), block));
            return true;
        } catch (RpcException e) {
            LOG.warn("proxy {} on chain {}: could not read its EIP-1967 slots at block {} ({}); its events carry on alone",
                    proxy, chainId, block, e.getMessage());
            return false;
        }
    }

    /** The address right-aligned in a 32-byte word. */
    static String address(String word) {
        String digits = word.startsWith("0x") ? word.substring(2) : word;
        String padded = "0".repeat(Math.max(0, 64 - digits.length())) + digits;
        return "0x" + padded.substring(24).toLowerCase(Locale.ROOT);
    }
}
