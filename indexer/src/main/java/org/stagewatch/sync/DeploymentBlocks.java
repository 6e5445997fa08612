package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.stagewatch.chain.RpcClient;
import org.stagewatch.chain.RpcException;
import org.stagewatch.chain.StateUnavailableException;
import org.stagewatch.config.ContractConfig;
import org.stagewatch.config.DaoConfig;
import org.stagewatch.config.StagewatchConfig;

/**
 * Finds the deployment block of every contract whose config leaves out {@code startBlock} (and whose
 * block no earlier run recorded), by bisection over eth_getCode ({@link DeploymentBlockFinder}).
 * Invariant: the config it returns has a start block on every contract. It writes nothing: the
 * {@link ContractRegistry} records the blocks with the contracts, so a later run reuses them.
 */
final class DeploymentBlocks {
    private final SyncProgress progress;

    DeploymentBlocks(SyncProgress progress) {
        this.progress = progress;
    }

    /** {@code config} with every unknown start block found; {@code clients} are by chain key. */
    StagewatchConfig resolve(StagewatchConfig config, Map<String, RpcClient> clients) {
        // one search per (chain, address), however many DAOs or kinds name it
        Map<String, Long> found = new HashMap<>();
        Map<String, Long> heads = new HashMap<>();
        List<DaoConfig> daos = new ArrayList<>();
        for (DaoConfig dao : config.daos()) {
            List<ContractConfig> contracts = new ArrayList<>();
            for (ContractConfig contract : dao.contracts()) {
                if (contract.hasStartBlock()) {
                    contracts.add(contract);
                    continue;
                }
                RpcClient client = clients.get(contract.chain());
                long block = found.computeIfAbsent(contract.chain() + "/" + contract.addressKey(), key -> find(config, dao,
                        contract, client, heads.computeIfAbsent(contract.chain(), chain -> client.headBlock())));
                contracts.add(contract.withStartBlock(block));
            }
            daos.add(dao.withContracts(contracts));
        }
        return config.withDaos(daos);
    }

    private long find(StagewatchConfig config, DaoConfig dao, ContractConfig contract, RpcClient client, long head) {
        String named = "contract '%s' (%s) of DAO '%s' in %s".formatted(contract.label(), contract.address(), dao.id(),
                config.source());
        try {
            DeploymentBlockFinder.Found found = DeploymentBlockFinder.find(head,
                    block -> client.code(contract.address(), block).length() > 2)
                    .orElseThrow(() -> new SyncException("%s: no contract at %s on chain %s at head block %d: check the address and chain. Nothing was written."
                            .formatted(named, contract.address(), contract.chain(), head)));
            progress.deploymentBlockFound(contract.chain(), contract.label(), contract.address(), found.block(), found.calls());
            return found.block();
        } catch (StateUnavailableException e) {
            throw new SyncException(("%s: finding its deployment block reads eth_getCode at old blocks, and the endpoint "
                    + "does not keep the state of block %d (%s). Use an archive endpoint for chain %s, or give the "
                    + "contract's startBlock explicitly. Nothing was written.")
                    .formatted(named, e.block(), e.getMessage(), contract.chain()));
        } catch (RpcException e) {
            throw new SyncException(("%s: finding its deployment block failed: %s. If the endpoint does not keep the "
                    + "state of old blocks, use an archive endpoint for chain %s, or give the contract's startBlock "
                    + "explicitly. Nothing was written.").formatted(named, e.getMessage(), contract.chain()));
        }
    }
}
