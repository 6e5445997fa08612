package org.stagewatch.config;

import java.util.Locale;

/**
 * One contract of a DAO.
 *
 * @param chain            the chain key under {@code chains:}
 * @param kind             what the contract is, which decides the events indexed and the projector
 * @param address          the EIP-55 checksummed address
 * @param label            a human name ("Core Governor")
 * @param startBlock       first block indexed for this contract (its deployment block, usually), or
 *                         {@link #UNKNOWN_START_BLOCK} when the config leaves it out and the indexer is to find
 *                         the deployment block itself (sync.DeploymentBlocks resolves it before anything is planned)
 * @param critical         whether an upgrade of it can block or forge withdrawals (stage rating, routes)
 * @param transfers        for {@code votes-token}: also index Transfer (balances, total supply)
 * @param council          for {@code safe}: designated a security council (route analysis counts its signers)
 * @param slotReadInterval for a proxy: read the EIP-1967 slots every this many blocks (0 = only at the
 *                         start block), for proxies that emit nothing when upgraded
 * @param proxy            for a kind other than {@code proxy}: the contract sits behind an EIP-1967 proxy at its
 *                         address, whose admin, implementation and beacon are indexed as a {@code proxy}'s are
 */
public record ContractConfig(
        String chain, ContractKind kind, String address, String label, long startBlock,
        boolean critical, boolean transfers, boolean council, long slotReadInterval, boolean proxy) {

    /** The start block of a contract whose config leaves it out: its deployment block, not yet found. */
    public static final long UNKNOWN_START_BLOCK = -1;

    /** A contract without the control-analysis options. */
    public ContractConfig(String chain, ContractKind kind, String address, String label, long startBlock,
                          boolean critical, boolean transfers) {
        this(chain, kind, address, label, startBlock, critical, transfers, false, 0, false);
    }

    /** Whether the start block is known: given in the config, or found and recorded by the indexer. */
    public boolean hasStartBlock() {
        return startBlock != UNKNOWN_START_BLOCK;
    }

    /** The same contract starting at {@code block} (its deployment block, once found). */
    public ContractConfig withStartBlock(long block) {
        return new ContractConfig(chain, kind, address, label, block, critical, transfers, council, slotReadInterval, proxy);
    }

    /** Whether its EIP-1967 slots and proxy events are indexed: a {@code proxy}, or a contract of another kind behind one. */
    public boolean upgradeable() {
        return proxy || kind == ContractKind.PROXY;
    }

    /** The address in lower case, the form every table stores. */
    public String addressKey() {
        return address.toLowerCase(Locale.ROOT);
    }
}
