package org.stagewatch.analyze.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stagewatch.analyze.DaoScope;
import org.stagewatch.analyze.control.ChainAt;
import org.stagewatch.analyze.control.ChainPoints;
import org.stagewatch.analyze.stage.Status;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.decode.EventDecoder;
import org.stagewatch.devnet.AnvilNode;
import org.stagewatch.devnet.Deployed;
import org.stagewatch.devnet.RollupDao;
import org.stagewatch.devnet.RollupDaoDeployer;
import org.stagewatch.devnet.RollupScenario;
import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import org.stagewatch.sync.Indexer;
import org.stagewatch.sync.SyncProgress;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;

/**
 * The arbitrum preset's milestone section, verbatim, on the Arbitrum-like devnet replica (two chains, the L2
 * governor and timelock, the outbox message path, 9-of-12 councils on both), with its decision map's addresses
 * swapped for the replica's bridge: each milestone's status at head is the one the chain's own answers give —
 * executed proposals and delegates counted from the token's and governor's logs and getVotes, the council
 * threshold from the Safe — and every milestone after tokenVotingLive is blocked exactly while it is not achieved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupMilestonesIT {
    static final long L1 = 1_340;
    static final long L2 = 412_347;
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path dir;
    AnvilNode l1;
    AnvilNode l2;
    RollupDao rollup;
    Store store;
    DaoScope scope;

    @BeforeAll
    void deployPlayAndIndex() throws Exception {
        l1 = AnvilNode.start(L1);
        l2 = AnvilNode.start(L2);
        rollup = RollupDaoDeployer.deploy(l1, l2);
        RollupScenario.play(l1, rollup);
        Path config = dir.resolve("rollup.yml");
        Files.writeString(config, YAML.writeValueAsString(config()));
        store = new Store(Database.open(dir.resolve("rollup.db").toString()));
        new Indexer(store, EventDecoder.standard(), SyncProgress.NONE).backfill(ConfigLoader.load(config), OptionalLong.empty());
        scope = DaoScope.load(store, "rollup");
    }

    @AfterAll
    void stopNodes() {
        for (AnvilNode node : new AnvilNode[] {l1, l2}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private ObjectNode config() throws Exception {
        JsonNode preset = YAML.readTree(Path.of("..", "config", "presets", "arbitrum.yml").toFile()).get("daos").get("arbitrum");
        ObjectNode root = YAML.createObjectNode();
        ObjectNode chains = root.putObject("chains");
        chains.putObject("eth").put("chainId", L1).put("rpc", l1.rpcUrl());
        chains.putObject("arb1").put("chainId", L2).put("rpc", l2.rpcUrl()).put("parent", "eth");
        ObjectNode dao = root.putObject("daos").putObject("rollup");
        ArrayNode contracts = dao.putArray("contracts");
        entry(contracts, "votes-token", "arb1", rollup.token(), false, false);
        entry(contracts, "governor", "arb1", rollup.governor(), false, false);
        entry(contracts, "timelock", "arb1", rollup.l2Timelock(), false, false);
        entry(contracts, "safe", "arb1", rollup.l2Council(), false, true);
        entry(contracts, "upgrade-executor", "arb1", rollup.l2Executor(), false, false);
        entry(contracts, "ownable", "arb1", rollup.l2ProxyAdmin(), false, false);
        entry(contracts, "proxy", "arb1", rollup.l2Gateway(), true, false);
        entry(contracts, "timelock", "eth", rollup.l1Timelock(), false, false);
        entry(contracts, "safe", "eth", rollup.l1Council(), false, true);
        entry(contracts, "upgrade-executor", "eth", rollup.l1Executor(), false, false);
        entry(contracts, "ownable", "eth", rollup.l1ProxyAdmin(), false, false);
        entry(contracts, "proxy", "eth", rollup.bridge(), true, false);
        dao.putArray("messagePaths").addObject().put("label", "Outbox (challenge period)").put("fromChain", "arb1")
                .put("from", rollup.l2Timelock().checksummed()).put("toChain", "eth").put("sender", rollup.bridge().checksummed())
                .put("delaySeconds", 549_816);
        dao.set("milestones", preset.get("milestones").deepCopy());
        ObjectNode decision = dao.putArray("decisions").addObject().put("id", "protocolUpgrade").put("title", "Protocol upgrade");
        decision.putArray("permissions").addObject().put("chain", "eth").put("address", rollup.bridge().checksummed()).put("permission", "upgrade");
        return root;
    }

    private static void entry(ArrayNode contracts, String kind, String chain, Deployed contract, boolean critical, boolean council) {
        ObjectNode entry = contracts.addObject().put("kind", kind).put("chain", chain).put("address", contract.checksummed())
                .put("label", contract.name()).put("startBlock", contract.block());
        if (critical) {
            entry.put("critical", true);
        }
        if (council) {
            entry.put("council", true);
        }
    }

    private static List<EthLog.LogObject> logs(Web3j web3j, String address, String signature) throws Exception {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO), DefaultBlockParameterName.LATEST, address);
        filter.addSingleTopic(Hash.sha3String(signature));
        return web3j.ethGetLogs(filter).send().getLogs().stream().map(result -> (EthLog.LogObject) result.get()).toList();
    }

    private static BigInteger votes(Web3j web3j, String token, String delegate) throws Exception {
        Function getVotes = new Function("getVotes", List.of(new Address(delegate)), List.of(new TypeReference<Uint256>() { }));
        String result = web3j.ethCall(Transaction.createEthCallTransaction(null, token, FunctionEncoder.encode(getVotes)),
                DefaultBlockParameterName.LATEST).send().getValue();
        return (BigInteger) FunctionReturnDecoder.decode(result, getVotes.getOutputParameters()).get(0).getValue();
    }

    @Test
    void statusesAtHeadAreWhatTheChainAnswers() throws Exception {
        // from the chain: executed proposals (the governor's ProposalExecuted logs) and delegates with votes now (getVotes)
        long executed = logs(l2.web3j(), rollup.governor().address(), "ProposalExecuted(uint256)").size();
        Set<String> delegates = new HashSet<>();
        for (EthLog.LogObject log : logs(l2.web3j(), rollup.token().address(), "DelegateVotesChanged(address,uint256,uint256)")) {
            String delegate = "0x" + log.getTopics().get(1).substring(26).toLowerCase(Locale.ROOT);
            if (votes(l2.web3j(), rollup.token().address(), delegate).signum() > 0) {
                delegates.add(delegate);
            }
        }
        int l1Threshold = new ChainAt(l1.web3j(), l1.blockNumber()).threshold(rollup.l1Council().address());
        int l1Signers = new ChainAt(l1.web3j(), l1.blockNumber()).owners(rollup.l1Council().address()).size();

        MilestonesReport head = new MilestoneAnalyzer(store).at(scope, ChainPoints.resolve(store, scope, null, null, null));
        MilestoneStatus voting = executed >= 1 ? MilestoneStatus.ACHIEVED : MilestoneStatus.READY;
        assertThat(head.milestone("tokenVotingLive").status()).isEqualTo(voting);
        assertThat(head.milestone("tokenVotingLive").evidence()).anySatisfy(evidence -> assertThat(evidence.value())
                .startsWith(executed + " (wanted ≥ 1)"));
        MilestoneResult engaged = head.milestone("delegatesEngaged");
        assertThat(engaged.evidence()).anySatisfy(evidence -> assertThat(evidence.value()).startsWith(delegates.size() + " (wanted ≥ 1000)"));
        assertThat(engaged.status()).isEqualTo(delegates.size() >= 1000 ? engaged.status() : MilestoneStatus.READY);
        for (String dependent : List.of("proposalsExecutedThisYear", "bridgeAnswersToDaoOrCouncil", "councilElectionsOnChain")) {
            MilestoneResult result = head.milestone(dependent);
            if (voting != MilestoneStatus.ACHIEVED) {
                assertThat(result.status()).as(dependent).isEqualTo(MilestoneStatus.BLOCKED);
                assertThat(result.blockedBy()).as(dependent).containsExactly("tokenVotingLive");
            }
        }
        // every route to the bridge and the gateway needs the vote (governor → timelocks) or the 9-of-12 council (≥ 75%)
        assertThat((long) l1Threshold * 4).isGreaterThanOrEqualTo(3L * l1Signers);
        assertThat(head.milestone("bridgeAnswersToDaoOrCouncil").check()).isEqualTo(Status.PASSED);
        // the replica has no SecurityCouncilManager: council elections cannot be seen, so that check is unknown
        assertThat(head.milestone("councilElectionsOnChain").check()).isEqualTo(Status.UNKNOWN);
        assertThat(head.milestone("stage1").status()).isEqualTo(MilestoneStatus.BLOCKED);
        assertThat(head.phases()).extracting(PhaseProgress::total).containsExactly(3, 3);

        DecisionsReport decisions = new DecisionAnalyzer(store).at(scope, ChainPoints.resolve(store, scope, null, null, null));
        assertThat(decisions.decision("protocolUpgrade").holders()).containsExactlyInAnyOrder("token-holder vote", "security council");
    }
}
