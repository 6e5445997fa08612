package org.stagewatch.sync;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.chain.RpcException;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.Store;

/**
 * Reads each votes token's {@code decimals()} once, at the first block the sync commits at or after the token's start
 * block, and stores it as a state read ({@value #NAME}, no args, with the block it was read at): what every amount
 * shown in whole tokens is scaled by. Read at a recent block, so a node without archive state serves it; a token
 * without the function (or a failing call) is logged and asked again after the next commit, and its amounts stay in
 * base units meanwhile.
 */
final class TokenDecimalsReader {
    static final String NAME = "decimals";
    private static final Logger LOG = LoggerFactory.getLogger(TokenDecimalsReader.class);

    private TokenDecimalsReader() {
    }

    static void readDue(Store store, RpcClient client, ChainPlan plan, BlockHeader top) {
        long chainId = plan.chain().chainId();
        DueReads.collect(store, plan, top, EnumSet.of(ContractKind.VOTES_TOKEN), (watched, stored, out) -> {
            if (stored.latest(chainId, watched.address(), NAME, "", Long.MAX_VALUE).isPresent()
                    || out.stream().anyMatch(read -> read.address().equals(watched.address()))) {
                return;
            }
            try {
                new ViewCalls(client, top.number()).uint(watched.address(), NAME).ifPresentOrElse(
                        decimals -> out.add(new StateRead(chainId, watched.address(), NAME, "", decimals, top.number())),
                        () -> LOG.warn("votes token {} on chain {}: no code at block {}; decimals() not read", watched.address(),
                                chainId, top.number()));
            } catch (RpcException e) {
                LOG.warn("votes token {} on chain {}: decimals() failed at block {} ({}); its amounts stay in base units",
                        watched.address(), chainId, top.number(), e.getMessage());
            }
        });
    }
}
