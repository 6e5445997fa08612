package org.stagewatch.config;

/**
 * One contract of a DAO.
 *
 * @param chain      the chain key under {@code chains:}
 * @param kind       what the contract is, which decides the events indexed and the projector
 * @param address    the EIP-55 checksummed address
 * @param label      a human name ("Core Governor")
 * @param startBlock first block indexed for this contract (its deployment block, usually)
 * @param critical   whether an upgrade of it can block or forge withdrawals (stage rating)
 * @param transfers  for {@code votes-token}: also index Transfer (balances, total supply)
 */
public record ContractConfig(
        String chain, ContractKind kind, String address, String label, long startBlock,
        boolean critical, boolean transfers) {

    /** The address in lower case, the form every table stores. */
    public String addressKey() {
        return address.toLowerCase(java.util.Locale.ROOT);
    }
}
