package org.stagewatch.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.AnvilOptions;
import org.stagewatch.devnet.DevKeys;
import org.stagewatch.devnet.Transactor;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A contract configured without startBlock on a real anvil chain: the indexer finds its deployment
 * block by bisection over eth_getCode, which the chain itself must confirm (code at B, none at B − 1),
 * records it, and reuses it on the next run without searching again or refusing the config.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentBlockIT {
    private static final String NOWHERE = "0x000000000000000000000000000000000000dEaD";

    AnvilNode node;
    Path dir;
    String token;
    long tokenBlock;
    String timelock;
    long timelockBlock;

    /** Records the deployment blocks the indexer reports finding. */
    static final class FoundBlocks implements SyncProgress {
        final List<String> found = new ArrayList<>();

        @Override
        public void started(String chain, long fromBlock, long toBlock) {
        }

        @Override
        public void advanced(String chain, long blocksDone, long events, long checkpointBlock) {
        }

        @Override
        public void finished(BackfillResult result) {
        }

        @Override
        public void deploymentBlockFound(String chain, String label, String address, long block, int calls) {
            found.add("%s %s %d %d".formatted(chain, address.toLowerCase(Locale.ROOT), block, calls));
        }
    }

    @BeforeAll
    void deployAfterEmptyBlocks() throws Exception {
        dir = Files.createTempDirectory("stagewatch-deployment-it");
        node = AnvilNode.start(31337);
        node.mine(137);
        Credentials deployer = DevKeys.anvil(0);
        node.setAutomine(false);
        try {
            Transactor tx = new Transactor(node);
            tx.deploy(deployer, "DemoToken", 4_000_000, new Utf8String("Found Token"), new Utf8String("FND"),
                    new Address(deployer.getAddress()), new Uint256(BigInteger.TEN.pow(24)));
            TransactionReceipt tokenReceipt = tx.mine().get(0);
            node.mine(41);
            tx.deploy(deployer, "TimelockController", 3_000_000, new Uint256(60), new DynamicArray<>(Address.class, List.of()),
                    new DynamicArray<>(Address.class, List.of(new Address("0x0000000000000000000000000000000000000000"))),
                    new Address(deployer.getAddress()));
            TransactionReceipt timelockReceipt = tx.mine().get(0);
            token = Keys.toChecksumAddress(tokenReceipt.getContractAddress());
            tokenBlock = tokenReceipt.getBlockNumber().longValueExact();
            timelock = Keys.toChecksumAddress(timelockReceipt.getContractAddress());
            timelockBlock = timelockReceipt.getBlockNumber().longValueExact();
        } finally {
            node.setAutomine(true);
        }
        node.mine(300);
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private StagewatchConfig config(AnvilNode on, String tokenAddress) {
        String yaml = """
                chains:
                  devnet: { chainId: 31337, rpc: "%s" }
                daos:
                  found:
                    contracts:
                      - { kind: votes-token, chain: devnet, address: "%s", label: Found Token }
                      - { kind: timelock, chain: devnet, address: "%s", label: Timelock, startBlock: %d }
                """.formatted(on.rpcUrl(), tokenAddress, timelock, timelockBlock);
        return ConfigLoader.parse(yaml, dir.resolve("found.yml"), Map.of());
    }

    private String code(String address, long block) throws Exception {
        return node.web3j().ethGetCode(address, DefaultBlockParameter.valueOf(BigInteger.valueOf(block))).send().getCode();
    }

    private static List<ContractRow> contracts(Store store) {
        return store.withSync(sync -> sync.contracts());
    }

    @Test
    void shouldFindTheDeploymentBlockTheChainConfirmsAndReuseItOnTheNextRun() throws Exception {
        Store store = new Store(Database.open(dir.resolve("found.db").toString()));
        FoundBlocks first = new FoundBlocks();
        long head = node.blockNumber();
        new Indexer(store, EventDecoder.standard(), first).backfill(config(node, token), OptionalLong.empty());

        assertThat(first.found).hasSize(1);
        String[] found = first.found.get(0).split(" ");
        long block = Long.parseLong(found[2]);
        assertThat(found[0]).isEqualTo("devnet");
        assertThat(found[1]).isEqualTo(token.toLowerCase(Locale.ROOT));
        assertThat(code(token, block)).as("code at the found block %d", block).isNotEqualTo("0x").hasSizeGreaterThan(2);
        assertThat(code(token, block - 1)).as("code one block before").isEqualTo("0x");
        assertThat(block).isEqualTo(tokenBlock);
        assertThat(Integer.parseInt(found[3])).isLessThanOrEqualTo(1 + (64 - Long.numberOfLeadingZeros(head + 1)));
        assertThat(contracts(store)).extracting(ContractRow::label, ContractRow::startBlock)
                .containsExactlyInAnyOrder(Tuple.tuple("Found Token", block),
                        Tuple.tuple("Timelock", timelockBlock));
        List<ContractRow> recorded = contracts(store);

        node.mine(5);
        FoundBlocks second = new FoundBlocks();
        List<BackfillResult> again = new Indexer(store, EventDecoder.standard(), second)
                .backfill(config(node, token), OptionalLong.empty());
        assertThat(second.found).as("searches on the second run").isEmpty();
        assertThat(again).singleElement().satisfies(result -> assertThat(result.checkpoint().blockNumber()).isEqualTo(head + 5));
        assertThat(contracts(store)).isEqualTo(recorded);
    }

    @Test
    void shouldRefuseAnAddressWithoutCodeAndWriteNothing() {
        Store store = new Store(Database.open(dir.resolve("nowhere.db").toString()));
        assertThatThrownBy(() -> new Indexer(store, EventDecoder.standard(), SyncProgress.NONE)
                .backfill(config(node, NOWHERE), OptionalLong.empty()))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("Found Token")
                .hasMessageContaining("no contract at " + NOWHERE + " on chain devnet at head block")
                .hasMessageContaining("check the address and chain");
        assertThat(contracts(store)).isEmpty();
        assertThat(store.checkpoint(31337)).isEmpty();
    }

    @Test
    void shouldAskForAnArchiveEndpointWhenTheNodeHasPrunedOldState() throws Exception {
        try (AnvilNode pruned = AnvilNode.start(31337, AnvilOptions.defaults().withExtraArgs("--prune-history", "8"))) {
            pruned.mine(200);
            Credentials deployer = DevKeys.anvil(0);
            Transactor tx = new Transactor(pruned);
            tx.deploy(deployer, "BridgeV1", 300_000);
            TransactionReceipt receipt = tx.mine().get(0);
            pruned.mine(200);
            String address = Keys.toChecksumAddress(receipt.getContractAddress());
            Store store = new Store(Database.open(dir.resolve("pruned.db").toString()));
            assertThatThrownBy(() -> new Indexer(store, EventDecoder.standard(), SyncProgress.NONE)
                    .backfill(config(pruned, address), OptionalLong.empty()))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("Found Token")
                    .hasMessageContaining("does not keep the state of block")
                    .hasMessageContaining("Use an archive endpoint for chain devnet, or give the contract's startBlock explicitly")
                    .hasMessageContaining("Nothing was written");
            assertThat(contracts(store)).isEmpty();
        }
    }
}
