package org.stagewatch.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.ContractConfig;
import org.stagewatch.config.DaoConfig;
import org.stagewatch.config.StagewatchConfig;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;

/** Deploys the demo DAO on a real anvil, plays the seeded scenario, and checks the result against the chain itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoScenarioIT {
    private static final long CHAIN_ID = 31_337;
    private static final long SEED = 7;

    private AnvilNode node;
    private DemoDao dao;
    private ScenarioResult result;
    private OnChain chain;

    @BeforeAll
    void deployAndPlay() {
        node = AnvilNode.start(CHAIN_ID);
        long started = System.nanoTime();
        dao = DemoDaoDeployer.deploy(node);
        result = DemoScenario.play(node, dao, SEED);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("deploy + scenario: %d ms, blocks %d-%d, %d transactions%n", took.toMillis(),
                result.firstBlock(), result.lastBlock(), result.transactionHashes().size());
        chain = new OnChain(node.web3j());
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void councilSafeHasTwelveOwnersAndThresholdNine() throws Exception {
        List<String> owners = chain.addresses(dao.councilSafe().address(), "getOwners");
        assertThat(owners).hasSize(12).containsExactlyInAnyOrderElementsOf(dao.councilOwnerAddresses());
        assertThat(chain.uint(dao.councilSafe().address(), "getThreshold")).isEqualTo(9);
    }

    @Test
    void proxyRunsBridgeV2AfterTheExecutedProposalAndItsAdminIsOwnedByTheExecutor() throws Exception {
        String proxy = dao.bridgeProxy().address();
        assertThat(chain.slotAddress(proxy, DemoDaoDeployer.EIP1967_IMPLEMENTATION_SLOT)).isEqualTo(dao.bridgeV2().address());
        assertThat(chain.uint(proxy, "version")).isEqualTo(2);
        assertThat(chain.slotAddress(proxy, DemoDaoDeployer.EIP1967_ADMIN_SLOT)).isEqualTo(dao.proxyAdmin().address());
        assertThat(chain.address(dao.proxyAdmin().address(), "owner")).isEqualTo(dao.upgradeExecutor().address());
        assertThat(chain.logs(dao.upgradeExecutor().address(), Hash.sha3String("UpgradeExecuted(address,uint256,bytes)"))).hasSize(1);
    }

    @Test
    void everyProposalIsInTheStateTheScenarioIntended() throws Exception {
        for (ScenarioProposal proposal : result.proposals()) {
            assertThat(chain.state(dao.governor().address(), proposal.id())).as(proposal.title()).isEqualTo(proposal.intended());
        }
        assertThat(result.proposals()).extracting(ScenarioProposal::intended).containsExactlyInAnyOrder(
                ProposalState.EXECUTED, ProposalState.DEFEATED, ProposalState.DEFEATED, ProposalState.CANCELED,
                ProposalState.SUCCEEDED, ProposalState.QUEUED);
    }

    @Test
    void lateQuorumExtendedTheDeadlineOfOneProposal() throws Exception {
        ScenarioProposal late = result.proposals().stream().filter(ScenarioProposal::lateQuorum).findFirst().orElseThrow();
        long original = late.createdBlock() + DemoDaoDeployer.VOTING_DELAY_BLOCKS + DemoDaoDeployer.VOTING_PERIOD_BLOCKS;
        assertThat(chain.uint(dao.governor().address(), "proposalDeadline", new Uint256(late.id())))
                .isEqualTo(original + DemoDaoDeployer.LATE_QUORUM_EXTENSION_BLOCKS);
        assertThat(chain.logs(dao.governor().address(), Hash.sha3String("ProposalExtended(uint256,uint64)"))).hasSize(1);
    }

    @Test
    void theTokenLogsHoldTheSequencesIndexersGetWrong() throws Exception {
        List<Log> changes = chain.logs(dao.token().address(), Hash.sha3String("DelegateChanged(address,address,address)"));
        Map<String, Long> perTxAndDelegator = changes.stream().collect(Collectors.groupingBy(
                log -> log.getTransactionHash() + log.getTopics().get(1), Collectors.counting()));
        assertThat(perTxAndDelegator.values()).as("two redelegations in one transaction").contains(2L);
        assertThat(changes).as("a no-op redelegation A→A")
                .anyMatch(log -> log.getTopics().get(2).equals(log.getTopics().get(3)));
        List<Log> transfers = chain.logs(dao.token().address(), Hash.sha3String("Transfer(address,address,uint256)"));
        assertThat(transfers).as("a delegation and a transfer in one transaction")
                .anyMatch(t -> changes.stream().anyMatch(c -> c.getTransactionHash().equals(t.getTransactionHash())));
        assertThat(chain.logs(dao.governor().address(), Hash.sha3String("VoteCastWithParams(address,uint256,uint8,uint256,string,bytes)")))
                .isNotEmpty();
        assertThat(result.touchedAddresses()).hasSizeGreaterThan(DemoScenario.DEFAULT_HOLDERS);
    }

    @Test
    void everyDelegatesVotesEqualTheBalancesDelegatedToIt() throws Exception {
        Map<String, BigInteger> expected = new HashMap<>();
        for (String holder : result.touchedAddresses()) {
            String delegate = chain.address(dao.token().address(), "delegates", new Address(holder)).toLowerCase(Locale.ROOT);
            if (!delegate.equals(Abi.ZERO_ADDRESS)) {
                expected.merge(delegate, chain.uint(dao.token().address(), "balanceOf", new Address(holder)), BigInteger::add);
            }
        }
        for (String delegate : result.delegates()) {
            assertThat(chain.uint(dao.token().address(), "getVotes", new Address(delegate))).as(delegate)
                    .isEqualTo(expected.getOrDefault(delegate, BigInteger.ZERO));
        }
    }

    @Test
    void theSameSeedOnAFreshNodeSignsTheSameTransactionsAndEndsWithTheSameVotes() throws Exception {
        try (AnvilNode fresh = AnvilNode.start(CHAIN_ID)) {
            DemoDao again = DemoDaoDeployer.deploy(fresh);
            ScenarioResult replay = DemoScenario.play(fresh, again, SEED);
            assertThat(again.governor().address()).isEqualTo(dao.governor().address());
            assertThat(replay.transactionHashes()).isEqualTo(result.transactionHashes());
            OnChain freshChain = new OnChain(fresh.web3j());
            for (String account : result.touchedAddresses()) {
                assertThat(freshChain.uint(again.token().address(), "getVotes", new Address(account))).as(account)
                        .isEqualTo(chain.uint(dao.token().address(), "getVotes", new Address(account)));
            }
        }
    }

    @Test
    void aSmallScenarioWithAnotherSeedAlsoLeavesEveryProposalWhereItMeantTo() throws Exception {
        try (AnvilNode fresh = AnvilNode.start(CHAIN_ID)) {
            DemoDao small = DemoDaoDeployer.deploy(fresh);
            ScenarioResult played = DemoScenario.play(fresh, small, 12_345, 60);
            OnChain freshChain = new OnChain(fresh.web3j());
            for (ScenarioProposal proposal : played.proposals()) {
                assertThat(freshChain.state(small.governor().address(), proposal.id())).as(proposal.title())
                        .isEqualTo(proposal.intended());
            }
            assertThat(played.holders()).hasSize(60);
        }
    }

    @Test
    void theWrittenConfigLoadsAndNamesEveryWatchedContractFromItsDeploymentBlock(@TempDir Path dir) {
        Path file = dir.resolve("devnet.yml");
        DevnetConfigWriter.write(file, CHAIN_ID, node.rpcUrl(), dao);
        StagewatchConfig config = ConfigLoader.load(file, Map.of());
        assertThat(config.chain(DevnetConfigWriter.CHAIN).chainId()).isEqualTo(CHAIN_ID);
        DaoConfig demo = config.dao(DevnetConfigWriter.DAO).orElseThrow();
        assertThat(demo.contracts()).extracting(c -> c.kind().configName()).containsExactly(
                "votes-token", "governor", "timelock", "safe", "upgrade-executor", "ownable", "proxy");
        ContractConfig proxy = demo.contracts().get(6);
        assertThat(proxy.critical()).isTrue();
        assertThat(proxy.address()).isEqualTo(dao.bridgeProxy().checksummed());
        assertThat(proxy.startBlock()).isEqualTo(dao.bridgeProxy().block());
        assertThat(demo.contracts().get(0).transfers()).isTrue();
    }
}
