package org.stagewatch.cli;

import java.util.ArrayList;
import java.util.List;

import org.stagewatch.project.ControlRows;
import org.stagewatch.project.ProjectedBatch;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.ControlDeclaration;
import org.stagewatch.store.ControlReadDao;
import org.stagewatch.store.Store;

/**
 * The hand-written DAO 'dao' that the command tests run over: on chain 1 a bridge proxy whose ProxyAdmin is
 * owned by a 2-of-3 council Safe, declared a council, all set up at block 5.
 */
final class BridgeCouncilFixture {
    static final String BRIDGE = "0x00000000000000000000000000000000000b0001";
    static final String PROXY_ADMIN = "0x00000000000000000000000000000000000a0001";
    static final String COUNCIL = "0x00000000000000000000000000000000000c0001";
    static final List<String> SIGNERS = List.of("0x00000000000000000000000000000000000e0001",
            "0x00000000000000000000000000000000000e0002", "0x00000000000000000000000000000000000e0003");

    private BridgeCouncilFixture() {
    }

    /**
     * Records the three contracts (from {@code startBlock}) and {@code more}, and the council declaration; returns
     * the rows of block 5 (admin change, ownership transfer, Safe setup) for the caller to write with its headers.
     */
    static ProjectedBatch declare(Store store, long startBlock, ContractRow... more) {
        List<ContractRow> contracts = new ArrayList<>(List.of(
                new ContractRow("dao", 1, BRIDGE, "proxy", "Bridge", startBlock, true, false),
                new ContractRow("dao", 1, PROXY_ADMIN, "ownable", "ProxyAdmin", startBlock, false, false),
                new ContractRow("dao", 1, COUNCIL, "safe", "Council", startBlock, false, false)));
        contracts.addAll(List.of(more));
        store.withSync(sync -> {
            sync.insertContracts(contracts);
            return null;
        });
        store.jdbi().useExtension(ControlReadDao.class, dao -> dao.replaceDeclarations(List.of(
                new ControlDeclaration("dao", ControlDeclaration.COUNCIL, 1, COUNCIL, null, null, null, "Council"))));
        ProjectedBatch rows = new ProjectedBatch();
        rows.control.proxyChanges.add(new ControlRows.ProxyChange(1, BRIDGE, "admin_changed", null, PROXY_ADMIN, 5, 0, "0xt1"));
        rows.control.ownershipChanges.add(new ControlRows.OwnershipChange(1, PROXY_ADMIN, "transferred", null, COUNCIL, 5, 1, "0xt1"));
        rows.control.safeChanges.add(new ControlRows.SafeChange(1, COUNCIL, "setup", null, "2",
                "[\"" + String.join("\",\"", SIGNERS) + "\"]", null, 5, 2, "0xt1"));
        return rows;
    }
}
