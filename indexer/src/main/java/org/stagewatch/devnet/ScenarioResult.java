package org.stagewatch.devnet;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a {@link DemoScenario} did: the addresses it touched, its proposals with their intended
 * outcome, its block range and every transaction hash in signing order (the same seed on a fresh
 * devnet yields the same list). Addresses are lower case.
 *
 * @param holders   EOAs that received tokens (the first ones are also public delegates)
 * @param delegates every address that was ever a delegation target, holder or not
 * @param wallets   HolderWallet contracts holding tokens
 */
public record ScenarioResult(
        long seed,
        List<String> holders,
        List<String> delegates,
        List<String> wallets,
        List<ScenarioProposal> proposals,
        long firstBlock,
        long lastBlock,
        List<String> transactionHashes) {

    public ScenarioResult {
        holders = List.copyOf(holders);
        delegates = List.copyOf(delegates);
        wallets = List.copyOf(wallets);
        proposals = List.copyOf(proposals);
        transactionHashes = List.copyOf(transactionHashes);
    }

    /** Every address the scenario touched as holder, wallet or delegate, sorted. */
    public SortedSet<String> touchedAddresses() {
        SortedSet<String> all = new TreeSet<>(holders);
        all.addAll(delegates);
        all.addAll(wallets);
        return all;
    }

    public ScenarioProposal proposal(String title) {
        return proposals.stream().filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no proposal titled '" + title + "'"));
    }
}
