package org.stagewatch.devnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.web3j.crypto.Credentials;

/**
 * Plays a realistic, seeded history on a deployed {@link DemoDao}: several hundred holders, their
 * delegations and transfers, then six overlapping proposals with every outcome the indexer must
 * tell apart. The same seed on a fresh devnet signs the same transactions (same hashes): every
 * random choice comes from one {@link Random} in a fixed order, and keys, nonces, gas and fees are
 * all deterministic.
 *
 * <p>Runs with automine off, so many transactions share a block as on a real chain; automine is
 * switched back on at the end.
 */
public final class DemoScenario {
    public static final int DEFAULT_HOLDERS = 300;

    private DemoScenario() {
    }

    public static ScenarioResult play(AnvilNode node, DemoDao dao, long seed) {
        return play(node, dao, seed, DEFAULT_HOLDERS);
    }

    /** @param holders token holders to create (at least 60: delegates, wallets and voters come from them) */
    public static ScenarioResult play(AnvilNode node, DemoDao dao, long seed, int holders) {
        if (holders < 60) {
            throw new IllegalArgumentException("a scenario needs at least 60 holders, got " + holders);
        }
        node.setAutomine(false);
        try {
            long firstBlock = node.blockNumber() + 1;
            Random random = new Random(seed);
            Transactor tx = new Transactor(node);
            TokenActivity tokens = new TokenActivity(node, dao, tx, random, seed, holders);
            tokens.fund();
            tokens.distribute();
            tokens.delegate();
            tokens.transfers(40);
            tokens.redelegate();
            tokens.transfers(40);
            List<ScenarioProposal> proposals = new GovernanceActivity(node, dao, tx, random, tokens).play();
            return new ScenarioResult(seed, addresses(tokens.holders), List.copyOf(tokens.delegationTargets),
                    tokens.wallets.addresses, proposals, firstBlock, node.blockNumber(), tx.sentHashes());
        } finally {
            node.setAutomine(true);
        }
    }

    private static List<String> addresses(List<Credentials> keys) {
        List<String> all = new ArrayList<>();
        keys.forEach(k -> all.add(TokenActivity.addressOf(k)));
        return all;
    }
}
