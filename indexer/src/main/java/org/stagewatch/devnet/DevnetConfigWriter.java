package org.stagewatch.devnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the config file (config/SCHEMA.md) that indexes a deployed {@link DemoDao}: chain
 * {@value #CHAIN} and DAO {@value #DAO}, one entry per contract with its kind, label and deployment
 * block, addresses EIP-55 checksummed. Only the contracts an indexer watches are listed (not the
 * Safe singleton and factory, the bridge implementations or the upgrade action).
 */
public final class DevnetConfigWriter {
    public static final String CHAIN = "devnet";
    public static final String DAO = "demo";
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new QuoteHex())
            .build());

    /** Quotes 0x… values: YAML 1.1 readers (PyYAML, SnakeYAML) would otherwise read an address as a hex integer. */
    private static final class QuoteHex extends StringQuotingChecker.Default {
        @Override
        public boolean needToQuoteValue(String value) {
            return value.startsWith("0x") || super.needToQuoteValue(value);
        }
    }

    private DevnetConfigWriter() {
    }

    public static void write(Path file, long chainId, String rpcUrl, DemoDao dao) {
        ObjectNode root = YAML.createObjectNode();
        ObjectNode chain = root.putObject("chains").putObject(CHAIN);
        chain.put("chainId", chainId);
        chain.put("rpc", rpcUrl);
        ObjectNode demo = root.putObject("daos").putObject(DAO);
        demo.put("name", "Demo DAO (devnet)");
        ArrayNode contracts = demo.putArray("contracts");
        add(contracts, "votes-token", dao.token()).put("transfers", true);
        add(contracts, "governor", dao.governor());
        add(contracts, "timelock", dao.timelock());
        add(contracts, "safe", dao.councilSafe()).put("council", true);
        add(contracts, "upgrade-executor", dao.upgradeExecutor());
        add(contracts, "ownable", dao.proxyAdmin());
        add(contracts, "proxy", dao.bridgeProxy()).put("critical", true);
        stage(demo.putObject("stage"), dao);
        milestones(demo.putObject("milestones"), dao);
        decisions(demo.putArray("decisions"), dao);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, "# Written by Stagewatch's devnet for the demo DAO it deployed; see config/SCHEMA.md.\n"
                    + YAML.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    /**
     * The demo DAO stands in for an Arbitrum-like rollup: the statements no devnet can make are L2BEAT's for
     * Arbitrum One (the two the Arbitrum preset probes are asserted here, as the devnet has no rollup contract);
     * the exit delay is Arbitrum's force-inclusion delay alone, as no route of the demo passes a challenge period.
     */
    private static void stage(ObjectNode stage, DemoDao dao) {
        ObjectNode exitDelay = stage.putArray("exitDelay").addObject();
        exitDelay.put("label", "force-inclusion delay (Arbitrum's)");
        exitDelay.put("seconds", 86_400);
        exitDelay.put("source", ARBITRUM);
        ObjectNode council = stage.putArray("councils").addObject();
        council.put("chain", CHAIN);
        council.put("address", dao.councilSafe().checksummed());
        council.put("announced", ARBITRUM);
        council.put("outsideTeam", true);
        council.put("source", ARBITRUM);
        ObjectNode assertions = stage.putObject("assertions");
        for (String id : new String[] {"callsItselfRollup", "stateRootsPostedToL1", "dataAvailabilityOnL1", "rollupNodeSourceAvailable",
                "stateVerificationOnL1", "fraudProofSystemAtLeast5Outsiders", "usersCanExitWithoutCooperation", "principle",
                "fraudProofSystemIsPermissionless"}) {
            assertions.putObject(id).put("value", true).put("source", ARBITRUM);
        }
        assertions.putObject("proofSystemOverriddenOnlyInCaseOfABug").put("value", false).put("source", ARBITRUM);
        // L2BEAT's null for Arbitrum One (no ZK prover): left out of the rating
        for (String id : new String[] {"noRedTrustedSetups", "proverSourcePublished", "verifierContractsReproducible",
                "programHashesReproducible"}) {
            assertions.putObject(id).put("value", "n/a").put("source", ARBITRUM);
        }
        ObjectNode treasury = stage.putArray("treasuries").addObject();
        treasury.put("chain", CHAIN);
        treasury.put("address", dao.timelock().checksummed());
    }

    private static final String ARBITRUM = "https://l2beat.com/scaling/projects/arbitrum";
    private static final String ARBITRUM_PATH = "https://docs.arbitrum.foundation/";

    /**
     * A small path in Arbitrum's two later steps: community participation (a proposal executed, power spread over at
     * least two delegates, the council properly set up) and sufficient decentralization (the ProxyAdmin answers to
     * the UpgradeExecutor and every route to the bridge needs the vote or the council, after token voting; a 30-day
     * exit window, after both — which the demo's short delays fail, so it stays ready).
     */
    private static void milestones(ObjectNode milestones, DemoDao dao) {
        ArrayNode phases = milestones.putArray("phases");
        phases.addObject().put("id", "participation").put("title", "Community participation").put("order", 1);
        phases.addObject().put("id", "decentralization").put("title", "Sufficient decentralization").put("order", 2);
        ArrayNode list = milestones.putArray("milestones");
        ObjectNode voting = milestone(list, "tokenVoting", "Token holders have executed a proposal", "participation");
        voting.putObject("check").putObject("activity").put("count", "proposalsExecuted").put("atLeast", 1);
        ObjectNode spread = milestone(list, "powerSpread", "No single delegate holds a majority", "participation");
        spread.putObject("check").putObject("metric").put("name", "nakamoto.majority").put("atLeast", 2);
        ObjectNode council = milestone(list, "councilSetUp", "The security council is properly set up", "participation");
        council.putObject("check").put("requirement", "securityCouncilProperlySetUp");
        ObjectNode upgrades = milestone(list, "daoControlsUpgrades", "Only the DAO or its council can upgrade the bridge", "decentralization");
        upgrades.putArray("after").add("tokenVoting");
        ArrayNode all = upgrades.putObject("check").putArray("all");
        ObjectNode owner = all.addObject().putObject("owner");
        owner.put("chain", CHAIN).put("address", dao.proxyAdmin().checksummed());
        owner.putArray("in").addObject().put("chain", CHAIN).put("address", dao.upgradeExecutor().checksummed());
        all.addObject().putObject("route").put("every", "voteOrCouncil");
        ObjectNode exit = milestone(list, "thirtyDayExit", "Upgrades not gated by the council leave 30 days to exit", "decentralization");
        exit.putArray("after").add("daoControlsUpgrades").add("councilSetUp");
        exit.putObject("check").putObject("route").put("minDelaySeconds", 30 * 86_400);
    }

    private static ObjectNode milestone(ArrayNode list, String id, String title, String phase) {
        ObjectNode milestone = list.addObject();
        milestone.put("id", id).put("title", title).put("phase", phase).put("source", ARBITRUM_PATH);
        return milestone;
    }

    /** Who upgrades the bridge, who may drive the UpgradeExecutor, who acts as the treasury timelock. */
    private static void decisions(ArrayNode decisions, DemoDao dao) {
        ObjectNode upgrade = decisions.addObject().put("id", "protocolUpgrade").put("title", "Protocol upgrade");
        upgrade.putArray("permissions").addObject().put("chain", CHAIN).put("address", dao.bridgeProxy().checksummed())
                .put("permission", "upgrade");
        ObjectNode executor = decisions.addObject().put("id", "upgradeExecution").put("title", "Executing upgrades");
        executor.putArray("permissions").addObject().put("chain", CHAIN).put("address", dao.upgradeExecutor().checksummed())
                .put("permission", "role").put("role", "EXECUTOR_ROLE");
        ObjectNode treasury = decisions.addObject().put("id", "treasuryGrant").put("title", "Treasury grant");
        treasury.putArray("permissions").addObject().put("chain", CHAIN).put("address", dao.timelock().checksummed())
                .put("permission", "act").put("function", "transfer(address,uint256)");
    }

    private static ObjectNode add(ArrayNode contracts, String kind, Deployed contract) {
        ObjectNode entry = contracts.addObject();
        entry.put("kind", kind);
        entry.put("chain", CHAIN);
        entry.put("address", contract.checksummed());
        entry.put("label", contract.name());
        entry.put("startBlock", contract.block());
        return entry;
    }
}
