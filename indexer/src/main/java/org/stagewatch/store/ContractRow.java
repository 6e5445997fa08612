package org.stagewatch.store;

import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;
import org.stagewatch.config.ContractKind;

/**
 * A configured contract as recorded in the database, so queries need only the database.
 *
 * @param proxy a contract of a kind other than {@code proxy} declared behind an EIP-1967 proxy ({@code proxy: true}):
 *              its proxy events and slots are indexed too
 */
public record ContractRow(
        String daoId, long chainId, String address, String kind, String label, long startBlock,
        boolean critical, boolean transfers, boolean proxy) {

    @JdbiConstructor
    public ContractRow {
    }

    /** A contract not declared behind a proxy. */
    public ContractRow(String daoId, long chainId, String address, String kind, String label, long startBlock,
                       boolean critical, boolean transfers) {
        this(daoId, chainId, address, kind, label, startBlock, critical, transfers, false);
    }

    /** A proxy, or a contract behind one: it has an EIP-1967 admin and an {@code upgrade} permission. */
    public boolean upgradeable() {
        return proxy || kind.equals(ContractKind.PROXY.configName());
    }
}
