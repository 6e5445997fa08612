package org.stagewatch.sync;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagewatch.chain.RpcClient;
import org.stagewatch.config.ContractKind;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.Store;

/**
 * Reads each votes token's {@code decimals()} once, after the first commit at or after the token's start block, and
 * stores it as a state read ({@value #NAME}, no args, with the block committed): what every amount shown in whole
 * tokens is scaled by. Read at the latest block (a token's decimals do not change), so a node without archive state
 * serves it however far behind the head the backfill is; a token without the function (or a failing call) is logged
 * and asked again after the next commit, and its amounts stay in base units meanwhile.
 */
final class TokenDecimalsReader {
    static final String NAME = "decimals";
    private static final Logger LOG = LoggerFactory.getLogger(TokenDecimalsReader.class);

    private TokenDecimalsReader() {
    }

    /** The decimals() calls {@link #due} would add at {@code top} now. */
    static List<RpcClient.Query> dueQueries(Store store, ChainPlan plan, BlockHeader top) {
        long chainId = plan.chain().chainId();
        Set<RpcClient.Query> queries = new LinkedHashSet<>();
        DueReads.forEach(store, plan, top, EnumSet.of(ContractKind.VOTES_TOKEN), (watched, stored) -> {
            if (stored.latest(chainId, watched.address(), NAME, "", Long.MAX_VALUE).isEmpty()) {
                queries.add(ViewCalls.uintQuery(watched.address(), NAME, null));
            }
        });
        return List.copyOf(queries);
    }

    /** Adds the decimals() calls due at {@code top} to {@code calls}, and their readings to {@code out} once answered. */
    static void due(Store store, ChainPlan plan, BlockHeader top, DueCalls calls, List<StateRead> out) {
        long chainId = plan.chain().chainId();
        Set<String> asked = new HashSet<>();
        DueReads.forEach(store, plan, top, EnumSet.of(ContractKind.VOTES_TOKEN), (watched, stored) -> {
            if (stored.latest(chainId, watched.address(), NAME, "", Long.MAX_VALUE).isPresent() || !asked.add(watched.address())) {
                return;
            }
            DueCalls.Pending decimals = calls.add(ViewCalls.uintQuery(watched.address(), NAME, null));
            calls.then(() -> {
                if (decimals.answer().failed()) {
                    LOG.warn("votes token {} on chain {}: decimals() failed ({}); its amounts stay in base units",
                            watched.address(), chainId, decimals.answer().error());
                    return;
                }
                ViewCalls.uintResult(decimals.answer().result(), NAME).ifPresentOrElse(
                        value -> out.add(new StateRead(chainId, watched.address(), NAME, "", value, top.number())),
                        () -> LOG.warn("votes token {} on chain {}: no code at the latest block; decimals() not read",
                                watched.address(), chainId));
            });
        });
    }
}
