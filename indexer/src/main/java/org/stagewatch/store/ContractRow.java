package org.stagewatch.store;

/** A configured contract as recorded in the database, so queries need only the database. */
public record ContractRow(
        String daoId, long chainId, String address, String kind, String label, long startBlock,
        boolean critical, boolean transfers) {
}
